import { readFileSync, writeFileSync } from 'node:fs';

import { CONNECTION_ENV } from './paths';

/** Everything a test worker needs to talk to the n8n that globalSetup started. */
export interface N8nConnection {
	baseUrl: string;
	apiKey: string;
	ownerEmail: string;
	ownerPassword: string;
	/** `n8n-auth=<jwt>`: the owner's REST session, bound to `browserId`. */
	cookie: string;
	browserId: string;
	logFile: string;
	pid: number;
	port: number;
	brokerPort: number;
	userFolder: string;
	runFolder: string;
}

export function writeConnection(file: string, connection: N8nConnection): void {
	// The file holds the owner's password and API key: readable by this user only.
	writeFileSync(file, JSON.stringify(connection, null, 2), { mode: 0o600 });
}

export function readConnection(file = process.env[CONNECTION_ENV]): N8nConnection {
	if (!file) {
		throw new Error(
			`${CONNECTION_ENV} is not set: e2e tests need the n8n started by test/support/e2e/globalSetup.ts (run them with \`npx jest -c test/e2e/jest.config.js\`)`,
		);
	}
	return JSON.parse(readFileSync(file, 'utf8')) as N8nConnection;
}
