// The `durability` jest project: test/durability/**. Each test starts (and kills, and restarts)
// n8n processes of its own, so there is no shared n8n and no globalSetup.
//   projects: [..., require('./test/support/durability/jestProject')]
//   npx jest --selectProjects durability --runInBand
const { resolve } = require('node:path');

const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: { warnOnly: false } }];

module.exports = {
	displayName: 'durability',
	rootDir: resolve(__dirname, '..', '..', '..'),
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': tsJest },
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/', '<rootDir>/node_modules/'],
	testMatch: ['<rootDir>/test/durability/**/*.test.ts'],
	testTimeout: 1500000,
};
