// The crash scenario shared by the single-process and queue-mode tests: a burst of signed
// WhatsApp pushes, one webhook-receiving process SIGKILLed halfway, restarted, then every push
// delivered again byte for byte (those answered 200 too, the worst NXCloud could do), and each
// event's executions counted.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { http, delay, pollUntil } from '../e2e/http';
import { uniqueName } from '../e2e/n8nClient';
import { NODE_TYPES, cacheDir } from '../e2e/paths';
import { countExecutions } from '../reliability/executions';
import { executionsPerMarker } from './executionMarkers';
import {
	deliver,
	deliverAll,
	durabilityAccount,
	pushBatch,
	type Delivery,
	type SignedPush,
} from './pushes';
import type { DurabilityTopology } from './topology';

export interface CrashBurstOptions {
	pushes: number;
	concurrency: number;
	/** The kill is sent once this many answers have come back. */
	killAfterAnswers: number;
	/** Which webhook-receiving process is killed. */
	killProcess: number;
	/** Name of the figures file under .cache/durability/. */
	label: string;
	/**
	 * Runs after the restart, before any push is delivered again: to check what ran without
	 * NXCloud's help (a push answered 200 must have, since NXCloud never resends it on its own).
	 */
	beforeRedelivery?(burst: { workflowId: string; first: Delivery[] }): Promise<void>;
}

export interface CrashBurstFigures {
	label: string;
	workflowId: string;
	pushes: number;
	concurrency: number;
	killedAfterAnswers: number;
	/** First delivery: answers by status ("none" = connection refused or reset). */
	firstAnswers: Record<string, number>;
	answered200: number;
	/** Events with at least one execution after the redeliveries. */
	executed: number;
	/** Events with no execution at all (must be none). */
	missing: string[];
	/** Events answered 200 the first time that ran more than once. */
	duplicatedAfter200: string[];
	/** Events not answered 200 the first time (in flight at the kill) that ran more than once. */
	duplicatedWithout200: string[];
	/** Redelivery answers by status, after NXCloud-like retries of non-2xx answers. */
	redeliveryAnswers: Record<string, number>;
	executionStatuses: Record<string, number>;
	seconds: { burst: number; restart: number; redelivery: number };
}

const statusOf = (d: Delivery) => (d.status === undefined ? 'none' : String(d.status));

function tally(deliveries: Delivery[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const d of deliveries) counts[statusOf(d)] = (counts[statusOf(d)] ?? 0) + 1;
	return counts;
}

/** Deploys an active workflow holding only the trigger (WhatsApp, default settings). */
async function deployTrigger(
	topology: DurabilityTopology,
	account: ReturnType<typeof durabilityAccount>,
): Promise<{ workflowId: string; path: string }> {
	const n8n = topology.client();
	const credentialId = await n8n.createCredential({
		name: uniqueName('durability'),
		type: 'nxCloudApi',
		data: {
			...account,
			callbotUuid: randomUUID(),
			callbotSecretKey: randomBytes(8).toString('hex'),
		},
	});
	const webhookId = randomUUID();
	const workflowId = await n8n.createWorkflow({
		name: uniqueName('NXCloud durability'),
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				name: 'NXCloud Trigger',
				type: NODE_TYPES.trigger,
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters: { source: 'whatsapp' },
				credentials: { nxCloudApi: { id: credentialId, name: 'durability' } },
			},
		],
		connections: {},
	});
	await n8n.activateWorkflow(workflowId);
	return { workflowId, path: `${webhookId}/webhook` };
}

/** Until every webhook-receiving process answers an unsigned `{}` with the trigger's 401. */
async function waitUntilServed(topology: DurabilityTopology, path: string): Promise<void> {
	for (let i = 0; i < topology.webhookProcesses; i++) {
		await pollUntil(
			`process ${i} to serve the trigger`,
			async () =>
				(
					await http(topology.webhookUrlOf(i, path), {
						method: 'POST',
						body: {},
						timeoutMs: 5_000,
					}).catch(() => undefined)
				)?.status === 401
					? true
					: undefined,
			{ timeoutMs: 120_000, intervalMs: 250 },
		);
	}
}

