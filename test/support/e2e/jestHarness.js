// The jest config every real-n8n harness shares (test/e2e, test/reliability, test/ui,
// bench/trigger): ts-jest, one worker (n8n runs beside the tests on 2 cores), and the globalSetup
// that starts one n8n for the run and refuses a second.
const path = require('node:path');

const rootDir = path.resolve(__dirname, '..', '..', '..');

/** A harness config: `displayName`, `testMatch` and `testTimeout` are the caller's. */
module.exports = function harnessConfig(config) {
	return {
		rootDir,
		testEnvironment: 'node',
		transform: {
			'^.+\\.ts$': [
				'ts-jest',
				{ tsconfig: 'tsconfig.test.json', diagnostics: { warnOnly: false } },
			],
		},
		modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/', '<rootDir>/node_modules/'],
		globalSetup: '<rootDir>/test/support/e2e/globalSetup.ts',
		globalTeardown: '<rootDir>/test/support/e2e/globalTeardown.ts',
		maxWorkers: 1,
		...config,
	};
};
