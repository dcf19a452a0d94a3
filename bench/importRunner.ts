// Runs the import benchmark: starts the stand-in NXCloud in this process, then each measurement
// (our node vs the floor, gzip off and on, BENCH_REPEATS times, alternating) in a fresh child
// process, and prints medians. Started by bench/import.bench.mjs.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { startStandIn } from '../test/support/standin';

const run = promisify(execFile);
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const out = (line = '') => process.stdout.write(`${line}\n`);

interface Measurement {
	mode: 'node' | 'floor';
	gzip: boolean;
	wallMs: number;
	cpuMs: number;
	rssBefore: number;
	peakRss: number;
	bodyBytes: number;
	wireBytes: number;
	imported: number;
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
		callbotUuid: randomBytes(16).toString('hex'),
		callbotSecretKey: randomBytes(16).toString('hex'),
	};
	const standIn = await startStandIn({
		...account,
		recordBodies: false,
		maxImportRows: Math.max(100_000, ROWS),
	});
	const task = 'bench-task';
	// A fresh task before every measurement, so the stand-in does the same work for each.
	const freshTask = (): void => {
		standIn.reset();
		standIn.state.callbot.model.createTask({
			userTaskID: task,
			sceneID: 'bench',
			taskName: 'bench',
			other: '',
			taskCreateSetting: {},
			funcFlag: {},
			taskCallbackUrl: '',
			orderCallbackUrl: '',
		});
	};
	const env = {
		...process.env,
		STANDIN_URL: standIn.url,
		BENCH_UUID: account.callbotUuid,
		BENCH_SECRET: account.callbotSecretKey,
		BENCH_TASK: task,
	};
	const script = join(__dirname, 'importScenario.js');
	const results: Measurement[] = [];
	let runSeq = 0;
	out(
		`Import benchmark: ${ROWS.toLocaleString('en')} rows, ${REPEATS} repeats, Node ${process.version}`,
	);
	for (let r = 0; r < REPEATS; r++) {
		for (const gzip of [false, true]) {
			// Alternate who goes first so drift in the machine's load favours neither.
			const order: Array<'node' | 'floor'> =
				(r + (gzip ? 1 : 0)) % 2 === 0 ? ['node', 'floor'] : ['floor', 'node'];
			for (const mode of order) {
				runSeq += 1;
				freshTask();
				(globalThis as { gc?: () => void }).gc?.();
				const { stdout } = await run(
					process.execPath,
					[
						'--expose-gc',
						script,
						mode,
						gzip ? 'gzip' : 'plain',
						String(ROWS),
						`r${runSeq}-${randomBytes(3).toString('hex')}`,
					],
					{ env, maxBuffer: 16 * 1024 * 1024 },
				);
				const measurement = JSON.parse(stdout.trim().split('\n').pop()!) as Measurement;
				if (measurement.imported !== ROWS)
					throw new Error(`${mode} imported ${measurement.imported} of ${ROWS}`);
				results.push(measurement);
				out(
					`  ${mode.padEnd(5)} gzip=${String(gzip).padEnd(5)} wall ${measurement.wallMs.toFixed(0).padStart(6)} ms  cpu ${measurement.cpuMs.toFixed(0).padStart(6)} ms  ` +
						`rss +${mb(measurement.peakRss - measurement.rssBefore)} (peak ${mb(measurement.peakRss)})  body ${mb(measurement.bodyBytes)} wire ${mb(measurement.wireBytes)}`,
				);
			}
		}
	}
	await standIn.close();

	out();
	const summary: Record<string, unknown> = { rows: ROWS, repeats: REPEATS, node: process.version };
	for (const gzip of [false, true]) {
		const pick = (mode: 'node' | 'floor') =>
			results.filter((m) => m.mode === mode && m.gzip === gzip);
		const ours = pick('node');
		const floor = pick('floor');
		const line = {
			wallMs: median(ours.map((m) => m.wallMs)),
			floorWallMs: median(floor.map((m) => m.wallMs)),
			cpuMs: median(ours.map((m) => m.cpuMs)),
			floorCpuMs: median(floor.map((m) => m.cpuMs)),
			rssGrowth: median(ours.map((m) => m.peakRss - m.rssBefore)),
			floorRssGrowth: median(floor.map((m) => m.peakRss - m.rssBefore)),
			peakRss: median(ours.map((m) => m.peakRss)),
			bodyBytes: ours[0].bodyBytes,
			wireBytes: ours[0].wireBytes,
		};
		summary[gzip ? 'gzip' : 'plain'] = line;
		out(
			`gzip ${gzip ? 'on ' : 'off'}: body ${mb(line.bodyBytes)}, on the wire ${mb(line.wireBytes)}`,
		);
		out(
			`  time  ours ${line.wallMs.toFixed(0)} ms, floor ${line.floorWallMs.toFixed(0)} ms → ratio ${(line.wallMs / line.floorWallMs).toFixed(2)}× (goal ≤ 1.5×)`,
		);
		out(
			`  cpu   ours ${line.cpuMs.toFixed(0)} ms, floor ${line.floorCpuMs.toFixed(0)} ms → ratio ${(line.cpuMs / line.floorCpuMs).toFixed(2)}× (client side only)`,
		);
		out(
			`  rss   ours +${mb(line.rssGrowth)} = ${(line.rssGrowth / line.bodyBytes).toFixed(2)}× body (goal < 3×), floor +${mb(line.floorRssGrowth)} = ${(line.floorRssGrowth / line.bodyBytes).toFixed(2)}× body; our process peak ${mb(line.peakRss)}`,
		);
	}
	// Live data by phase (full GC at each step): what the import holds, without V8's heap reserve.
	const { stdout: memoryOut } = await run(
		process.execPath,
		['--expose-gc', join(__dirname, 'importMemory.js'), String(ROWS)],
		{
			maxBuffer: 1024 * 1024,
		},
	);
	const memory = JSON.parse(memoryOut.trim()) as {
		bodyBytes: number;
		phases: Array<[string, number]>;
	};
	summary.liveMemory = memory;
	out(`live memory by phase (heap + external after GC, body ${mb(memory.bodyBytes)}):`);
	for (const [label, bytes] of memory.phases)
		out(
			`  ${label.padEnd(52)} ${mb(bytes).padStart(9)} = ${(bytes / memory.bodyBytes).toFixed(2)}× body`,
		);
	const dir = join(__dirname, '..', '..');
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		join(dir, 'import-latest.json'),
		`${JSON.stringify({ summary, results }, null, 2)}\n`,
	);
	out(`\nRaw results: .cache/bench/import-latest.json`);
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack}\n`);
	process.exit(1);
});
