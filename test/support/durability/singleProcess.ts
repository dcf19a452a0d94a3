// One private n8n (not the e2e run's shared one, which other test files still need) that a test
// may SIGKILL and start again on the same user folder.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { pollUntil } from '../e2e/http';
import { N8nClient } from '../e2e/n8nClient';
import {
	freePort,
	logTail,
	markKept,
	prepareUserFolder,
	removeStaleRunFolders,
	startN8n,
	stopN8n,
	waitForReadiness,
	type StartedN8n,
} from '../e2e/n8nProcess';
import {
	createApiKey,
	generatePassword,
	loadedNodeTypes,
	login,
	setupOwner,
} from '../e2e/ownerSession';
import { NODE_TYPES, e2eDir, node24Bin } from '../e2e/paths';
import type { DurabilityTopology } from './topology';

export async function startSingleProcess(
	extraEnv: Record<string, string> = {},
): Promise<DurabilityTopology> {
	removeStaleRunFolders();
	// The run-<pid>-<time> name lets a later run clean up after a crashed one (see n8nProcess.ts).
	const runFolder = join(e2eDir, `run-${process.pid}-${Date.now()}`);
	const userFolder = join(runFolder, 'home');
	const logFile = join(runFolder, 'n8n.log');
	mkdirSync(userFolder, { recursive: true });
	const baseEnv: NodeJS.ProcessEnv = {
		...process.env,
		PATH: `${dirname(node24Bin)}:${process.env.PATH ?? ''}`,
	};
	prepareUserFolder(userFolder, baseEnv);
	const port = await freePort();
	let brokerPort = await freePort();
	while (brokerPort === port) brokerPort = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = {
		...baseEnv,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'warn',
		...extraEnv,
	};
	let n8n: StartedN8n = startN8n(env, logFile);
	await waitForReadiness(baseUrl, n8n, logFile, 300_000);

	const owner = {
		email: 'durability-owner@nxcloud.test',
		password: generatePassword(),
		firstName: 'Dur',
		lastName: 'Ability',
	};
	await setupOwner(baseUrl, owner);
	const session = await login(baseUrl, owner.email, owner.password);
	const apiKey = await createApiKey(baseUrl, session, `durability-${process.pid}`);
	if (!(await loadedNodeTypes(baseUrl, session)).includes(NODE_TYPES.trigger)) {
		throw new Error(`n8n did not load ${NODE_TYPES.trigger}. Log tail:\n${logTail(logFile)}`);
	}
	const client = new N8nClient({
		baseUrl,
		apiKey,
		ownerEmail: owner.email,
		ownerPassword: owner.password,
		cookie: session.cookie,
		browserId: session.browserId,
		logFile,
		pid: n8n.pid,
		port,
		brokerPort,
		userFolder,
		runFolder,
	});
	return {
		client: () => client,
		webhookUrl: (path) => client.webhookUrl(path),
		webhookUrlOf: (_index, path) => client.webhookUrl(path),
		webhookProcesses: 1,
		async kill() {
			process.kill(n8n.pid, 'SIGKILL');
			await n8n.exited;
		},
		async restart() {
			// Same user folder and ports: the same n8n, as a supervisor would restart it.
			n8n = startN8n(env, logFile);
			client.connection.pid = n8n.pid;
			await waitForReadiness(baseUrl, n8n, logFile, 300_000);
			// Keep-alive sockets to the killed process fail once ("other side closed"), then go.
			await pollUntil(
				'the public API after the restart',
				async () =>
					await client.api('GET', '/workflows?limit=1').then(
						() => true,
						() => undefined,
					),
				{
					timeoutMs: 60_000,
					intervalMs: 500,
				},
			);
		},
		async stop() {
			await stopN8n(n8n.pid);
			if (process.env.KEEP_N8N === '1') markKept(runFolder);
			else rmSync(runFolder, { recursive: true, force: true });
		},
	};
}