/** Delivers a push until it is answered 2xx, as NXCloud retries (a few tries, a pause between). */
async function deliverUntilTaken(url: string, push: SignedPush): Promise<Delivery> {
	let last: Delivery = await deliver(url, push);
	for (
		let attempt = 1;
		attempt < 6 && !(last.status !== undefined && last.status < 300);
		attempt++
	) {
		await delay(1_000);
		last = await deliver(url, push);
	}
	return last;
}

export async function runCrashBurst(
	topology: DurabilityTopology,
	options: CrashBurstOptions,
): Promise<CrashBurstFigures> {
	const account = durabilityAccount();
	const { workflowId, path } = await deployTrigger(topology, account);
	await waitUntilServed(topology, path);
	const url = topology.webhookUrl(path);
	const pushes = pushBatch(account, options.pushes);

	const t0 = Date.now();
	let killing: Promise<void> | undefined;
	const first = await deliverAll(url, pushes, options.concurrency, (_delivery, answered) => {
		if (answered === options.killAfterAnswers) killing = topology.kill(options.killProcess);
	});
	await killing;
	const t1 = Date.now();
	await topology.restart(options.killProcess);
	await waitUntilServed(topology, path);
	const t2 = Date.now();
	await options.beforeRedelivery?.({ workflowId, first });
	const t2b = Date.now();

	// Every push again, byte for byte; those not answered 2xx are retried like NXCloud would.
	const queue = [...pushes];
	const redeliveries: Delivery[] = [];
	await Promise.all(
		Array.from({ length: options.concurrency }, async () => {
			for (let push = queue.shift(); push; push = queue.shift())
				redeliveries.push(await deliverUntilTaken(url, push));
		}),
	);
	const t3 = Date.now();

	const n8n = topology.client();
	if (topology.waitUntilSettled) await topology.waitUntilSettled(workflowId, options.pushes);
	else {
		await pollUntil(
			'every event to have an execution and none still running',
			async () => {
				const count = await countExecutions(n8n, workflowId);
				return count.unfinished === 0 && count.total >= options.pushes ? true : undefined;
			},
			{ timeoutMs: 300_000, intervalMs: 1_000 },
		).catch(() => undefined);
		await delay(2_000);
	}
	const perMarker = await (topology.executionsPerMarker?.(workflowId) ??
		executionsPerMarker(n8n, workflowId));
	const statuses = (await countExecutions(n8n, workflowId)).byStatus;

	const answered200 = new Set(first.filter((d) => d.status === 200).map((d) => d.marker));
	const figures: CrashBurstFigures = {
		label: options.label,
		workflowId,
		pushes: options.pushes,
		concurrency: options.concurrency,
		killedAfterAnswers: options.killAfterAnswers,
		firstAnswers: tally(first),
		answered200: answered200.size,
		executed: pushes.filter((p) => (perMarker.get(p.marker) ?? 0) > 0).length,
		missing: pushes.filter((p) => !perMarker.has(p.marker)).map((p) => p.marker),
		duplicatedAfter200: pushes
			.filter((p) => answered200.has(p.marker) && (perMarker.get(p.marker) ?? 0) > 1)
			.map((p) => p.marker),
		duplicatedWithout200: pushes
			.filter((p) => !answered200.has(p.marker) && (perMarker.get(p.marker) ?? 0) > 1)
			.map((p) => p.marker),
		redeliveryAnswers: tally(redeliveries),
		executionStatuses: statuses,
		seconds: { burst: (t1 - t0) / 1000, restart: (t2 - t1) / 1000, redelivery: (t3 - t2b) / 1000 },
	};
	const dir = join(cacheDir, 'durability');
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, `${options.label}-latest.json`), `${JSON.stringify(figures, null, 2)}\n`);
	return figures;
}
