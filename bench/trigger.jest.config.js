// Runs bench/trigger.bench.ts (not a test: it measures and prints) with the e2e harness, which
// starts one real n8n with this package loaded (globalSetup) and stops it afterwards.
//   npm run build && npx jest --config bench/trigger.jest.config.js
// n8n logs at "warn" here unless N8N_LOG_LEVEL says otherwise: the e2e default (debug) would
// slow both contenders down and blur the comparison.
process.env.N8N_LOG_LEVEL ??= 'warn';
// The do-nothing community trigger the benchmark uses as a baseline (node type CUSTOM.minimalTrigger).
process.env.N8N_CUSTOM_EXTENSIONS = require('node:path').join(__dirname, 'trigger-probe');

const e2e = require('../test/e2e/jest.config.js');

module.exports = {
	...e2e,
	displayName: 'bench',
	testMatch: ['<rootDir>/bench/trigger.bench.ts'],
	testTimeout: 10_800_000,
	maxWorkers: 1,
};
