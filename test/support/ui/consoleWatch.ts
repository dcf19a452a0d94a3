import type { ConsoleMessage, Page } from 'playwright-core';

export interface BrowserProblem {
	kind: 'console' | 'pageerror' | 'http';
	text: string;
	/** Script or resource URL, when the browser names one. */
	url?: string;
	/** Stack of an uncaught exception. */
	stack?: string;
	/** The phase the test was in (see `phase`). */
	phase: string;
}

const OURS = /nxcloud/i;

/**
 * Everything that goes wrong in the page: console errors, uncaught exceptions, and HTTP
 * answers ≥ 400 from n8n itself. Tests name phases ("action node", "credential dialog"); a
 * problem recorded in a phase where our nodes are on screen, or one that names our package,
 * node types or credential anywhere, counts as ours.
 */
export class ConsoleWatch {
	readonly problems: BrowserProblem[] = [];
	private currentPhase = 'start';

	constructor(
		page: Page,
		private readonly origin: string,
	) {
		page.on('console', (message) => this.onConsole(message));
		page.on('pageerror', (error) =>
			this.problems.push({
				kind: 'pageerror',
				text: error.message,
				stack: error.stack,
				phase: this.currentPhase,
			}),
		);
		page.on('response', (response) => {
			if (response.status() < 400 || !response.url().startsWith(this.origin)) return;
			this.problems.push({
				kind: 'http',
				text: `HTTP ${response.status()} ${response.request().method()} ${response.url()}`,
				url: response.url(),
				phase: this.currentPhase,
			});
		});
	}

	/** Problems recorded from now on carry this phase name. */
	phase(name: string): void {
		this.currentPhase = name;
	}

	private onConsole(message: ConsoleMessage): void {
		if (message.type() !== 'error') return;
		const url = message.location().url || undefined;
		// Requests to other origins are aborted on purpose (see browser.ts): the closed network
		// cannot reach npm or n8n.io, and the editor reports each as a failed resource load.
		if (
			url &&
			!url.startsWith(this.origin) &&
			/Failed to load resource|ERR_BLOCKED_BY_CLIENT/.test(message.text())
		)
			return;
		this.problems.push({ kind: 'console', text: message.text(), url, phase: this.currentPhase });
	}

	/**
	 * Problems that come from our nodes: those naming NXCloud (package, node type, credential,
	 * icon URL), and every problem in one of `ourPhases`, except n8n's own `expected` ones.
	 */
	ours(ourPhases: string[], expected: RegExp[] = []): BrowserProblem[] {
		return this.problems.filter((problem) => {
			const text = `${problem.text} ${problem.url ?? ''} ${problem.stack ?? ''}`;
			if (expected.some((pattern) => pattern.test(text))) return false;
			return OURS.test(text) || ourPhases.includes(problem.phase);
		});
	}

	static describe(problems: BrowserProblem[]): string {
		return problems
			.map(
				(p) =>
					`[${p.phase}] ${p.kind}: ${p.text}${p.url ? ` (${p.url})` : ''}${p.stack ? `\n${p.stack}` : ''}`,
			)
			.join('\n');
	}
}
