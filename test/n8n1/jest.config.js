// The core e2e cases on the latest n8n 1.x (n8n 1.123.81 on Node 22) instead of n8n 2.x: the same
// test files and harness, with the harness switched by N8N_FLAVOUR=1x (test/support/e2e/paths.ts,
// scripts/n8n-env.sh, scripts/run-n8n.sh). globalSetup provisions n8n 1.x (provision-n8n1.sh).
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

// Set before globalSetup and the test workers start, so all of them see it.
process.env.N8N_FLAVOUR = '1x';

module.exports = {
	rootDir: root,
	displayName: 'n8n1',
	testEnvironment: 'node',
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: { warnOnly: false } }],
	},
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/', '<rootDir>/node_modules/'],
	// Credential test (both parts), every resource of the action node (WhatsApp messaging, media,
	// templates and business phones included), the trigger (both sources).
	testMatch: [
		'<rootDir>/test/e2e/smoke.test.ts',
		'<rootDir>/test/e2e/credential.test.ts',
		'<rootDir>/test/e2e/actionCalling.test.ts',
		'<rootDir>/test/e2e/actionTasks.test.ts',
		'<rootDir>/test/e2e/actionCallList.test.ts',
		'<rootDir>/test/e2e/actionMessaging.test.ts',
		'<rootDir>/test/e2e/actionWhatsAppMedia.test.ts',
		'<rootDir>/test/e2e/trigger.test.ts',
	],
	globalSetup: '<rootDir>/test/support/e2e/globalSetup.ts',
	globalTeardown: '<rootDir>/test/support/e2e/globalTeardown.ts',
	testTimeout: 120000,
};
