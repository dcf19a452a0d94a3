// What the queue tests share: the topology, trigger workflows reachable through the proxy or one
// webhook process directly, and execution counts read from Postgres (tens of thousands of
// executions would take minutes to page through the public API).
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { actionWorkflow, type ActionNodeOptions } from '../e2e/actionWorkflow';
import { delay, http } from '../e2e/http';
import { ActionRunner, getN8n, uniqueName, type N8nClient } from '../e2e/n8nClient';
import { NODE_TYPES } from '../e2e/paths';
import type { WorkflowJson } from '../e2e/types';
import { queueDir, queueSql, readTopology, type QueueTopology } from './topology';

export { killWebhookProcess, startWebhookProcess } from './topology';

export const TRIGGER = 'NXCloud Trigger';
export const AFTER = 'Next Step';

let cached: QueueTopology | undefined;
/** The topology globalSetup started (re-read: a test may have restarted a webhook process). */
export function topology(reload = false): QueueTopology {
	if (reload || !cached) cached = readTopology();
	return cached;
}

export function n8nMain(): N8nClient {
	return getN8n();
}

export interface QueueTrigger {
	workflowId: string;
	webhookId: string;
	/** `/webhook/<id>/webhook`, to append to the proxy's or a webhook process's base URL. */
	path: string;
	/** Through the round-robin proxy, as NXCloud would post. */
	proxyUrl: string;
	/** Straight to webhook process `index`, bypassing the proxy. */
	directUrl(index: number): string;
}

/**
 * An active workflow: NXCloud Trigger → No Op on output `branch` (if given). Returns once every
 * webhook process serves it (an unsigned `{}` answered 401 by each).
 */
export async function deployQueueTrigger(
	credentialId: string,
	parameters: Record<string, unknown>,
	{ branch, label = 'queue' }: { branch?: number; label?: string } = {},
): Promise<QueueTrigger> {
	const n8n = n8nMain();
	const webhookId = randomUUID();
	const workflow: WorkflowJson = {
		name: uniqueName(`NXCloud ${label}`),
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				name: TRIGGER,
				type: NODE_TYPES.trigger,
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters,
				credentials: { nxCloudApi: { id: credentialId, name: 'queue' } },
			},
			...(branch === undefined
				? []
				: [
						{
							name: AFTER,
							type: 'n8n-nodes-base.noOp',
							typeVersion: 1,
							position: [300, 0] as [number, number],
							parameters: {},
						},
					]),
		],
		connections:
			branch === undefined
				? {}
				: {
						[TRIGGER]: {
							main: Array.from({ length: branch + 1 }, (_, i) =>
								i === branch ? [{ node: AFTER, type: 'main', index: 0 }] : [],
							),
						},
					},
	};
	const workflowId = await n8n.createWorkflow(workflow);
	await n8n.activateWorkflow(workflowId);
	const path = `/webhook/${webhookId}/webhook`;
	const t = topology(true);
	const trigger: QueueTrigger = {
		workflowId,
		webhookId,
		path,
		proxyUrl: `${t.proxy!.url}${path}`,
		directUrl: (index) => `${topology().webhooks[index].baseUrl}${path}`,
	};
	for (let i = 0; i < t.webhooks.length; i++)
		await n8n.waitForWebhook(trigger.directUrl(i), 401, { timeoutMs: 30_000 });
	return trigger;
}

export function sql(query: string): string {
	return queueSql(topology(), query);
}

/** Executions of a workflow per status, from the database. */
export function executionStatuses(workflowId: string): Record<string, number> {
	const rows = sql(
		`SELECT status, count(*) FROM execution_entity WHERE "workflowId" = '${workflowId}' GROUP BY status`,
	);
	const counts: Record<string, number> = {};
	for (const line of rows.split('\n').filter(Boolean)) {
		const [status, count] = line.split('|');
		counts[status] = Number(count);
	}
	return counts;
}

const UNFINISHED = ['new', 'running', 'waiting'];

export function total(counts: Record<string, number>): number {
	return Object.values(counts).reduce((a, b) => a + b, 0);
}

/**
 * Waits until the workflow has at least `expected` executions and none unfinished, then `settleMs`
 * more (so one that should not exist has time to appear); returns the counts per status.
 */
