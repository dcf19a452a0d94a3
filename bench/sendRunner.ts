// Runs the send benchmark: starts the stand-in NXCloud in this process, then each measurement
// (our node vs the bare signed-POST loop, BENCH_REPEATS times, alternating who goes first) in a
// fresh child process, and prints medians. Started by bench/send.bench.mjs.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { startStandIn } from '../test/support/standin';

const run = promisify(execFile);
const COUNT = Number(process.env.BENCH_MESSAGES ?? 10_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 2);
const out = (line = '') => process.stdout.write(`${line}\n`);

interface Measurement {
	mode: 'node' | 'floor';
	wallMs: number;
	cpuMs: number;
	rssBefore: number;
	peakRss: number;
	accepted: number;
}

const median = (values: number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
	const account = {
		accessKey: 'bench',
		accessSecret: randomBytes(8).toString('hex'),
		callbotUuid: 'unused',
		callbotSecretKey: 'unused',
	};
	const bound = { business_phone: '8613300000000', appkey: 'benchapp' };
	const standIn = await startStandIn({ ...account, recordBodies: false, boundPhones: [bound] });
	const env = {
		...process.env,
		STANDIN_URL: standIn.url,
		BENCH_ACCESS_KEY: account.accessKey,
		BENCH_SECRET: account.accessSecret,
		BENCH_APPKEY: bound.appkey,
		BENCH_PHONE: bound.business_phone,
	};
	const script = join(__dirname, 'sendScenario.js');
	const results: Measurement[] = [];
	out(
		`Send benchmark: ${COUNT.toLocaleString('en')} text messages (one per input item), concurrency 1 on both sides, ${REPEATS} repeats, Node ${process.version}`,
	);
	for (let r = 0; r < REPEATS; r++) {
		const order: Array<'node' | 'floor'> = r % 2 === 0 ? ['node', 'floor'] : ['floor', 'node'];
		for (const mode of order) {
			standIn.reset();
			const { stdout } = await run(
				process.execPath,
				['--expose-gc', script, mode, String(COUNT), `r${r}-${randomBytes(3).toString('hex')}`],
				{ env, maxBuffer: 1024 * 1024 },
			);
			const m = JSON.parse(stdout.trim().split('\n').pop()!) as Measurement;
			if (m.accepted !== COUNT)
				throw new Error(`${mode} had ${m.accepted} of ${COUNT} messages accepted`);
			const stored = standIn.state.messaging.messages().length;
			if (stored !== COUNT)
				throw new Error(`the stand-in accepted ${stored} messages, expected ${COUNT}`);
			results.push(m);
			out(
				`  ${mode.padEnd(5)} wall ${m.wallMs.toFixed(0).padStart(6)} ms = ${(COUNT / (m.wallMs / 1000)).toFixed(0).padStart(5)} msg/s  cpu ${m.cpuMs.toFixed(0).padStart(6)} ms  peak RSS ${mb(m.peakRss)} (+${mb(m.peakRss - m.rssBefore)})`,
			);
		}
	}
	await standIn.close();
	const pick = (mode: 'node' | 'floor') => results.filter((m) => m.mode === mode);
	const summary = {
		messages: COUNT,
		repeats: REPEATS,
		node: process.version,
		ours: {
			wallMs: median(pick('node').map((m) => m.wallMs)),
			cpuMs: median(pick('node').map((m) => m.cpuMs)),
			peakRss: median(pick('node').map((m) => m.peakRss)),
		},
		floor: {
			wallMs: median(pick('floor').map((m) => m.wallMs)),
			cpuMs: median(pick('floor').map((m) => m.cpuMs)),
			peakRss: median(pick('floor').map((m) => m.peakRss)),
		},
	};
	const rate = (wallMs: number) => COUNT / (wallMs / 1000);
	out();
	out(`ours  ${rate(summary.ours.wallMs).toFixed(0)} msg/s, peak RSS ${mb(summary.ours.peakRss)}`);
	out(
		`floor ${rate(summary.floor.wallMs).toFixed(0)} msg/s, peak RSS ${mb(summary.floor.peakRss)}`,
	);
	out(
		`time ratio ours/floor ${(summary.ours.wallMs / summary.floor.wallMs).toFixed(2)}× (goal ≤ 1.3×); cpu ratio ${(summary.ours.cpuMs / summary.floor.cpuMs).toFixed(2)}×; peak RSS ratio ${(summary.ours.peakRss / summary.floor.peakRss).toFixed(2)}×`,
	);
	const dir = join(__dirname, '..', '..');
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		join(dir, 'send-latest.json'),
		`${JSON.stringify({ summary, results }, null, 2)}\n`,
	);
	out('Raw results: .cache/bench/send-latest.json');
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack}\n`);
	process.exit(1);
});
