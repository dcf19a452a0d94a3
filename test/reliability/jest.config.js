// Hostile webhooks, replay storms, a failing NXCloud, resource bounds: against one real n8n
// started by the e2e harness (with a larger body limit, see test/support/reliability/globalSetup.ts).
//   npm run build && npx jest -c test/reliability/jest.config.js
// RELIABILITY_SEED=<n> replays the generated requests of a failed run.
const harnessConfig = require('../support/e2e/jestHarness');

module.exports = harnessConfig({
	displayName: 'reliability',
	testMatch: ['<rootDir>/test/reliability/**/*.test.ts'],
	globalSetup: '<rootDir>/test/support/reliability/globalSetup.ts',
	testTimeout: 300000,
});
