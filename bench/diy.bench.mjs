// `npm run bench:diy`: our nodes against the do-it-yourself workflows of bench/diy/, in a real n8n.
// Runs bench/diy.bench.ts once per expression engine (each run starts its own n8n, as the engine
// is chosen when n8n starts; the import part runs under the first engine only), then prints the
// comparison and the goals, and writes .cache/bench/diy-latest.json.
// Knobs (environment):
//   BENCH_ENGINES         default,legacy   n8n expression engines ("default" = n8n's own, vm)
//   BENCH_EVENTS          2000     signed pushes per level and receiver
//   BENCH_EVENTS_DEFAULT  BENCH_EVENTS   the same, under the default engine only (it is ~10x slower)
//   BENCH_PROBE_EVENTS    = events  pushes per level for the do-nothing trigger (0 = leave it out)
//   BENCH_CONCURRENCY     1,8,32   requests in flight
//   BENCH_SHAPES          1,10     events per push
//   BENCH_IMPORT_ROWS     10000,100000   ("" = no import part)
//   BENCH_IMPORT_REPEATS  1
import { execFileSync } from 'node:child_process';
import { cpus, release, totalmem } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { readmeLine, renderReport } from './diy/report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const engines = (process.env.BENCH_ENGINES ?? 'default,legacy')
	.split(',')
	.map((e) => e.trim())
	.filter(Boolean);
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const started = Date.now();
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const out = (line = '') => process.stdout.write(`${line}\n`);
const loadavgStart = loadavg();

const runs = {};
engines.forEach((engine, k) => {
	const env = { ...process.env };
	if (engine === 'default') delete env.N8N_EXPRESSION_ENGINE;
	else env.N8N_EXPRESSION_ENGINE = engine;
	if (engine === 'default' && process.env.BENCH_EVENTS_DEFAULT)
		env.BENCH_EVENTS = process.env.BENCH_EVENTS_DEFAULT;
	if (k > 0) env.BENCH_IMPORT_ROWS = '';
	out(`\n######## expression engine: ${engine} (load ${loadavg()}) ########`);
	execFileSync(process.execPath, [jest, '--config', join(root, 'bench', 'diy.jest.config.js')], {
		cwd: root,
		env,
		stdio: 'inherit',
	});
	runs[engine] = JSON.parse(
		readFileSync(join(root, '.cache', 'bench', `diy-${engine}.json`), 'utf8'),
	);
});

const goals = [];
for (const [engine, run] of Object.entries(runs)) {
	for (const l of run.receiving?.levels ?? []) {
		goals.push({
			what: `${engine} engine, ${l.eventsPerPush}-event pushes, ${l.concurrency} in flight: events/s ours / DIY ≥ 1.5`,
			value: l.oursToDiy,
			met: l.oursToDiy >= 1.5,
		});
		if (l.oursToMinimal !== undefined)
			goals.push({
				what: `${engine} engine, ${l.eventsPerPush}-event pushes, ${l.concurrency} in flight: events/s ours / do-nothing ≥ 0.95`,
				value: l.oursToMinimal,
				met: l.oursToMinimal >= 0.95,
			});
	}
	for (const s of run.importing?.sizes ?? []) {
		if (s.rows < 100_000) continue;
		goals.push({
			what: `import ${s.rows} rows: wall time ours / DIY ≤ 1.0`,
			value: s.timeRatio,
			met: s.timeRatio <= 1,
		});
		goals.push({
			what: `import ${s.rows} rows: peak RSS (n8n main + task runner) ours / DIY ≤ 1.0`,
			value: s.totalPeakRatio,
			met: s.totalPeakRatio <= 1,
		});
	}
}

// What the full configuration costs, from the n8n CPU time per push measured in this run: the
// receiving part is CPU-bound on a small machine, so its wall time is at least CPU / cores.
const FULL = {
	pushes: 2000,
	levels: [1, 8, 32],
	shapes: [1, 10],
	receivers: ['ours', 'diy', 'minimal'],
};
const byEngine = [];
for (const [engine, run] of Object.entries(runs)) {
	const levels = run.receiving?.levels ?? [];
	if (!levels.length) continue;
	let cpuSeconds = 0;
	for (const shape of FULL.shapes) {
		// Per shape, the mean CPU per push over the levels measured (CPU per push hardly depends on
		// the concurrency; a shape not measured borrows the other's figure).
		const measured = levels.filter((l) => l.eventsPerPush === shape);
		const pool = measured.length ? measured : levels;
		for (const name of FULL.receivers) {
			const values = pool.map((l) => l[name]?.cpuMsPerPush).filter((v) => v > 0);
			if (!values.length) continue;
			const mean = values.reduce((a, b) => a + b, 0) / values.length;
			cpuSeconds += (FULL.pushes * FULL.levels.length * mean) / 1000;
		}
	}
	byEngine.push({
		engine,
		cpuMinutes: cpuSeconds / 60,
		wallMinutes: cpuSeconds / 60 / cpus().length,
	});
}
const estimate = byEngine.length
	? {
			pushes: FULL.pushes * FULL.levels.length * FULL.shapes.length * FULL.receivers.length * 2,
			byEngine,
			receivingCpuMinutes: byEngine.reduce((a, e) => a + e.cpuMinutes, 0),
			receivingWallMinutes: byEngine.reduce((a, e) => a + e.wallMinutes, 0),
		}
	: undefined;

const n8nVersion = JSON.parse(
	readFileSync(join(root, '.cache', 'n8n', 'node_modules', 'n8n', 'package.json'), 'utf8'),
).version;
const summary = {
	date: new Date(started).toISOString(),
	cpus: cpus().length,
	machine: {
		cpuModel: cpus()[0]?.model?.trim(),
		memGb: Math.round(totalmem() / 1073741824),
		node: process.version.slice(1),
		n8n: n8nVersion,
		kernel: release(),
	},
	config: {
		command: `${Object.entries(process.env)
			.filter(([key]) => key.startsWith('BENCH_'))
			.map(([key, value]) => `${key}=${value} `)
			.join('')}npm run bench:diy`,
	},
	loadavgStart,
	loadavgEnd: loadavg(),
	minutes: (Date.now() - started) / 60000,
	goals,
	estimate,
	runs,
};
mkdirSync(join(root, '.cache', 'bench'), { recursive: true });
writeFileSync(
	join(root, '.cache', 'bench', 'diy-latest.json'),
	`${JSON.stringify(summary, null, 2)}\n`,
);
out(
	`\n======== summary ========\n\n${renderReport(summary)}\n\nREADME line:\n${readmeLine(summary)}`,
);
out(
	'\nresults: .cache/bench/diy-latest.json (node bench/diy/report.mjs --write puts them into bench/README.md)',
);
