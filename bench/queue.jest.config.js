// Runs bench/queue.bench.ts (not a test: it measures and prints) in the queue-mode topology that
// test/support/queue/globalSetup.ts starts and globalTeardown.ts stops.
//   npm run bench:queue      (QUEUE_REUSE_TOPOLOGY=<topology.json> to run against one already up)
// n8n logs at "warn" here unless N8N_LOG_LEVEL says otherwise.
process.env.N8N_LOG_LEVEL ??= 'warn';
const queue = require('../test/queue/jest.config.js');

module.exports = {
	...queue,
	displayName: 'bench-queue',
	testMatch: ['<rootDir>/bench/queue.bench.ts'],
	testTimeout: 10_800_000,
};
