// Browser tests (headless Chromium driving n8n's editor). Standalone so they can run on their own
// (`npx jest -c test/ui/jest.config.js`, scripts/screenshots.sh); the same block can be added as a
// `ui` project to the root jest.config.js. They share the e2e harness: globalSetup starts one n8n.
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

module.exports = {
	rootDir: root,
	displayName: 'ui',
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: { warnOnly: false } }] },
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/', '<rootDir>/node_modules/'],
	testMatch: ['<rootDir>/test/ui/**/*.test.ts'],
	globalSetup: '<rootDir>/test/support/e2e/globalSetup.ts',
	globalTeardown: '<rootDir>/test/support/e2e/globalTeardown.ts',
	testTimeout: 180000,
	// One Chromium at a time: the machine has 2 cores and n8n runs beside it.
	maxWorkers: 1,
};
