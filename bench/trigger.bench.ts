// Benchmark of the NXCloud Trigger (not a test: it measures and prints, and asserts nothing about
// speed). Run:  npm run build && npx jest --config bench/trigger.jest.config.js
//
// 1. Through a real n8n: 2,000 signed WhatsApp pushes (one status each, every one new, so every
//    one starts an execution) at concurrency 1, 8 and 32, into our trigger (default settings:
//    signature Required, redeliveries dropped, one output per event type) and into n8n's built-in
//    Webhook node (POST, respond immediately) receiving the same bodies and headers in the same
//    run; plus, as an attribution baseline, 1,000 into a do-nothing community trigger
//    (bench/trigger-probe). Each level is two rounds in rotated order, half the pushes each, so
//    drift in the machine's load favours no one. Throughput = answered requests per second;
//    latency = time to the answer (all three answer before the workflow runs).
//    Knobs: BENCH_EVENTS (2000), BENCH_CONCURRENCY (1,8,32; none = in-process part only),
//    BENCH_PROBE_EVENTS (1000, 0 = skip).
// 2. In process: the cost of what the trigger does with a 1 MB push (verify + parse + split +
//    redelivery keys + items) against a bare md5 of the same bytes.
//
// Results go to stdout and to .cache/bench/trigger-latest.json.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { Agent, request } from 'undici';

import { handlePush } from '../nodes/NxCloud/trigger/handlePush';
import { readSettings } from '../nodes/NxCloud/trigger/settings';
import { delay } from '../test/support/e2e/http';
import { getN8n, uniqueName } from '../test/support/e2e/n8nClient';
import { NODE_TYPES, repoRoot } from '../test/support/e2e/paths';
import { standInSigning } from '../test/support/standin';

const EVENTS_PER_LEVEL = Number(process.env.BENCH_EVENTS ?? 2000);
const LEVELS =
	process.env.BENCH_CONCURRENCY === 'none'
		? []
		: (process.env.BENCH_CONCURRENCY ?? '1,8,32').split(',').map(Number);
/** Pushes per level for the do-nothing community trigger (the attribution baseline); 0 skips it. */
const PROBE_EVENTS = Number(process.env.BENCH_PROBE_EVENTS ?? 1000);
const WARMUP = 100;
const ACCOUNT = { accessKey: 'benchAccessKey', accessSecret: `bench-${randomUUID()}` };

const out = (line = '') => process.stdout.write(`${line}\n`);

interface Signed {
	body: string;
	headers: Record<string, string>;
}

