import { rmSync } from 'node:fs';

import { readConnection } from './connection';
import { markKept, stopN8n } from './n8nProcess';
import { CONNECTION_ENV, STARTED_BY_ENV } from './paths';

/** Stops the shared n8n and removes its run folder, unless KEEP_N8N=1 (then the folder stays). */
export default async function globalTeardown(): Promise<void> {
	// Only the process whose globalSetup started n8n stops it; a child that inherited the variable
	// (and whose own globalSetup refused to start) leaves it alone.
	if (!process.env[CONNECTION_ENV] || process.env[STARTED_BY_ENV] !== String(process.pid)) return;
	const connection = readConnection();
	const outcome = await stopN8n(connection.pid);
	if (process.env.KEEP_N8N === '1') {
		markKept(connection.runFolder);
		process.stderr.write(`[e2e n8n] ${outcome}; kept ${connection.runFolder} (KEEP_N8N=1)\n`);
		return;
	}
	rmSync(connection.runFolder, { recursive: true, force: true });
}
