// The action node, trigger and credential inside one real n8n (globalSetup starts it once for
// the run), against the stand-in NXCloud:  npx jest -c test/e2e/jest.config.js --runInBand
const path = require('node:path');

module.exports = {
	rootDir: path.resolve(__dirname, '..', '..'),
	displayName: 'e2e',
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: { warnOnly: false } }] },
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/', '<rootDir>/node_modules/'],
	testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
	globalSetup: '<rootDir>/test/support/e2e/globalSetup.ts',
	globalTeardown: '<rootDir>/test/support/e2e/globalTeardown.ts',
	// e2e tests drive a real n8n and need minutes.
	testTimeout: 120000,
	maxWorkers: 1,
};
