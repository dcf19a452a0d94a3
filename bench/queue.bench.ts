// Benchmark of the package in n8n's queue mode (not a test: it measures and prints, and asserts
// nothing about speed). Run:  npm run bench:queue   (= build + jest -c bench/queue.jest.config.js)
//
// The topology of the queue tests (test/support/queue): Postgres, Redis, main, 2 workers, 2 webhook
// processes behind the round-robin proxy. Rounds alternate one worker (worker 2 stopped) and two
// workers, so drift in the machine's load favours neither. Each round: BENCH_CALLBACKS (2,000)
// signed Callbot order callbacks, every one new, at concurrency 32 through the proxy into a fresh
// workflow (NXCloud Trigger with default settings).
// - Callbacks per second: callbacks / time from the first send to the last execution finished
//   (stoppedAt, from the database): what the workers sustain.
// - Answer latency p50/p99: time to NXCloud's answer ({"retCode":0}) through the proxy.
// Knobs: BENCH_CALLBACKS, BENCH_ROUNDS (2 per worker count), QUEUE_WORKER_CONCURRENCY (10),
// N8N_EXPRESSION_ENGINE (legacy). Results: stdout and .cache/bench/queue-latest.json.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { cacheDir } from '../test/support/e2e/paths';
import { uniqueName } from '../test/support/e2e/n8nClient';
import {
	deployQueueTrigger,
	n8nMain,
	percentile,
	settledStatuses,
	sql,
	topology,
} from '../test/support/queue/harness';
import { startWorkerProcess, stopWorkerProcess } from '../test/support/queue/topology';
import { mapConcurrent } from '../test/support/reliability/pool';
import { Sender } from '../test/support/standin';

const CALLBACKS = Number(process.env.BENCH_CALLBACKS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONCURRENCY = 32;
jest.setTimeout(3 * 3600_000);

const ORDER = JSON.parse(
	readFileSync(join(__dirname, '..', 'test', 'fixtures', 'callbot', 'order-filled.json'), 'utf8'),
);
const ACCOUNT = {
	accessKey: 'x',
	accessSecret: 'x',
	callbotUuid: randomBytes(16).toString('hex'),
	callbotSecretKey: randomBytes(16).toString('hex'),
};
const sender = new Sender(ACCOUNT);
const n8n = n8nMain();
const out = (line = '') => process.stdout.write(`${line}\n`);

interface Round {
	workers: number;
	callbacks: number;
	answeredPerSec: number;
	executedPerSec: number;
	p50Ms: number;
	p99Ms: number;
	statuses: Record<string, number>;
}

async function round(workers: number, credentialId: string): Promise<Round> {
	const trigger = await deployQueueTrigger(
		credentialId,
		{ source: 'callbot' },
		{ label: `bench ${workers} worker(s)` },
	);
	const tag = randomBytes(4).toString('hex');
	const latencies: number[] = [];
	const startedAt = new Date();
	const started = performance.now();
	await mapConcurrent(
		Array.from({ length: CALLBACKS }, (_, i) => i),
		CONCURRENCY,
		async (i) => {
			const id = `bq${tag}-${i}`;
			const body = JSON.stringify({
				...ORDER,
				orderID: id,
				callInfoDetail: { ...ORDER.callInfoDetail, callID: id },
			});
			const t0 = performance.now();
			const result = await sender.callbotCallback(trigger.proxyUrl, body, { timeoutMs: 120_000 });
			latencies.push(performance.now() - t0);
			if (result.status !== 200)
				throw new Error(`callback ${i}: HTTP ${result.status} ${result.text().slice(0, 200)}`);
		},
	);
	const answeredMs = performance.now() - started;
	const statuses = await settledStatuses(trigger.workflowId, CALLBACKS, {
		timeoutMs: 3600_000,
		settleMs: 0,
	});
	const lastStopped = Number(
		sql(
			`SELECT extract(epoch from max("stoppedAt")) * 1000 FROM execution_entity WHERE "workflowId" = '${trigger.workflowId}'`,
		),
	);
	const executedMs = lastStopped - startedAt.getTime();
	latencies.sort((a, b) => a - b);
	await n8n.deleteWorkflow(trigger.workflowId);
	return {
		workers,
		callbacks: CALLBACKS,
		answeredPerSec: (CALLBACKS * 1000) / answeredMs,
		executedPerSec: (CALLBACKS * 1000) / executedMs,
		p50Ms: percentile(latencies, 50),
		p99Ms: percentile(latencies, 99),
		statuses,
	};
}

test('queue mode: callbacks per second with one worker and two, answer latency at concurrency 32', async () => {
	const credentialId = await n8n.createCredential({
		name: uniqueName('NXCloud queue bench'),
		type: 'nxCloudApi',
		data: { ...ACCOUNT, callbotAlgorithm: 'MD5' },
	});
	const t = topology();
	out(
		`\nqueue bench: ${CALLBACKS} Callbot callbacks per round, concurrency ${CONCURRENCY} through the proxy, worker concurrency ${t.settings.workerConcurrency}, expression engine ${t.settings.expressionEngine}`,
	);
	const rounds: Round[] = [];
	for (let r = 0; r < ROUNDS; r++) {
		for (const workers of r % 2 === 0 ? [1, 2] : [2, 1]) {
			if (workers === 1) await stopWorkerProcess(topology(true), 1);
			else await startWorkerProcess(topology(true), 1);
			const result = await round(workers, credentialId);
			rounds.push(result);
			out(
				`  ${workers} worker(s): ${result.executedPerSec.toFixed(1)} executed/s, ${result.answeredPerSec.toFixed(1)} answered/s, answer p50 ${result.p50Ms.toFixed(0)} ms p99 ${result.p99Ms.toFixed(0)} ms, executions ${JSON.stringify(result.statuses)}`,
			);
		}
	}
	// Leave the topology as it was: two workers.
	await startWorkerProcess(topology(true), 1);
	const summary = [1, 2].map((workers) => {
		const mine = rounds.filter((r) => r.workers === workers);
		const mean = (key: keyof Round) =>
			mine.reduce((sum, r) => sum + (r[key] as number), 0) / mine.length;
		return {
			workers,
			executedPerSec: mean('executedPerSec'),
			answeredPerSec: mean('answeredPerSec'),
			p50Ms: mean('p50Ms'),
			p99Ms: mean('p99Ms'),
		};
	});
	out(
		`  mean: 1 worker ${summary[0].executedPerSec.toFixed(1)}/s, 2 workers ${summary[1].executedPerSec.toFixed(1)}/s (${(summary[1].executedPerSec / summary[0].executedPerSec).toFixed(2)}×)`,
	);
	const folder = join(cacheDir, 'bench');
	mkdirSync(folder, { recursive: true });
	writeFileSync(
		join(folder, 'queue-latest.json'),
		`${JSON.stringify({ date: new Date().toISOString(), settings: t.settings, callbacks: CALLBACKS, concurrency: CONCURRENCY, rounds, summary }, null, 2)}\n`,
	);
	expect(rounds.every((r) => r.statuses.success === CALLBACKS)).toBe(true);
});
