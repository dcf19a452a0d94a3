import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import type { INodeTypeDescription } from 'n8n-workflow';

import { NODE_TYPES, repoRoot } from '../e2e/paths';
import type { Execution, ItemJson, WorkflowJson, WorkflowNode } from '../e2e/types';
import { isVisible, valuesWith } from './nodeDescription';

/**
 * Helpers for test/e2e/examples.test.ts: load an example from examples/, make the few swaps a test
 * run needs (documented in docs/development.md, "How the test suite runs the examples"), and stand in for the outside services the example
 * calls (chat webhook, CRM, messaging API) with a recording HTTP server.
 */
export const examplesDir = join(repoRoot, 'examples');

export function exampleFiles(): string[] {
	return readdirSync(examplesDir).filter((name) => name.endsWith('.json'));
}

/** An example as stored: a workflow with its pinned sample data (scripts/examples-pin-data.mjs). */
export type ExampleWorkflow = WorkflowJson & {
	nodes: WorkflowNode[];
	pinData?: Record<string, Array<{ json: ItemJson }>>;
};

export function loadExample(file: string): ExampleWorkflow {
	return JSON.parse(readFileSync(join(examplesDir, file), 'utf8')) as ExampleWorkflow;
}

/**
 * Item fields the trigger adds only when the event has them (events/items.ts): epoch times for
 * `timestamps`, cost lines for `cost`. A sample event may have them when the stand-in's does not.
 */
const CONDITIONAL_KEYS = new Set(['timestamps', 'cost']);

/**
 * Where the example's pinned sample data and what its nodes really output (in the given
 * executions of the example against the stand-in) disagree: for each pinned node, the top-level
 * fields found on one side only. A pinned node that never ran is reported too.
 */
export function pinnedShapeMismatches(example: ExampleWorkflow, executions: Execution[]): string[] {
	const problems: string[] = [];
	for (const [name, pinned] of Object.entries(example.pinData ?? {})) {
		const actual = executions.flatMap(
			(execution) => execution.data?.resultData.runData[name]?.[0]?.data?.main?.[0] ?? [],
		);
		if (actual.length === 0) {
			problems.push(`${name}: pinned, but produced no items in the test run`);
			continue;
		}
		const keys = (items: Array<{ json: ItemJson }>) =>
			new Set(items.flatMap((item) => Object.keys(item.json)));
		const [pinnedKeys, actualKeys] = [keys(pinned), keys(actual)];
		const only = (a: Set<string>, b: Set<string>) =>
			[...a].filter((key) => !b.has(key) && !CONDITIONAL_KEYS.has(key)).sort();
		const pinnedOnly = only(pinnedKeys, actualKeys);
		const actualOnly = only(actualKeys, pinnedKeys);
		if (pinnedOnly.length > 0 || actualOnly.length > 0)
			problems.push(
				`${name}: only in the pinned data: [${pinnedOnly.join(', ')}]; only in the real output: [${actualOnly.join(', ')}]`,
			);
	}
	return problems;
}

export interface Swaps {
	/** Every node's `nxCloudApi` credential becomes this one (the examples name "NXCloud account", id ""). */
	credentialId: string;
	/** Origin of the recording server; replaces the scheme and host of every HTTP Request node URL. */
	servicesOrigin: string;
	/** A run-unique name (n8n refuses duplicates). */
	name: string;
	/** Exact `REPLACE-WITH-…` parameter values of NXCloud nodes and what the test account uses instead. */
	placeholders?: Record<string, string>;
}

const TIMER_TRIGGERS = new Set(['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.scheduleTrigger']);

/** Replaces string values equal to a placeholder, at any depth (fixedCollections included). */
function fillPlaceholders(value: unknown, placeholders: Record<string, string>): unknown {
	if (typeof value === 'string') return placeholders[value] ?? value;
	if (Array.isArray(value)) return value.map((entry) => fillPlaceholders(entry, placeholders));
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, fillPlaceholders(entry, placeholders)]),
		);
	}
	return value;
}

/**
 * Manual and Schedule Triggers cannot be started from outside, so the test copy turns each into a
 * POST Webhook trigger of the same name (connections unchanged); nothing else of the node is kept.
 * Returns the production URL per trigger name.
 */
export function swapTimerTriggersForWebhooks(
	workflow: WorkflowJson & { nodes: WorkflowNode[] },
	baseUrl: string,
): Record<string, string> {
	const urls: Record<string, string> = {};
	for (const node of workflow.nodes) {
		if (!TIMER_TRIGGERS.has(node.type)) continue;
		const path = randomUUID();
		node.type = 'n8n-nodes-base.webhook';
		node.typeVersion = 2;
		node.parameters = { httpMethod: 'POST', path, options: {} };
		node.webhookId = path;
		urls[node.name] = `${baseUrl.replace(/\/$/, '')}/webhook/${path}`;
	}
	return urls;
}

