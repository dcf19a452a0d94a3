import type { N8nClient } from '../e2e/n8nClient';
import type { Execution } from '../e2e/types';

const UNFINISHED = new Set(['new', 'running', 'waiting']);

interface Page {
	data: Execution[];
	nextCursor?: string | null;
}

/**
 * Visits every execution (of one workflow, or all), page by page through the public API's cursor,
 * so thousands of executions (some of them megabytes) never sit in memory at once.
 */
export async function forEachExecution(
	n8n: N8nClient,
	options: { workflowId?: string; includeData: boolean; pageSize?: number },
	visit: (execution: Execution, text: string | undefined) => void | Promise<void>,
): Promise<number> {
	let cursor: string | undefined;
	let seen = 0;
	do {
		const query = new URLSearchParams({
			includeData: String(options.includeData),
			limit: String(options.pageSize ?? (options.includeData ? 50 : 250)),
		});
		if (options.workflowId) query.set('workflowId', options.workflowId);
		if (cursor) query.set('cursor', cursor);
		const page = await n8n.api<Page>('GET', `/executions?${query}`);
		for (const execution of page.data) {
			seen++;
			await visit(execution, options.includeData ? JSON.stringify(execution) : undefined);
		}
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return seen;
}

export interface ExecutionCount {
	total: number;
	unfinished: number;
	byStatus: Record<string, number>;
}

export async function countExecutions(n8n: N8nClient, workflowId: string): Promise<ExecutionCount> {
	const count: ExecutionCount = { total: 0, unfinished: 0, byStatus: {} };
	await forEachExecution(n8n, { workflowId, includeData: false }, (execution) => {
		count.total++;
		if (UNFINISHED.has(execution.status)) count.unfinished++;
		count.byStatus[execution.status] = (count.byStatus[execution.status] ?? 0) + 1;
	});
	return count;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the workflow has at least `expected` executions and none is still running, then
 * waits `settleMs` more and counts again, so an execution that should not exist has had time to
 * appear. Gives up after `timeoutMs` and returns what it counted (the caller's assertion fails).
 */
export async function settledExecutionCount(
	n8n: N8nClient,
	workflowId: string,
	expected: number,
	{ settleMs = 2_000, timeoutMs = 180_000 } = {},
): Promise<ExecutionCount> {
	const deadline = Date.now() + timeoutMs;
	let count = await countExecutions(n8n, workflowId);
	while ((count.total < expected || count.unfinished > 0) && Date.now() < deadline) {
		await sleep(500);
		count = await countExecutions(n8n, workflowId);
	}
	await sleep(settleMs);
	return await countExecutions(n8n, workflowId);
}

/** Every distinct marker (see hostile/generate.ts) in a text. */
export function markersIn(text: string): Set<string> {
	return new Set(text.match(/RM-[0-9a-z]+-[wc]\d+-Z/g) ?? []);
}
