// Unit tests only: pure functions, the stand-in server, mocked n8n contexts, in parallel. Tests
// that need a real n8n have their own configs, each starting one n8n for its run:
//   test/e2e/jest.config.js, test/reliability/jest.config.js, test/ui/jest.config.js,
//   bench/trigger.jest.config.js
// Transpile only (tsconfig.jest.json sets isolatedModules): `npm run typecheck` type-checks tests
// and code already, and type-checking again per test file against n8n-core's typings cost the unit
// stage about 3x its CPU time.
module.exports = {
	displayName: 'unit',
	testEnvironment: 'node',
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: { warnOnly: false } }],
	},
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/', '<rootDir>/node_modules/'],
	testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
};
