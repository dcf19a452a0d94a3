// The `reliability` jest project (issue 5): test/reliability/**, against one real n8n started by
// the e2e harness (with a larger body limit, see globalSetup.ts) and the stand-in NXCloud server.
// jest.config.js lists it next to `unit` and `e2e`:
//   projects: [..., require('./test/support/reliability/jestProject')]
// and `npm test` runs it after e2e:  npx jest --selectProjects reliability --runInBand
const { resolve } = require('node:path');

const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: { warnOnly: false } }];

module.exports = {
	displayName: 'reliability',
	rootDir: resolve(__dirname, '..', '..', '..'),
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': tsJest },
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/', '<rootDir>/node_modules/'],
	testMatch: ['<rootDir>/test/reliability/**/*.test.ts'],
	globalSetup: '<rootDir>/test/support/reliability/globalSetup.ts',
	globalTeardown: '<rootDir>/test/support/e2e/globalTeardown.ts',
	testTimeout: 300000,
};
