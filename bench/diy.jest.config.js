// Runs bench/diy.bench.ts (not a test: it measures and prints) with the e2e harness, which starts
// one real n8n with this package loaded; bench/diy.bench.mjs runs it once per expression engine.
// n8n logs at "warn" (debug would slow every contender down); the do-nothing community trigger
// is loaded from bench/trigger-probe. Code nodes may require('crypto') (scripts/n8n-env.sh).
process.env.N8N_LOG_LEVEL ??= 'warn';
process.env.N8N_CUSTOM_EXTENSIONS = require('node:path').join(__dirname, 'trigger-probe');

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

const e2e = require('../jest.config.js').projects.find((project) => project.displayName === 'e2e');

module.exports = {
	...e2e,
	displayName: 'bench',
	rootDir: '..',
	testMatch: ['<rootDir>/bench/diy.bench.ts'],
	testTimeout: 10_800_000,
	maxWorkers: 1,
};
