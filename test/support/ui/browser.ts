import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (scripts/install-chromium.sh); override with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The flags the machine notes require: root needs --no-sandbox, and without the
 * background-networking flags Chromium keeps dialling Google hosts the closed network refuses.
 */
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

export interface EditorBrowser {
	context: BrowserContext;
	page: Page;
	/** Closes Chromium and removes its profile folder. */
	close(): Promise<void>;
}

let testIdsSet = false;

/**
 * A headless Chromium with a fresh, empty profile, whose page opens paths relative to `baseUrl`.
 * Requests to any other origin are aborted: the editor fetches npm and n8n.io for community node
 * details and templates, which a closed network cannot reach, and those are not our concern.
 */
export async function launchEditorBrowser(
	baseUrl: string,
	{ colorScheme = 'light' as 'light' | 'dark' } = {},
): Promise<EditorBrowser> {
	if (!existsSync(chromiumPath)) {
		throw new Error(
			`Chromium is missing at ${chromiumPath}: run \`bash scripts/install-chromium.sh\` (or set CHROMIUM_PATH)`,
		);
	}
	if (!testIdsSet) {
		// n8n's editor marks its elements with data-test-id (not Playwright's default data-testid).
		selectors.setTestIdAttribute('data-test-id');
		testIdsSet = true;
	}
	const profile = mkdtempSync(join(tmpdir(), 'nxcloud-ui-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: chromiumPath,
		headless: true,
		args: CHROMIUM_FLAGS,
		baseURL: baseUrl,
		viewport: { width: 1440, height: 900 },
		deviceScaleFactor: 1,
		colorScheme,
		locale: 'en-US',
		timezoneId: 'UTC',
	});
	const origin = new URL(baseUrl).origin;
	await context.route(
		(url) => url.origin !== origin && (url.protocol === 'http:' || url.protocol === 'https:'),
		(route) => route.abort('blockedbyclient'),
	);
	const page = context.pages()[0] ?? (await context.newPage());
	page.setDefaultTimeout(20_000);
	// Loading the editor's bundle is the slowest step on a loaded machine (n8n, Chromium and other
	// test runs share the cores): page loads get longer than single interactions.
	page.setDefaultNavigationTimeout(60_000);
	return {
		context,
		page,
		close: async () => {
			await context.close().catch(() => undefined);
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
