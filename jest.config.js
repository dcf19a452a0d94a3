// Unit tests only: pure functions, the stand-in server, mocked n8n contexts, in parallel. Tests
// that need a real n8n have their own configs, each starting one n8n for its run:
//   test/e2e/jest.config.js, test/reliability/jest.config.js, test/ui/jest.config.js,
//   bench/trigger.jest.config.js
module.exports = {
	displayName: 'unit',
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: { warnOnly: false } }] },
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/', '<rootDir>/node_modules/'],
	testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
};
