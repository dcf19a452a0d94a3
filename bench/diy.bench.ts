// Benchmark: our nodes against what a user builds without this package (bench/diy/*.json), side
// by side in one real n8n. Not a test: it measures and prints, and asserts nothing about speed.
// Run through bench/diy.bench.mjs (npm run bench:diy), which runs this file once per expression
// engine and prints the comparison; knobs are listed there.
//
// 1. Receiving: signed WhatsApp pushes (every one new) at each concurrency level, 1-event and
//    10-event pushes, into three active workflows: the NXCloud Trigger (default settings), the
//    DIY Webhook (raw body, respond immediately) + Code (verify, split) + Switch, and the
//    do-nothing community trigger (bench/trigger-probe), the ceiling of any community trigger.
//    Two rounds per level in rotated order, n8n drained between runs. All three answer before
//    the workflow runs, so besides the answer rate and latency this measures when n8n finished
//    the last execution of a run: events/s = events / (first request out → last execution done).
// 2. Importing: a Code node makes N call-list rows, then either our NXCloud node (Import as New
//    Batch, fields read by name) or the DIY Code node (build + sign) and HTTP Request node sends
//    them to the stand-in NXCloud. Wall time of the whole workflow (the webhook answers when the
//    last node is done), n8n's peak RSS (main process and task runner), bytes the stand-in got.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { diyReceiver, importWorkflow } from './diy/workflows';
import { fire, percentile, type FireResult, type PreparedRequest } from './diy/httpLoad';
import { PeakMemory, type MemoryPeaks } from './diy/processMemory';
import { n8nCpuSeconds } from './diy/processCpu';
import { expressionCounters } from './diy/n8nMetrics';
import { delay, http } from '../test/support/e2e/http';
import { getN8n, uniqueName } from '../test/support/e2e/n8nClient';
import { NODE_TYPES, repoRoot } from '../test/support/e2e/paths';
import { startStandIn, standInSigning, type StandIn } from '../test/support/standin';

const list = (value: string | undefined, fallback: string) =>
	(value ?? fallback)
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean)
		.map(Number);
const PUSHES = Number(process.env.BENCH_EVENTS ?? 2000);
const PROBE_PUSHES = Number(process.env.BENCH_PROBE_EVENTS ?? PUSHES);
const LEVELS = list(process.env.BENCH_CONCURRENCY, '1,8,32');
const SHAPES = list(process.env.BENCH_SHAPES, '1,10');
const IMPORT_ROWS = list(process.env.BENCH_IMPORT_ROWS, '10000,100000');
const IMPORT_REPEATS = Number(process.env.BENCH_IMPORT_REPEATS ?? 1);
const ENGINE = process.env.N8N_EXPRESSION_ENGINE ?? 'default';
const WARMUP = 50;
const ACCOUNT = {
	accessKey: 'benchAccessKey',
	accessSecret: `bench-${randomUUID()}`,
	callbotUuid: randomUUID().replace(/-/g, ''),
	callbotSecretKey: `bench-${randomUUID()}`,
};

const out = (line = '') => process.stdout.write(`${line}\n`);
const n8n = getN8n();

type Receiver = 'ours' | 'diy' | 'minimal';
const LABELS: Record<Receiver, string> = {
	ours: 'NXCloud Trigger',
	diy: 'DIY Webhook+Code+Switch',
	minimal: 'do-nothing community trigger',
};
const STATUSES = ['sent', 'delivered', 'read', 'failed', 'delivered'];

/** A WhatsApp status push with `events` statuses, each a new message id, signed with md5. */
function signedPush(events: number): PreparedRequest {
	const statuses = Array.from({ length: events }, (_, k) => {
		const id = `wamid.${randomUUID()}`;
		return {
			id,
			status: STATUSES[k % STATUSES.length],
			timestamp: String(Math.floor(Date.now() / 1000)),
			recipient_id: '8617600000819',
			conversation: {
				id: randomUUID().replace(/-/g, ''),
				expiration_timestamp: '1763974800',
				origin: { type: 'utility' },
			},
			costs: [
				{
					currency: 'USD',
					price: 0.0113,
					foreign_price: 0.08,
					cdr_type: 5,
					message_id: id,
					direction: 1,
				},
			],
		};
	});
	const body = JSON.stringify({
		messaging_product: 'whatsapp',
		business_phone: '85266123456',
		merchant_phone: '85266123456',
		app_id: '48',
		channel: 2,
		metadata: { display_phone_number: '85266123456', phone_number_id: '124870000014609' },
		statuses,
	});
	const ts = Date.now().toString();
	const sign = standInSigning.openPlatformSign(
		{
			accessKey: ACCOUNT.accessKey,
			action: 'mt',
			bizType: '2',
			ts,
			body,
			accessSecret: ACCOUNT.accessSecret,
		},
		'md5',
	);
	return {
		body,
		headers: {
			'content-type': 'application/json',
			accesskey: ACCOUNT.accessKey,
			action: 'mt',
			biztype: '2',
			ts,
			algorithm: 'md5',
			sign,
		},
	};
}

