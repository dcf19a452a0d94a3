// Runs bench/diy.bench.ts (not a test: it measures and prints) with the e2e harness, which starts
// one real n8n with this package loaded; bench/diy.bench.mjs runs it once per expression engine.
// n8n logs at "warn" (debug would slow every contender down); the do-nothing community trigger
// is loaded from bench/trigger-probe. Code nodes may require('crypto') (scripts/n8n-env.sh).
process.env.N8N_LOG_LEVEL ??= 'warn';
process.env.N8N_CUSTOM_EXTENSIONS = require('node:path').join(__dirname, 'trigger-probe');
// Expression counters at /metrics (bench/diy/n8nMetrics.ts); the same cost for every receiver.
process.env.N8N_METRICS ??= 'true';
// n8n prunes executions beyond 10,000 by default; a full run stores ~36,000 per engine, and the
// benchmark counts them against the pushes sent, so nothing may be pruned meanwhile.
process.env.EXECUTIONS_DATA_PRUNE ??= 'false';

// BENCH_CPU_PROF=1: n8n's main process writes a V8 CPU profile when it stops (the jest process
// and n8n's task runner are not profiled), summarised by bench/diy/cpuProfileSummary.mjs.
if (process.env.BENCH_CPU_PROF === '1') {
	const dir = require('node:path').join(
		__dirname,
		'..',
		'.cache',
		'bench',
		`cpu-prof-${process.env.N8N_EXPRESSION_ENGINE ?? 'default'}`,
	);
	process.env.NODE_OPTIONS =
		`${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${dir}`.trim();
}

const harnessConfig = require('../test/support/e2e/jestHarness');

module.exports = harnessConfig({
	displayName: 'bench',
	testMatch: ['<rootDir>/bench/diy.bench.ts'],
	testTimeout: 10_800_000,
});
