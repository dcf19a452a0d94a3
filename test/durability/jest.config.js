// A push answered 200 is never lost: n8n SIGKILLed mid-burst, restarted, every push redelivered.
// Each test starts (and kills, and restarts) n8n processes of its own, so unlike the other
// harness configs there is no shared n8n and no globalSetup.
//   npm run build && npx jest -c test/durability/jest.config.js --runInBand
const harnessConfig = require('../support/e2e/jestHarness');

module.exports = harnessConfig({
	displayName: 'durability',
	testMatch: ['<rootDir>/test/durability/**/*.test.ts'],
	globalSetup: undefined,
	globalTeardown: undefined,
	testTimeout: 1500000,
});