const RESULTS_FILE = join(repoRoot, '.cache', 'bench', `diy-${ENGINE}.json`);
let results: Record<string, unknown> = {};
function save(update: Record<string, unknown>): void {
	results = { ...results, ...update };
	mkdirSync(join(repoRoot, '.cache', 'bench'), { recursive: true });
	writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
}

async function deployReceivers(
	credentialId: string,
): Promise<Record<Receiver, { id: string; url: string }>> {
	const single = async (name: string, node: Record<string, unknown>) =>
		await n8n.createWorkflow({
			name: uniqueName(`bench ${name}`),
			settings: { executionOrder: 'v1' },
			nodes: [{ name, typeVersion: 1, position: [0, 0], parameters: {}, ...node } as never],
			connections: {},
		});
	const oursHook = randomUUID();
	const minimalHook = randomUUID();
	const diy = diyReceiver('whatsapp', ACCOUNT, uniqueName('bench DIY'));
	const ids = {
		ours: await single('NXCloud Trigger', {
			type: NODE_TYPES.trigger,
			webhookId: oursHook,
			parameters: { source: 'whatsapp' },
			credentials: { nxCloudApi: { id: credentialId, name: 'bench' } },
		}),
		minimal: await single('Minimal Trigger', {
			type: 'CUSTOM.minimalTrigger',
			webhookId: minimalHook,
		}),
		diy: await n8n.createWorkflow(diy.workflow),
	};
	for (const id of Object.values(ids)) await n8n.activateWorkflow(id);
	const receivers = {
		ours: { id: ids.ours, url: n8n.webhookUrl(`${oursHook}/webhook`) },
		minimal: { id: ids.minimal, url: n8n.webhookUrl(`${minimalHook}/webhook`) },
		diy: { id: ids.diy, url: n8n.webhookUrl(diy.path) },
	};
	await n8n.waitForWebhook(receivers.ours.url, 401);
	await n8n.waitForWebhook(receivers.minimal.url);
	await n8n.waitForWebhook(receivers.diy.url);
	return receivers;
}

const UNFINISHED = ['running', 'new', 'waiting'];

/** Executions of the workflow that started at or after `sinceMs`: how many, and the last stop. */
async function executionsSince(
	workflowId: string,
	sinceMs: number,
): Promise<{ count: number; busy: boolean; lastStoppedMs: number }> {
	let count = 0;
	let busy = false;
	let lastStoppedMs = sinceMs;
	let cursor: string | undefined;
	for (;;) {
		const page = await n8n.api<{
			data: Array<{ status: string; startedAt?: string; stoppedAt?: string | null }>;
			nextCursor?: string | null;
		}>('GET', `/executions?workflowId=${workflowId}&limit=250${cursor ? `&cursor=${cursor}` : ''}`);
		let older = false;
		for (const e of page.data) {
			// Newest first: once one started before the run, the rest did too.
			if (e.startedAt && Date.parse(e.startedAt) < sinceMs) {
				older = true;
				break;
			}
			count += 1;
			if (UNFINISHED.includes(e.status)) busy = true;
			if (e.stoppedAt) lastStoppedMs = Math.max(lastStoppedMs, Date.parse(e.stoppedAt));
		}
		cursor = page.nextCursor ?? undefined;
		if (older || !cursor) return { count, busy, lastStoppedMs };
	}
}

/**
 * Waits until n8n has run the `expected` executions the pushes of a run started (those that
 * answer first create theirs after the answer, so "none running" alone can come too early) and
 * none is unfinished; returns when the last one stopped (ms). Gives up waiting for missing ones
 * 60 s after the last change (n8n lost them; the final count shows it).
 */
async function drained(workflowId: string, sinceMs: number, expected: number): Promise<number> {
	let seen = -1;
	let changedAt = Date.now();
	for (;;) {
		const recent = await n8n.listExecutions({ workflowId, limit: 100 });
		if (!recent.some((execution) => UNFINISHED.includes(execution.status))) {
			const { count, busy, lastStoppedMs } = await executionsSince(workflowId, sinceMs);
			if (!busy && (count >= expected || Date.now() - changedAt > 60_000)) return lastStoppedMs;
			if (count !== seen) [seen, changedAt] = [count, Date.now()];
		}
		await delay(100);
	}
}