/**
 * Replaces the named node with a Code node of the same name that outputs one item whose binary
 * `data` is the given file (what Read/Write Files from Disk outputs for it).
 */
export function swapNodeForFile(
	workflow: WorkflowJson & { nodes: WorkflowNode[] },
	nodeName: string,
	file: { fileName: string; mimeType: string; content: string },
): void {
	const node = workflow.nodes.find((candidate) => candidate.name === nodeName);
	if (!node) throw new Error(`${workflow.name} has no node "${nodeName}"`);
	const binary = {
		data: Buffer.from(file.content, 'utf8').toString('base64'),
		mimeType: file.mimeType,
		fileName: file.fileName,
	};
	node.type = 'n8n-nodes-base.code';
	node.typeVersion = 2;
	node.parameters = {
		jsCode: `return [{ json: {}, binary: { data: ${JSON.stringify(binary)} } }];`,
	};
}

/**
 * The example as the test imports it. Swapped: the credential id, the host of outside-service URLs
 * (path kept), webhook IDs (fresh, so two imports never share a production URL), and the given
 * `REPLACE-WITH-…` values of NXCloud nodes. Nothing else.
 */
export function prepareExample(example: ExampleWorkflow, swaps: Swaps): ExampleWorkflow {
	const copy = JSON.parse(JSON.stringify(example)) as ExampleWorkflow;
	copy.name = swaps.name;
	for (const node of copy.nodes) {
		if (swaps.placeholders && node.type === NODE_TYPES.action) {
			node.parameters = fillPlaceholders(
				node.parameters,
				swaps.placeholders,
			) as WorkflowNode['parameters'];
		}
		if (node.credentials?.nxCloudApi)
			node.credentials.nxCloudApi = {
				id: swaps.credentialId,
				name: node.credentials.nxCloudApi.name,
			};
		if (node.webhookId) node.webhookId = randomUUID();
		if (node.type === 'n8n-nodes-base.httpRequest' && typeof node.parameters.url === 'string') {
			node.parameters.url = node.parameters.url.replace(
				/https:\/\/[a-z0-9.-]+\.example\.com/g,
				swaps.servicesOrigin,
			);
		}
	}
	return copy;
}

/** Production webhook URL of the example's trigger: `<base>/webhook/<webhookId>/webhook`. */
export function triggerUrl(
	workflow: WorkflowJson & { nodes: WorkflowNode[] },
	baseUrl: string,
): string {
	const trigger = workflow.nodes.find((node) => node.type === NODE_TYPES.trigger);
	if (!trigger?.webhookId)
		throw new Error(`${workflow.name} has no NXCloud Trigger with a webhookId`);
	return `${baseUrl.replace(/\/$/, '')}/webhook/${trigger.webhookId}/webhook`;
}

/**
 * Parameter names (top level) and option values of our nodes in an example that the BUILT node
 * does not have: what an example must be fixed for when a node's description changes.
 */
export function unknownParameters(
	example: WorkflowJson & { nodes: WorkflowNode[] },
	descriptions: Record<string, INodeTypeDescription>,
): string[] {
	const problems: string[] = [];
	for (const node of example.nodes) {
		const description = descriptions[node.type];
		if (!description) continue;
		// As saved: a version-1 node shows what version 1 shows.
		const version = (node as { typeVersion?: number }).typeVersion;
		const values = valuesWith(description, node.parameters as never, version);
		for (const [name, value] of Object.entries(node.parameters)) {
			const candidates = description.properties.filter((p) => p.name === name);
			const property = candidates.find((p) => isVisible(description, p, values, version));
			if (!property) {
				problems.push(
					`${node.name}: parameter "${name}" ${candidates.length ? 'is not shown for these settings' : 'does not exist'}`,
				);
				continue;
			}
			if (
				(property.type === 'options' || property.type === 'multiOptions') &&
				Array.isArray(property.options)
			) {
				const allowed = new Set(property.options.map((o) => ('value' in o ? o.value : undefined)));
				const given = Array.isArray(value) ? value : [value];
				for (const v of given) {
					if (typeof v === 'string' && v.startsWith('=')) continue;
					if (!allowed.has(v as never))
						problems.push(`${node.name}: "${name}" has no option ${JSON.stringify(v)}`);
				}
			}
		}
	}
	return problems;
}

export interface Captured {
	method: string;
	path: string;
	body: Record<string, unknown>;
}

/** A loopback HTTP server standing in for the outside services; answers 200 `{ok:true}`. */
export async function startServiceRecorder(): Promise<{
	origin: string;
	requests: Captured[];
	close(): Promise<void>;
}> {
	const requests: Captured[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			let body: Record<string, unknown> = {};
			try {
				body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
			} catch {
				body = { raw: text };
			}
			requests.push({ method: req.method ?? '', path: req.url ?? '', body });
			res.setHeader('content-type', 'application/json');
			res.end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		requests,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
