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
import { cpus } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const engines = (process.env.BENCH_ENGINES ?? 'default,legacy')
	.split(',')
	.map((e) => e.trim())
	.filter(Boolean);
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const started = Date.now();
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const out = (line = '') => process.stdout.write(`${line}\n`);

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

const x = (value) => (value === undefined ? '—' : `${value.toFixed(2)}×`);
const n = (value, digits = 1) => value.toFixed(digits);
const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;
const goals = [];
out(
	`\n======== summary (${new Date().toISOString()}, ${cpus().length} CPUs, load now ${loadavg()}, ${((Date.now() - started) / 60000).toFixed(1)} min) ========`,
);
for (const [engine, run] of Object.entries(runs)) {
	if (!run.receiving) continue;
	out(
		`\nReceiving, engine ${engine}, ${run.pushesPerLevel} pushes per level (load at start ${run.loadavgStart}):`,
	);
	out(
		'| events/push | concurrency | NXCloud Trigger events/s | DIY events/s | do-nothing events/s | ours p50 / p99 ms | DIY p50 / p99 ms | ours / DIY | ours / do-nothing |',
	);
	out('|---|---|---|---|---|---|---|---|---|');
	for (const l of run.receiving.levels) {
		out(
			`| ${l.eventsPerPush} | ${l.concurrency} | ${n(l.ours.eventsPerSec)} | ${n(l.diy.eventsPerSec)} | ${l.minimal ? n(l.minimal.eventsPerSec) : '—'} | ` +
				`${n(l.ours.p50Ms)} / ${n(l.ours.p99Ms)} | ${n(l.diy.p50Ms)} / ${n(l.diy.p99Ms)} | ${x(l.oursToDiy)} | ${x(l.oursToMinimal)} |`,
		);
		goals.push({
			what: `${engine} ${l.eventsPerPush}-event c${l.concurrency}: ours/DIY ≥ 1.5`,
			value: l.oursToDiy,
			met: l.oursToDiy >= 1.5,
		});
		if (l.oursToMinimal !== undefined)
			goals.push({
				what: `${engine} ${l.eventsPerPush}-event c${l.concurrency}: ours/do-nothing ≥ 0.95`,
				value: l.oursToMinimal,
				met: l.oursToMinimal >= 0.95,
			});
	}
	const e = run.receiving.executions;
	out(
		`executions (by status) / pushes sent: ${Object.entries(e)
			.map(([name, v]) => `${name} ${JSON.stringify(v.byStatus)} / ${v.sent}`)
			.join('; ')}`,
	);
}
for (const [engine, run] of Object.entries(runs)) {
	if (!run.importing) continue;
	out(`\nImporting, engine ${engine} (whole workflow: Code node makes the rows, then the import):`);
	out(
		'| rows | ours time | DIY time | ours / DIY time | ours main / main+runner peak RSS | DIY main / main+runner peak RSS | ours / DIY main peak | ours / DIY main+runner peak | bytes sent ours / DIY |',
	);
	out('|---|---|---|---|---|---|---|---|---|');
	for (const s of run.importing.sizes) {
		out(
			`| ${s.rows} | ${n(s.ours.wallMs / 1000)} s | ${n(s.diy.wallMs / 1000)} s | ${x(s.timeRatio)} | ${mb(s.ours.mainPeak)} / ${mb(s.ours.totalPeak)} | ${mb(s.diy.mainPeak)} / ${mb(s.diy.totalPeak)} | ` +
				`${x(s.mainPeakRatio)} | ${x(s.totalPeakRatio)} | ${mb(s.ours.wireBytes)} / ${mb(s.diy.wireBytes)} |`,
		);
		if (s.rows >= 100_000) {
			goals.push({
				what: `import ${s.rows} rows: time ours/DIY ≤ 1.0`,
				value: s.timeRatio,
				met: s.timeRatio <= 1,
			});
			goals.push({
				what: `import ${s.rows} rows: peak RSS (main+runner) ours/DIY ≤ 1.0`,
				value: s.totalPeakRatio,
				met: s.totalPeakRatio <= 1,
			});
		}
	}
}
out('\nGoals:');
for (const goal of goals) out(`  ${goal.met ? 'met   ' : 'MISSED'} ${goal.what}: ${x(goal.value)}`);
const summary = {
	date: new Date().toISOString(),
	cpus: cpus().length,
	loadavgEnd: loadavg(),
	minutes: (Date.now() - started) / 60000,
	goals,
	runs,
};
mkdirSync(join(root, '.cache', 'bench'), { recursive: true });
writeFileSync(
	join(root, '.cache', 'bench', 'diy-latest.json'),
	`${JSON.stringify(summary, null, 2)}\n`,
);
out(`\nresults: .cache/bench/diy-latest.json`);