async function countExecutions(workflowId: string): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	let cursor: string | undefined;
	do {
		const page = await n8n.api<{ data: Array<{ status: string }>; nextCursor?: string | null }>(
			'GET',
			`/executions?workflowId=${workflowId}&limit=250${cursor ? `&cursor=${cursor}` : ''}`,
		);
		for (const execution of page.data)
			counts[execution.status] = (counts[execution.status] ?? 0) + 1;
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return counts;
}

interface Run extends FireResult {
	/** From the first request out to the last execution stopped. */
	processedSeconds: number;
	/** CPU seconds n8n (main + task runner) used from the first push until drained. */
	cpuSeconds: number;
	/** Expressions n8n evaluated, and isolates it handed out, in that time ("vm" engine only). */
	evaluations: number;
	isolates: number;
}

function summarise(runs: Run[], eventsPerPush: number) {
	const latencies = runs.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
	const requests = runs.reduce((n, r) => n + r.requests, 0);
	const answerSeconds = runs.reduce((n, r) => n + r.seconds, 0);
	const processedSeconds = runs.reduce((n, r) => n + r.processedSeconds, 0);
	const per = (key: 'cpuSeconds' | 'evaluations' | 'isolates', scale = 1) =>
		(runs.reduce((n, r) => n + r[key], 0) * scale) / requests;
	return {
		requests,
		failures: runs.reduce((n, r) => n + r.failures, 0),
		answeredReqPerSec: requests / answerSeconds,
		reqPerSec: requests / processedSeconds,
		eventsPerSec: (requests * eventsPerPush) / processedSeconds,
		p50Ms: percentile(latencies, 50),
		p99Ms: percentile(latencies, 99),
		cpuMsPerPush: per('cpuSeconds', 1000),
		evaluationsPerPush: per('evaluations'),
		isolatesPerPush: per('isolates'),
	};
}
type Summary = ReturnType<typeof summarise>;

const fmt = (s: Summary) =>
	`${s.eventsPerSec.toFixed(1).padStart(7)} events/s ${s.reqPerSec.toFixed(1).padStart(6)} req/s (answered ${s.answeredReqPerSec.toFixed(1)}/s), ` +
	`p50 ${s.p50Ms.toFixed(1)} ms, p99 ${s.p99Ms.toFixed(1)} ms, n8n CPU ${s.cpuMsPerPush.toFixed(1)} ms/push` +
	(s.evaluationsPerPush || s.isolatesPerPush
		? `, ${s.evaluationsPerPush.toFixed(1)} expressions + ${s.isolatesPerPush.toFixed(2)} isolates/push`
		: '') +
	(s.failures ? `, ${s.failures} non-200` : '');

