// The action node, trigger and credential inside one real n8n (globalSetup starts it once for
// the run), against the stand-in NXCloud:  npx jest -c test/e2e/jest.config.js --runInBand
const harnessConfig = require('../support/e2e/jestHarness');

module.exports = harnessConfig({
	displayName: 'e2e',
	testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
	// e2e tests drive a real n8n and need minutes.
	testTimeout: 120000,
});
