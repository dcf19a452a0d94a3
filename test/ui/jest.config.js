// Browser tests (headless Chromium driving n8n's editor), run on their own:
// `npx jest -c test/ui/jest.config.js` (scripts/screenshots.sh too). The e2e harness's
// globalSetup starts one n8n; one worker, so one Chromium at a time beside it.
const harnessConfig = require('../support/e2e/jestHarness');

module.exports = harnessConfig({
	displayName: 'ui',
	testMatch: ['<rootDir>/test/ui/**/*.test.ts'],
	testTimeout: 180000,
});