/** A status push like the vendor's "sent" example, with a fresh message id, signed with md5. */
function signedPush(): Signed {
	const id = `wamid.${randomUUID()}`;
	const body = JSON.stringify({
		messaging_product: 'whatsapp',
		business_phone: '85266123456',
		merchant_phone: '85266123456',
		app_id: '48',
		channel: 2,
		metadata: { display_phone_number: '85266123456', phone_number_id: '124870000014609' },
		statuses: [
			{
				id,
				status: 'delivered',
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
			},
		],
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

interface RunResult {
	requests: number;
	seconds: number;
	latenciesMs: number[];
	failures: number;
}

/** Posts every push with `concurrency` requests in flight over keep-alive connections. */
async function fire(url: string, pushes: Signed[], concurrency: number): Promise<RunResult> {
	const agent = new Agent({ connections: concurrency, pipelining: 1 });
	const latenciesMs: number[] = [];
	let failures = 0;
	let next = 0;
	const started = performance.now();
	const worker = async () => {
		while (next < pushes.length) {
			const push = pushes[next++];
			const t0 = performance.now();
			const response = await request(url, {
				method: 'POST',
				headers: push.headers,
				body: push.body,
				dispatcher: agent,
			});
			await response.body.dump();
			latenciesMs.push(performance.now() - t0);
			if (response.statusCode !== 200) failures += 1;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	const seconds = (performance.now() - started) / 1000;
	await agent.close();
	return { requests: pushes.length, seconds, latenciesMs, failures };
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarise(runs: RunResult[]) {
	const latencies = runs.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
	const requests = runs.reduce((n, r) => n + r.requests, 0);
	const seconds = runs.reduce((n, r) => n + r.seconds, 0);
	return {
		requests,
		failures: runs.reduce((n, r) => n + r.failures, 0),
		throughput: requests / seconds,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
	};
}

/** Waits until n8n has no running or queued execution left, so one round's backlog does not slow the next. */
async function drain(workflowIds: string[]): Promise<void> {
	const n8n = getN8n();
	for (let quiet = 0; quiet < 2;) {
		let busy = 0;
		for (const workflowId of workflowIds) {
			for (const status of ['running', 'new']) {
				busy += (await n8n.listExecutions({ workflowId, status, limit: 1 }).catch(() => [])).length;
			}
		}
		quiet = busy === 0 ? quiet + 1 : 0;
		await delay(250);
	}
}

type ContenderName = 'ours' | 'minimal' | 'webhook';

const LABELS: Record<ContenderName, string> = {
	ours: 'NXCloud Trigger',
	minimal: 'do-nothing community trigger',
	webhook: 'n8n Webhook node',
};

/** One single-node workflow per contender, active, with its production URL. */
async function deployContenders(): Promise<{
	urls: Record<ContenderName, string>;
	workflowIds: Record<ContenderName, string>;
}> {
	const n8n = getN8n();
	const credentialId = await n8n.createCredential({
		name: uniqueName('bench'),
		type: 'nxCloudApi',
		data: ACCOUNT,
	});
	const single = (name: string, node: Record<string, unknown>) =>
		n8n.createWorkflow({
			name: uniqueName(`bench ${name}`),
			settings: { executionOrder: 'v1' },
			nodes: [{ name, typeVersion: 1, position: [0, 0], parameters: {}, ...node } as never],
			connections: {},
		});
	const oursHook = randomUUID();
	const minimalHook = randomUUID();
	const webhookPath = `bench-${randomUUID()}`;
	const workflowIds = {
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
		webhook: await single('Webhook', {
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: webhookPath,
			parameters: {
				httpMethod: 'POST',
				path: webhookPath,
				responseMode: 'onReceived',
				options: {},
			},
		}),
	};
	for (const id of Object.values(workflowIds)) await n8n.activateWorkflow(id);
	const urls = {
		ours: n8n.webhookUrl(`${oursHook}/webhook`),
		minimal: n8n.webhookUrl(`${minimalHook}/webhook`),
		webhook: n8n.webhookUrl(webhookPath),
	};
	await n8n.waitForWebhook(urls.ours, 401);
	await n8n.waitForWebhook(urls.minimal);
	await n8n.waitForWebhook(urls.webhook);
	return { urls, workflowIds };
}

async function countExecutions(workflowId: string): Promise<number> {
	let count = 0;
	let cursor: string | undefined;
	do {
		const page = await getN8n().api<{ data: unknown[]; nextCursor?: string | null }>(
			'GET',
			`/executions?workflowId=${workflowId}&limit=250${cursor ? `&cursor=${cursor}` : ''}`,
		);
		count += page.data.length;
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return count;
}

const fmt = (s: ReturnType<typeof summarise>) =>
	`${s.throughput.toFixed(1)} req/s, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms${s.failures ? `, ${s.failures} non-200` : ''}`;

async function throughThePipe() {
	const { urls, workflowIds } = await deployContenders();
	const names: ContenderName[] =
		PROBE_EVENTS > 0 ? ['ours', 'minimal', 'webhook'] : ['ours', 'webhook'];
	const ids = names.map((name) => workflowIds[name]);
	out(`warming up (${WARMUP} pushes each)`);
	for (const name of names) await fire(urls[name], Array.from({ length: WARMUP }, signedPush), 4);
	await drain(ids);

	const sent: Record<ContenderName, number> = { ours: WARMUP, minimal: WARMUP, webhook: WARMUP };
	const levels = [];
	for (const concurrency of LEVELS) {
		const runs: Record<ContenderName, RunResult[]> = { ours: [], minimal: [], webhook: [] };
		// From the first push to the moment n8n has no execution of the round left to store or run:
		// comparable whether a trigger answers before or after n8n stores the execution.
		const untilStored: Record<ContenderName, { requests: number; seconds: number }> = {
			ours: { requests: 0, seconds: 0 },
			minimal: { requests: 0, seconds: 0 },
			webhook: { requests: 0, seconds: 0 },
		};
		// Two rounds in rotated order, half the events each, so neither side always goes first.
		for (const order of [names, [...names].reverse()]) {
			for (const name of order) {
				const count = Math.ceil((name === 'minimal' ? PROBE_EVENTS : EVENTS_PER_LEVEL) / 2);
				const started = performance.now();
				runs[name].push(
					await fire(urls[name], Array.from({ length: count }, signedPush), concurrency),
				);
				sent[name] += count;
				await drain(ids);
				untilStored[name].requests += count;
				untilStored[name].seconds += (performance.now() - started) / 1000;
			}
		}
		const summary = Object.fromEntries(
			names.map((name) => [name, summarise(runs[name])]),
		) as Record<ContenderName, ReturnType<typeof summarise>>;
		const level = {
			concurrency,
			...summary,
			oursToWebhook: summary.ours.throughput / summary.webhook.throughput,
			oursToMinimal: summary.minimal
				? summary.ours.throughput / summary.minimal.throughput
				: undefined,
			minimalToWebhook: summary.minimal
				? summary.minimal.throughput / summary.webhook.throughput
				: undefined,
		};
		levels.push(level);
		saveResults({ throughN8nSoFar: levels });
		out(`concurrency ${concurrency}:`);
		for (const name of names) {
			const stored = untilStored[name].requests / untilStored[name].seconds;
			out(
				`  ${LABELS[name].padEnd(30)} ${fmt(summary[name])}; until stored and run: ${stored.toFixed(1)} req/s`,
			);
		}
		out(
			`  throughput ratios: ours / Webhook node ${level.oursToWebhook.toFixed(2)}x` +
				(level.oursToMinimal === undefined
					? ''
					: `; ours / do-nothing community trigger ${level.oursToMinimal.toFixed(2)}x; do-nothing / Webhook node ${level.minimalToWebhook!.toFixed(2)}x`),
		);
	}

	// Every push was new, so every accepted one must have started exactly one execution.
	const executions = Object.fromEntries(
		await Promise.all(
			names.map(async (name) => [
				name,
				{ recorded: await countExecutions(workflowIds[name]), sent: sent[name] },
			]),
		),
	);
	out(
		`executions recorded vs pushes sent: ${names.map((n) => `${n} ${executions[n].recorded}/${executions[n].sent}`).join(', ')}`,
	);
	return { levels, executions };
}

/** A WhatsApp push of at least `bytes`: statuses like the vendor's "sent" example. */
function bigPush(bytes: number): Buffer {
	const statuses: object[] = [];
	let size = 0;
	while (size < bytes) {
		const id = `wamid.${randomUUID()}`;
		const status = {
			id,
			meta_message_id: `wamid.HBgNNjI4MTI4MTM3NTYwNBUCABEYEkMzODdBNTEzMTAxNDhFMEI5NQA${statuses.length}`,
			status: 'sent',
			timestamp: '1660019986',
			recipient_id: '8617600000819',
			conversation: {
				id: randomUUID().replace(/-/g, ''),
				expiration_timestamp: '1660106400',
				origin: { type: 'authentication' },
			},
			costs: [
				{ currency: 'USD', price: 0, foreign_price: 0, cdr_type: 1, message_id: id, direction: 1 },
				{
					currency: 'USD',
					price: 0.1381,
					foreign_price: 0.02,
					cdr_type: 4,
					message_id: id,
					direction: 1,
				},
			],
		};
		size += JSON.stringify(status).length + 1;
		statuses.push(status);
	}
	return Buffer.from(
		JSON.stringify({ messaging_product: 'whatsapp', business_phone: '85266123456', statuses }),
	);
}

/** Median over 7 batches of the mean time per call: steadier than one mean on a shared machine. */
function timePerCall(fn: () => unknown, iterations: number): number {
	for (let i = 0; i < 5; i++) fn();
	const batch = Math.max(1, Math.round(iterations / 7));
	const means: number[] = [];
	for (let b = 0; b < 7; b++) {
		const t0 = performance.now();
		for (let i = 0; i < batch; i++) fn();
		means.push((performance.now() - t0) / batch);
	}
	return means.sort((a, b) => a - b)[3];
}

function inProcess() {
	const rawBody = bigPush(1024 * 1024);
	const ts = Date.now().toString();
	const headers = {
		accesskey: ACCOUNT.accessKey,
		action: 'mt',
		biztype: '2',
		ts,
		algorithm: 'md5',
		sign: standInSigning.openPlatformSign(
			{
				accessKey: ACCOUNT.accessKey,
				action: 'mt',
				bizType: '2',
				ts,
				body: rawBody,
				accessSecret: ACCOUNT.accessSecret,
			},
			'md5',
		),
	};
	const defaults: Record<string, unknown> = {
		source: 'whatsapp',
		events: [
			'account',
			'call',
			'message',
			'phone',
			'status.delivered',
			'status.failed',
			'status.read',
			'status.sent',
			'template',
		],
		signatureCheck: 'required',
		maxTimestampAge: 0,
		businessPhones: '',
		outputRouting: 'perType',
		dropRedeliveries: true,
		redeliveryWindow: 1000,
	};
	const settings = readSettings((name, fallback) => defaults[name] ?? fallback);
	const secrets = { accessSecret: ACCOUNT.accessSecret, callbotAlgorithm: 'MD5' as const };
	const run = (overrides: Partial<typeof settings> = {}) => {
		const outcome = handlePush(
			{ headers, rawBody, contentType: 'application/json' },
			{
				settings: { ...settings, ...overrides },
				secrets,
				window: [],
				dedupe: true,
				nowMs: Date.now(),
			},
		);
		if (!('outputs' in outcome) || outcome.outputs === null)
			throw new Error('the 1 MB push was not accepted');
		return outcome;
	};
	const events = run().counts.emitted;
	const iterations = 56;
	const bareMd5 = timePerCall(() => createHash('md5').update(rawBody).digest('hex'), iterations);
	const jsonParse = timePerCall(() => JSON.parse(rawBody.toString('utf8')), iterations);
	const full = timePerCall(() => run(), iterations);
	const noRedeliveryKeys = timePerCall(() => run({ dropRedeliveries: false }), iterations);
	const result = {
		bytes: rawBody.length,
		events,
		msPerPush: {
			bareMd5,
			jsonParse,
			triggerDefault: full,
			triggerWithoutRedeliveryKeys: noRedeliveryKeys,
		},
		ratioToBareMd5: {
			triggerDefault: full / bareMd5,
			triggerWithoutRedeliveryKeys: noRedeliveryKeys / bareMd5,
			jsonParse: jsonParse / bareMd5,
		},
	};
	out(
		`1 MB push (${rawBody.length} bytes, ${events} statuses): bare md5 ${bareMd5.toFixed(2)} ms, JSON.parse ${jsonParse.toFixed(2)} ms, ` +
			`trigger (verify + parse + split + keys + items) ${full.toFixed(2)} ms = ${(full / bareMd5).toFixed(1)}x md5, ` +
			`without redelivery keys ${noRedeliveryKeys.toFixed(2)} ms = ${(noRedeliveryKeys / bareMd5).toFixed(1)}x md5`,
	);
	return result;
}

const RESULTS_FILE = join(repoRoot, '.cache', 'bench', 'trigger-latest.json');
let results: Record<string, unknown> = {};

/** Writes what is known so far, so an interrupted run still leaves its numbers behind. */
function saveResults(update: Record<string, unknown>): void {
	results = { ...results, ...update };
	mkdirSync(join(repoRoot, '.cache', 'bench'), { recursive: true });
	writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
}

test('NXCloud Trigger benchmark', async () => {
	saveResults({
		date: new Date().toISOString(),
		eventsPerLevel: EVENTS_PER_LEVEL,
		probeEventsPerLevel: PROBE_EVENTS,
		concurrency: LEVELS,
		expressionEngine: process.env.N8N_EXPRESSION_ENGINE ?? 'n8n default (vm)',
	});
	out();
	out(`== in process ==`);
	const local = inProcess();
	saveResults({ inProcess: local });
	out();
	out(
		`== through n8n (expression engine: ${process.env.N8N_EXPRESSION_ENGINE ?? 'default'}): ${EVENTS_PER_LEVEL} signed pushes per level ==`,
	);
	if (LEVELS.length === 0) return;
	const pipe = await throughThePipe();
	saveResults({ throughN8n: pipe, throughN8nSoFar: undefined });
	out(`results: ${RESULTS_FILE}`);
	await getN8n().cleanup();
});
