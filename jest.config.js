// Two projects: `unit` (pure functions, the stand-in server, mocked n8n contexts) runs in
// parallel; `e2e` drives one real n8n for the whole run (globalSetup starts it once), in band.
const ignored = ['<rootDir>/dist/', '<rootDir>/.cache/', '<rootDir>/node_modules/'];
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: { warnOnly: false } }];

module.exports = {
	// jest 30 reads testTimeout from the root only; e2e tests drive a real n8n and need minutes.
	testTimeout: 120000,
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			modulePathIgnorePatterns: ignored,
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			modulePathIgnorePatterns: ignored,
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			globalSetup: '<rootDir>/test/support/e2e/globalSetup.ts',
			globalTeardown: '<rootDir>/test/support/e2e/globalTeardown.ts',
		},
		// Issue 5: hostile webhooks, replay storms, a failing NXCloud (its own n8n, larger body limit).
		require('./test/support/reliability/jestProject'),
		// A push answered 200 is never lost: n8n SIGKILLed mid-burst (its own n8n processes).
		require('./test/support/durability/jestProject'),
	],
};
