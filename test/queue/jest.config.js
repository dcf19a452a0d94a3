// The queue stage of `npm test`: n8n in queue mode (Postgres, Redis, main, 2 workers, 2 webhook
// processes behind a round-robin proxy), started once by globalSetup for every file here.
//   npx jest -c test/queue/jest.config.js --runInBand [test/queue/<file>]
const { resolve } = require('node:path');

module.exports = {
	displayName: 'queue',
	rootDir: resolve(__dirname, '..', '..'),
	testEnvironment: 'node',
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: { warnOnly: false } }],
	},
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/', '<rootDir>/node_modules/'],
	testMatch: ['<rootDir>/test/queue/**/*.test.ts'],
	globalSetup: '<rootDir>/test/support/queue/globalSetup.ts',
	globalTeardown: '<rootDir>/test/support/queue/globalTeardown.ts',
	testTimeout: 600000,
	maxWorkers: 1,
};
