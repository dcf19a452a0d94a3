import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { writeConnection, type N8nConnection } from './connection';
import {
	freePort,
	logTail,
	prepareUserFolder,
	removeStaleRunFolders,
	startN8n,
	stopN8n,
	waitForReadiness,
} from './n8nProcess';
import { createApiKey, generatePassword, loadedNodeTypes, login, setupOwner } from './ownerSession';
import {
	CONNECTION_ENV,
	STARTED_BY_ENV,
	NODE_TYPES,
	builtActionNode,
	e2eDir,
	node24Bin,
	provisionScript,
	repoRoot,
} from './paths';

const log = (message: string) => process.stderr.write(`[e2e n8n] ${message}\n`);

/** Env for child tools: the cached Node 24 first on PATH, whatever Node runs jest. */
function toolEnv(): NodeJS.ProcessEnv {
	return { ...process.env, PATH: `${dirname(node24Bin)}:${process.env.PATH ?? ''}` };
}

/**
 * Starts the one n8n that every e2e test file of this jest run shares, and hands its
 * connection to the workers through a JSON file named by NXCLOUD_E2E_N8N.
 */
export default async function globalSetup(): Promise<void> {
	// One n8n per process tree: a jest run started from inside another (or two harness configs
	// merged into one run) would start a second n8n on the same cache and machine.
	if (process.env[CONNECTION_ENV]) {
		throw new Error(
			`${CONNECTION_ENV} is already set (${process.env[CONNECTION_ENV]}): an n8n of this harness is running in this process tree. Run one jest config at a time.`,
		);
	}
	const started = Date.now();
	// Idempotent; prints two lines when the cache is warm, npm progress when it is not.
	execFileSync('bash', [provisionScript], { stdio: ['ignore', process.stderr, process.stderr] });
	const env = toolEnv();
	if (!existsSync(builtActionNode)) {
		log('dist/ is missing: npm run build');
		execFileSync('npm', ['run', 'build'], {
			cwd: repoRoot,
			env,
			stdio: ['ignore', process.stderr, process.stderr],
		});
	}

	removeStaleRunFolders();
	const runFolder = join(e2eDir, `run-${process.pid}-${Date.now()}`);
	const userFolder = join(runFolder, 'home');
	const logFile = join(runFolder, 'n8n.log');
	mkdirSync(userFolder, { recursive: true });
	prepareUserFolder(userFolder, env);

	const port = await freePort();
	let brokerPort = await freePort();
	while (brokerPort === port) brokerPort = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const n8n = startN8n(
		{
			...env,
			N8N_USER_FOLDER: userFolder,
			N8N_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			// debug: n8n logs more, so the "no secret in the logs" assertions see more.
			N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'debug',
		},
		logFile,
	);
	try {
		await waitForReadiness(baseUrl, n8n, logFile);
		const ready = Date.now();

		const owner = {
			email: 'e2e-owner@nxcloud.test',
			password: generatePassword(),
			firstName: 'E2e',
			lastName: 'Owner',
		};
		await setupOwner(baseUrl, owner);
		const session = await login(baseUrl, owner.email, owner.password);
		const apiKey = await createApiKey(baseUrl, session, `e2e-${process.pid}`);

		const types = await loadedNodeTypes(baseUrl, session);
		const missing = [NODE_TYPES.action, NODE_TYPES.trigger].filter((type) => !types.includes(type));
		if (missing.length > 0) {
			throw new Error(`n8n did not load ${missing.join(', ')}. Log tail:\n${logTail(logFile)}`);
		}

		const connection: N8nConnection = {
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
		};
		const connectionFile = join(runFolder, 'connection.json');
		writeConnection(connectionFile, connection);
		process.env[CONNECTION_ENV] = connectionFile;
		process.env[STARTED_BY_ENV] = String(process.pid);
		log(
			`n8n ${baseUrl} ready in ${((ready - started) / 1000).toFixed(1)} s, set up in ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${logFile})`,
		);
	} catch (error) {
		await stopN8n(n8n.pid);
		throw error;
	}
}