async function receiving(credentialId: string) {
	const receivers = await deployReceivers(credentialId);
	const names: Receiver[] = PROBE_PUSHES > 0 ? ['ours', 'diy', 'minimal'] : ['ours', 'diy'];
	out(`warming up (${WARMUP} pushes each)`);
	for (const name of names) {
		const t = Date.now();
		await fire(
			receivers[name].url,
			Array.from({ length: WARMUP }, () => signedPush(1)),
			4,
		);
		await drained(receivers[name].id, t, WARMUP);
	}
	const sent: Record<Receiver, number> = { ours: WARMUP, diy: WARMUP, minimal: WARMUP };
	const levels = [];
	for (const eventsPerPush of SHAPES) {
		for (const concurrency of LEVELS) {
			const runs: Record<Receiver, Run[]> = { ours: [], diy: [], minimal: [] };
			for (const order of [names, [...names].reverse()]) {
				for (const name of order) {
					const count = Math.ceil((name === 'minimal' ? PROBE_PUSHES : PUSHES) / 2);
					const pushes = Array.from({ length: count }, () => signedPush(eventsPerPush));
					const counters = await expressionCounters(n8n.baseUrl);
					const cpu = n8nCpuSeconds(n8n.connection.pid);
					const result = await fire(receivers[name].url, pushes, concurrency);
					const lastStopped = await drained(receivers[name].id, result.startedAtMs, count);
					const cpuSeconds = n8nCpuSeconds(n8n.connection.pid) - cpu;
					const countersAfter = await expressionCounters(n8n.baseUrl);
					const processedSeconds = Math.max(
						result.seconds,
						(lastStopped - result.startedAtMs) / 1000,
					);
					runs[name].push({
						...result,
						processedSeconds,
						cpuSeconds,
						evaluations: countersAfter.evaluations - counters.evaluations,
						isolates: countersAfter.isolates - counters.isolates,
					});
					sent[name] += count;
				}
			}
			const summary = Object.fromEntries(
				names.map((name) => [name, summarise(runs[name], eventsPerPush)]),
			) as Record<Receiver, Summary>;
			const level = {
				eventsPerPush,
				concurrency,
				...summary,
				oursToDiy: summary.ours.eventsPerSec / summary.diy.eventsPerSec,
				oursToMinimal: summary.minimal
					? summary.ours.eventsPerSec / summary.minimal.eventsPerSec
					: undefined,
			};
			levels.push(level);
			save({ receivingSoFar: levels });
			out(`${eventsPerPush}-event pushes, concurrency ${concurrency}:`);
			for (const name of names) out(`  ${LABELS[name].padEnd(30)} ${fmt(summary[name])}`);
			out(
				`  events/s ratios: ours / DIY ${level.oursToDiy.toFixed(2)}x (goal >= 1.5)` +
					(level.oursToMinimal === undefined
						? ''
						: `; ours / do-nothing ${level.oursToMinimal.toFixed(2)}x (goal >= 0.95)`),
			);
		}
	}
	const executions = Object.fromEntries(
		await Promise.all(
			names.map(async (name) => [
				name,
				{ sent: sent[name], byStatus: await countExecutions(receivers[name].id) },
			]),
		),
	);
	out(
		`executions recorded vs pushes sent: ${names.map((n) => `${n} ${JSON.stringify(executions[n].byStatus)} / ${executions[n].sent}`).join(', ')}`,
	);
	// The DIY stops a push it cannot verify with an error: every one here must have succeeded.
	return { levels, executions };
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;

async function importing() {
	const standIn: StandIn = await startStandIn({
		...ACCOUNT,
		recordBodies: false,
		maxImportRows: Math.max(100_000, ...IMPORT_ROWS),
	});
	try {
		return await importingWith(standIn);
	} finally {
		await standIn.close();
	}
}

async function importingWith(standIn: StandIn) {
	const taskId = 'bench-import-task';
	// Our node's credential, pointed at the stand-in (the DIY has the URL in its HTTP Request node).
	const credentialId = await n8n.createCredential({
		name: uniqueName('bench diy import'),
		type: 'nxCloudApi',
		data: {
			...ACCOUNT,
			callbotAlgorithm: 'MD5',
			openApiBaseUrl: standIn.url,
			callbotBaseUrl: standIn.url,
		},
	});
	const workflows = {} as Record<'ours' | 'diy', { id: string; url: string }>;
	for (const side of ['ours', 'diy'] as const) {
		const { workflow, path } = importWorkflow(side, {
			account: ACCOUNT,
			taskId,
			callbotUrl: standIn.url,
			credentialId,
			name: uniqueName(`bench import ${side}`),
		});
		const id = await n8n.createWorkflow(workflow);
		await n8n.activateWorkflow(id);
		workflows[side] = { id, url: n8n.webhookUrl(path) };
		await n8n.waitForWebhook(workflows[side].url);
	}
	const measurements: Array<Record<string, unknown>> = [];
	let seq = 0;
	const runOnce = async (side: 'ours' | 'diy', rows: number) => {
		standIn.reset();
		standIn.state.callbot.model.createTask({
			userTaskID: taskId,
			sceneID: 'bench',
			taskName: 'bench',
			other: '',
			taskCreateSetting: {},
			funcFlag: {},
			taskCallbackUrl: '',
			orderCallbackUrl: '',
		});
		await delay(1500); // let n8n settle (and collect) after the previous run
		const memory = new PeakMemory(n8n.connection.pid);
		const t0 = performance.now();
		const answer = await http(workflows[side].url, {
			method: 'POST',
			body: { rows, runId: `r${++seq}-${randomUUID().slice(0, 6)}` },
			timeoutMs: 1_800_000,
		});
		const wallMs = performance.now() - t0;
		const peaks: MemoryPeaks = memory.stop();
		const [request] = standIn.requestsTo('/importBatchCall');
		const task = standIn.state.callbot.task(taskId);
		const measurement = {
			side,
			rows,
			wallMs,
			status: answer.status,
			accepted: task?.orders.size ?? 0,
			wireBytes: request?.wireSize ?? 0,
			bodyBytes: request?.bodySize ?? 0,
			importRequests: standIn.requestsTo('/importBatchCall').length,
			...peaks,
		};
		if (answer.status !== 200 || measurement.accepted !== rows) {
			throw new Error(
				`${side} import of ${rows} rows: HTTP ${answer.status}, ${measurement.accepted} accepted: ${answer.text.slice(0, 300)}`,
			);
		}
		out(
			`  ${side.padEnd(4)} ${String(rows).padStart(6)} rows: ${(wallMs / 1000).toFixed(1).padStart(6)} s, n8n main peak ${mb(peaks.mainPeak)} ` +
				`(+${mb(peaks.mainPeak - peaks.mainBefore)}), runner peak ${mb(peaks.runnerPeak)}, main+runner peak ${mb(peaks.totalPeak)}, sent ${mb(measurement.wireBytes)}`,
		);
		measurements.push(measurement);
		return measurement;
	};
	// A short run of each first, so neither side pays for loading code.
	for (const side of ['ours', 'diy'] as const) await runOnce(side, 100);
	measurements.length = 0;
	const sizes = [];
	for (const rows of IMPORT_ROWS) {
		const runs: Record<'ours' | 'diy', Awaited<ReturnType<typeof runOnce>>[]> = {
			ours: [],
			diy: [],
		};
		for (let r = 0; r < IMPORT_REPEATS; r++) {
			const order: Array<'ours' | 'diy'> =
				(r + sizes.length) % 2 === 0 ? ['diy', 'ours'] : ['ours', 'diy'];
			for (const side of order) runs[side].push(await runOnce(side, rows));
		}
		const median = (
			side: 'ours' | 'diy',
			key: 'wallMs' | 'mainPeak' | 'totalPeak' | 'runnerPeak',
		) => {
			const values = runs[side].map((m) => m[key]).sort((a, b) => a - b);
			return values[Math.floor(values.length / 2)];
		};
		const size = {
			rows,
			ours: {
				wallMs: median('ours', 'wallMs'),
				mainPeak: median('ours', 'mainPeak'),
				runnerPeak: median('ours', 'runnerPeak'),
				totalPeak: median('ours', 'totalPeak'),
				wireBytes: runs.ours[0].wireBytes,
			},
			diy: {
				wallMs: median('diy', 'wallMs'),
				mainPeak: median('diy', 'mainPeak'),
				runnerPeak: median('diy', 'runnerPeak'),
				totalPeak: median('diy', 'totalPeak'),
				wireBytes: runs.diy[0].wireBytes,
			},
			timeRatio: median('ours', 'wallMs') / median('diy', 'wallMs'),
			mainPeakRatio: median('ours', 'mainPeak') / median('diy', 'mainPeak'),
			totalPeakRatio: median('ours', 'totalPeak') / median('diy', 'totalPeak'),
		};
		sizes.push(size);
		save({ importingSoFar: sizes });
		out(
			`${rows} rows: ours / DIY time ${size.timeRatio.toFixed(2)}x, n8n main peak RSS ${size.mainPeakRatio.toFixed(2)}x, main+runner peak ${size.totalPeakRatio.toFixed(2)}x (goal <= 1.0 at 100,000), bytes sent ${(size.ours.wireBytes / size.diy.wireBytes).toFixed(2)}x`,
		);
	}
	return { sizes, measurements };
}

test('our nodes against the do-it-yourself workflows', async () => {
	const load = () =>
		require('node:fs').readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
	save({
		date: new Date().toISOString(),
		engine: ENGINE,
		pushesPerLevel: PUSHES,
		probePushesPerLevel: PROBE_PUSHES,
		levels: LEVELS,
		shapes: SHAPES,
		importRows: IMPORT_ROWS,
		loadavgStart: load(),
	});
	const credentialId = await n8n.createCredential({
		name: uniqueName('bench diy'),
		type: 'nxCloudApi',
		data: { ...ACCOUNT, callbotAlgorithm: 'MD5' },
	});
	out(
		`\n== receiving, expression engine ${ENGINE}: ${PUSHES} signed pushes per level (${PROBE_PUSHES} for the do-nothing trigger), load ${load()} ==`,
	);
	if (LEVELS.length && SHAPES.length && PUSHES > 0)
		save({ receiving: await receiving(credentialId), receivingSoFar: undefined });
	if (IMPORT_ROWS.length) {
		out(
			`\n== importing, expression engine ${ENGINE}: ${IMPORT_ROWS.join(', ')} rows, load ${load()} ==`,
		);
		save({ importing: await importing(), importingSoFar: undefined });
	}
	save({ loadavgEnd: load() });
	out(`results: ${RESULTS_FILE}`);
	await n8n.cleanup();
});