export async function settledStatuses(
	workflowId: string,
	expected: number,
	{ timeoutMs = 300_000, settleMs = 2_000 } = {},
): Promise<Record<string, number>> {
	const deadline = Date.now() + timeoutMs;
	const unfinished = (counts: Record<string, number>) =>
		UNFINISHED.reduce((n, s) => n + (counts[s] ?? 0), 0);
	let counts = executionStatuses(workflowId);
	while ((total(counts) < expected || unfinished(counts) > 0) && Date.now() < deadline) {
		await delay(1000);
		counts = executionStatuses(workflowId);
	}
	await delay(settleMs);
	return executionStatuses(workflowId);
}

/**
 * How many executions of the workflow carry each marker (the first match of `pattern`, a POSIX
 * regular expression, in the execution's stored data). One event per push, one marker per event:
 * a marker counted twice ran twice; one missing never ran. `status` counts only executions in that
 * status (an execution row can exist without having run: see the crash test).
 */
export function markerCounts(
	workflowId: string,
	pattern: string,
	{ status }: { status?: string } = {},
): Map<string, number> {
	const only = status ? ` AND e.status = '${status}'` : '';
	const rows = sql(
		`SELECT substring(d.data from '${pattern}') AS marker, count(*) FROM execution_data d ` +
			`JOIN execution_entity e ON e.id = d."executionId" WHERE e."workflowId" = '${workflowId}'${only} GROUP BY marker`,
	);
	const counts = new Map<string, number>();
	for (const line of rows.split('\n').filter(Boolean)) {
		const [marker, count] = line.split('|');
		counts.set(marker, Number(count));
	}
	return counts;
}

/** Execution ids a process's log says it ran ("Worker started execution <id>"). */
export function executionsStartedIn(logFile: string): Set<string> {
	const text = readFileSync(logFile, 'utf8');
	return new Set([...text.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]));
}

/** The proxy's per-backend counters. */
export async function proxyStats(): Promise<{
	requests: number[];
	refused: number[];
	failed: number[];
}> {
	return (await http(`${topology().proxy!.url}/__proxy/stats`)).json as {
		requests: number[];
		refused: number[];
		failed: number[];
	};
}

/** n8n answers a webhook it does not know (yet) with 404; wait until all workers' queues are empty. */
export async function waitQueueIdle(workflowId: string, timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const counts = executionStatuses(workflowId);
		if (UNFINISHED.every((s) => !counts[s])) return;
		await delay(500);
	}
}

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * The e2e harness's action runner (Webhook → Split Out → NXCloud), posted to through the proxy:
 * the main process serves no production webhooks in this topology.
 */
export async function createProxyActionRunner(
	options: Omit<ActionNodeOptions, 'name'>,
): Promise<ActionRunner> {
	const n8n = n8nMain();
	const path = `nxcloud-queue-${randomUUID()}`;
	const id = await n8n.createWorkflow(
		actionWorkflow(path, { ...options, name: uniqueName('NXCloud queue action') }),
	);
	await n8n.activateWorkflow(id);
	const url = `${topology().proxy!.url}/webhook/${path}`;
	for (let i = 0; i < topology().webhooks.length; i++)
		await n8n.waitForWebhook(`${topology().webhooks[i].baseUrl}/webhook/${path}`);
	return new ActionRunner(n8n, id, url);
}

/** Prints what a test measured and keeps it as .cache/queue/figures/<name>-latest.json. */
export function reportFigures(name: string, lines: string[], data: Record<string, unknown>): void {
	process.stdout.write(`\n[queue ${name}]\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
	const folder = join(queueDir, 'figures');
	mkdirSync(folder, { recursive: true });
	const settings = topology().settings;
	writeFileSync(
		join(folder, `${name}-latest.json`),
		`${JSON.stringify({ date: new Date().toISOString(), settings, ...data }, null, 2)}\n`,
	);
}

/**
 * Sends like NXCloud: an answer other than 200 (n8n's 503 "Database is not ready!" under load, the
 * proxy's 502 for a process that died) or no answer at all is retried, after `backoffMs`, up to
 * `tries` times. Returns the last answer's status and text, and how many tries it took.
 */
export async function deliverWithRetries(
	send: () => Promise<{ status: number; text(): string }>,
	{ tries = 10, backoffMs = 1000 } = {},
): Promise<{ status: number; text: string; tries: number }> {
	let last = { status: 0, text: '' };
	for (let attempt = 1; attempt <= tries; attempt++) {
		try {
			const result = await send();
			last = { status: result.status, text: result.text() };
			if (result.status === 200) return { ...last, tries: attempt };
		} catch (error) {
			last = { status: 0, text: (error as Error).message };
		}
		await delay(backoffMs);
	}
	return { ...last, tries };
}
