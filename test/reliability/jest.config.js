// Hostile webhooks, replay storms, a failing NXCloud, resource bounds: against one real n8n
// started by the e2e harness (with a larger body limit, see test/support/reliability/globalSetup.ts).
//   npm run build && npx jest -c test/reliability/jest.config.js
// RELIABILITY_SEED=<n> replays the generated requests of a failed run.
const path = require('node:path');

module.exports = {
	rootDir: path.resolve(__dirname, '..', '..'),
	displayName: 'reliability',
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: { warnOnly: false } }] },
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/', '<rootDir>/node_modules/'],
	testMatch: ['<rootDir>/test/reliability/**/*.test.ts'],
	globalSetup: '<rootDir>/test/support/reliability/globalSetup.ts',
	globalTeardown: '<rootDir>/test/support/e2e/globalTeardown.ts',
	testTimeout: 300000,
	maxWorkers: 1,
};
