// n8n in queue mode, started from this repo's scripts only: a throwaway Postgres and Redis on free
// loopback ports, one main process (editor, API; EXECUTIONS_MODE=queue, production webhooks
// disabled), `n8n worker` processes that run the executions, `n8n webhook` processes that receive
// production webhooks, and a round-robin proxy (proxy.mjs) in front of the webhook processes.
// Everything lives in one run folder under .cache/queue/ and is stopped by pid.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	readlinkSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

import { writeConnection, type N8nConnection } from '../e2e/connection';
import { http } from '../e2e/http';
import { freePort, isAlive } from '../e2e/n8nProcess';
import {
	createApiKey,
	generatePassword,
	loadedNodeTypes,
	login,
	needsOwnerSetup,
	setupOwner,
} from '../e2e/ownerSession';
import {
	CONNECTION_ENV,
	NODE_TYPES,
	cacheDir,
	n8nPackageDir,
	node24Bin,
	runN8nScript,
} from '../e2e/paths';
import {
	PG_DATABASE,
	PG_USER,
	initCluster,
	postgresBinDir,
	psql,
	startPostgres,
	stopPostgres,
} from './postgres';
import {
	acceptsConnections,
	startLogged,
	stopPid,
	tail,
	waitForExit,
	waitUntil,
	type Started,
} from './processes';
import { startRedis } from './redis';

export const queueDir = join(cacheDir, 'queue');
const proxyScript = join(__dirname, 'proxy.mjs');
/** Env var through which globalSetup hands the topology file to the test files. */
export const TOPOLOGY_ENV = 'NXCLOUD_QUEUE_TOPOLOGY';
const KEPT_MARKER = 'KEPT';

export type Role = 'main' | 'worker' | 'webhook';

export interface N8nProcessInfo {
	role: Role;
	index: number;
	pid: number;
	/** HTTP port: editor/API (main), webhooks (webhook), health check (worker). */
	port: number;
	brokerPort: number;
	baseUrl: string;
	userFolder: string;
	logFile: string;
}

export interface ServiceInfo {
	pid: number;
	port: number;
	logFile: string;
}

export interface QueueSettings {
	workers: number;
	webhooks: number;
	/** Jobs one worker runs at once (`n8n worker --concurrency`). */
	workerConcurrency: number;
	/** N8N_EXPRESSION_ENGINE for every n8n process. */
	expressionEngine: string;
	logLevel: string;
}

export interface QueueTopology {
	runFolder: string;
	/** The process that started it; a run folder whose creator is gone is stale. */
	creatorPid: number;
	settings: QueueSettings;
	postgres: ServiceInfo & { dataDir: string; database: string; user: string };
	redis: ServiceInfo;
	main?: N8nProcessInfo;
	workers: N8nProcessInfo[];
	webhooks: N8nProcessInfo[];
	proxy?: ServiceInfo & { url: string };
	/** Environment shared by every n8n process of the topology (holds the encryption key). */
	sharedEnv: Record<string, string>;
	/** The main process as the e2e harness's N8nConnection (owner login, API key). */
	connectionFile?: string;
}

export interface StartOptions extends Partial<QueueSettings> {
	/** Default: .cache/queue/run-<pid>-<time>. */
	runFolder?: string;
	/** Extra environment for every n8n process (e.g. EXECUTIONS_DATA_SAVE_ON_SUCCESS). */
	extraEnv?: Record<string, string>;
	/** Owner login; default: e2e owner with a random password. */
	owner?: { email: string; password: string };
	/** Fixed ports (dev); default: free ports. */
	mainPort?: number;
	proxyPort?: number;
	/** Encryption key shared by all n8n processes; default: random per run. */
	encryptionKey?: string;
	log?: (message: string) => void;
}

export function defaultSettings(overrides: Partial<QueueSettings> = {}): QueueSettings {
	return {
		workers: 2,
		webhooks: 2,
		workerConcurrency: Number(process.env.QUEUE_WORKER_CONCURRENCY ?? 10),
		// n8n 2.x's default ("vm") takes an expression isolate for every request to a community
		// trigger and rebuilds it afterwards (~10x the request's own cost); see docs/scale.md.
		expressionEngine: process.env.N8N_EXPRESSION_ENGINE ?? 'legacy',
		logLevel: process.env.N8N_LOG_LEVEL ?? 'info',
		...overrides,
	};
}

/** Env for child tools: the cached Node 24 first on PATH, whatever Node runs us. */
function toolEnv(): NodeJS.ProcessEnv {
	return { ...process.env, PATH: `${dirname(node24Bin)}:${process.env.PATH ?? ''}` };
}

function n8nVersion(): string {
	return (
		JSON.parse(readFileSync(join(n8nPackageDir, 'package.json'), 'utf8')) as { version: string }
	).version;
}

export function topologyFile(runFolder: string): string {
	return join(runFolder, 'topology.json');
}

export function saveTopology(topology: QueueTopology): void {
	// Holds the encryption key: readable by this user only.
	writeFileSync(topologyFile(topology.runFolder), JSON.stringify(topology, null, 2), {
		mode: 0o600,
	});
}

export function readTopology(file = process.env[TOPOLOGY_ENV]): QueueTopology {
	if (!file)
		throw new Error(
			`${TOPOLOGY_ENV} is not set: queue tests need test/support/queue/globalSetup.ts (npx jest -c test/queue/jest.config.js)`,
		);
	return JSON.parse(readFileSync(file, 'utf8')) as QueueTopology;
}

/** The database part of n8n's environment. */
function databaseEnv(port: number): Record<string, string> {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(port),
		DB_POSTGRESDB_DATABASE: PG_DATABASE,
		DB_POSTGRESDB_USER: PG_USER,
		DB_POSTGRESDB_PASSWORD: '',
	};
}

/**
 * A Postgres data folder with an empty cluster on which n8n's migrations have run, made once per
 * n8n and Postgres version; every run copies it (a second) instead of migrating (half a minute).
 */
async function migratedPostgresTemplate(log: (message: string) => void): Promise<string> {
	const major = postgresBinDir().split('/').slice(-2)[0];
	const template = join(queueDir, `pg-template-n8n${n8nVersion()}-pg${major}`);
	if (existsSync(join(template, 'READY'))) return template;
	log(`building ${template} (initdb + n8n migrations, once)`);
	const building = `${template}.building-${process.pid}`;
	rmSync(building, { recursive: true, force: true });
	mkdirSync(building, { recursive: true });
	const port = await freePort();
	const logFile = join(building, 'postgres.log');
	await initCluster(join(building, 'data'), port, logFile);
	const server = await startPostgres(join(building, 'data'), port, logFile);
	try {
		const home = join(building, 'home');
		mkdirSync(home);
		// Any DB-backed n8n command runs the migrations and exits; no port is opened.
		execFileSync('bash', [runN8nScript, 'list:workflow'], {
			env: {
				...toolEnv(),
				...databaseEnv(port),
				N8N_USER_FOLDER: home,
				N8N_PORT: '1',
				N8N_RUNNERS_BROKER_PORT: '2',
				N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			},
			stdio: ['ignore', 'ignore', 'pipe'],
			timeout: 300_000,
		});
		rmSync(home, { recursive: true, force: true });
	} finally {
		await stopPostgres(server.pid);
	}
	writeFileSync(join(building, 'READY'), '');
	try {
		renameSync(building, template);
	} catch {
		rmSync(building, { recursive: true, force: true });
	}
	return template;
}

/** Whether a recorded pid is still a process of that run (its working directory is inside it). */
function belongsToRun(pid: number, runFolder: string): boolean {
	try {
		return isAlive(pid) && readlinkSync(`/proc/${pid}/cwd`).startsWith(runFolder);
	} catch {
		return false;
	}
}

/** Every pid a topology records. */
export function topologyPids(topology: QueueTopology): number[] {
	return [
		topology.proxy?.pid,
		...topology.webhooks.map((p) => p.pid),
		...topology.workers.map((p) => p.pid),
		topology.main?.pid,
		topology.redis?.pid,
		topology.postgres?.pid,
	].filter((pid): pid is number => typeof pid === 'number' && pid > 0);
}

/** Removes run folders whose creator is gone, killing what a crashed run left running. */
export function removeStaleQueueRuns(): void {
	if (!existsSync(queueDir)) return;
	for (const name of readdirSync(queueDir)) {
		const match = /^run-(\d+)-\d+$/.exec(name);
		if (!match || isAlive(Number(match[1]))) continue;
		const folder = join(queueDir, name);
		const kept = join(folder, KEPT_MARKER);
		if (existsSync(kept) && Date.now() - statSync(kept).mtimeMs < 24 * 3600_000) continue;
		if (existsSync(topologyFile(folder))) {
			for (const pid of topologyPids(readTopology(topologyFile(folder)))) {
				if (belongsToRun(pid, folder)) process.kill(pid, 'SIGKILL');
			}
		}
		rmSync(folder, { recursive: true, force: true });
	}
}

function roleCommand(role: Role, settings: QueueSettings): string[] {
	if (role === 'worker') return ['worker', `--concurrency=${settings.workerConcurrency}`];
	if (role === 'webhook') return ['webhook'];
	return ['start'];
}

async function isReady(url: string): Promise<boolean> {
	try {
		return (await http(url, { timeoutMs: 2_000 })).status === 200;
	} catch {
		return false;
	}
}

/** Starts one n8n process of the topology (not waiting for it); records it in the topology file. */
async function launchN8n(
	topology: QueueTopology,
	role: Role,
	index: number,
	port?: number,
): Promise<{ info: N8nProcessInfo; started: Started }> {
	const name = role === 'main' ? 'main' : `${role}-${index + 1}`;
	const userFolder = join(topology.runFolder, 'homes', name);
	mkdirSync(userFolder, { recursive: true });
	const logFile = join(topology.runFolder, 'logs', `${name}.log`);
	const httpPort = port ?? (await freePort());
	let brokerPort = await freePort();
	while (brokerPort === httpPort) brokerPort = await freePort();
	const env: NodeJS.ProcessEnv = {
		...toolEnv(),
		...topology.sharedEnv,
		N8N_USER_FOLDER: userFolder,
		// Workers listen only with their health server; run-n8n.sh wants N8N_PORT set all the same.
		N8N_PORT: String(httpPort),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
	};
	if (role === 'worker') {
		Object.assign(env, {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(httpPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		});
	}
	if (role === 'main') {
		// Production webhooks belong to the webhook processes; the main only serves the editor and API.
		env.N8N_DISABLE_PRODUCTION_MAIN_PROCESS = 'true';
	}
	const started = startLogged(
		'bash',
		[runN8nScript, ...roleCommand(role, topology.settings)],
		logFile,
		{ env },
	);
	const info: N8nProcessInfo = {
		role,
		index,
		pid: started.pid,
		port: httpPort,
		brokerPort,
		baseUrl: `http://127.0.0.1:${httpPort}`,
		userFolder,
		logFile,
	};
	if (role === 'main') topology.main = info;
	else (role === 'worker' ? topology.workers : topology.webhooks)[index] = info;
	saveTopology(topology);
	return { info, started };
}

async function waitForN8n(
	info: N8nProcessInfo,
	started: Started,
	timeoutMs = 600_000,
): Promise<void> {
	const what = info.role === 'main' ? 'n8n main' : `n8n ${info.role} ${info.index + 1}`;
	await waitUntil(
		what,
		() => isReady(`${info.baseUrl}/healthz/readiness`),
		started,
		info.logFile,
		timeoutMs,
	);
}

/** Starts (or restarts, on its old port) webhook process `index` and waits until it is ready. */
export async function startWebhookProcess(
	topology: QueueTopology,
	index: number,
): Promise<N8nProcessInfo> {
	const { info, started } = await launchN8n(
		topology,
		'webhook',
		index,
		topology.webhooks[index]?.port,
	);
	await waitForN8n(info, started);
	return info;
}

/** Starts (or restarts) worker process `index` and waits until it is ready. */
export async function startWorkerProcess(
	topology: QueueTopology,
	index: number,
): Promise<N8nProcessInfo> {
	const { info, started } = await launchN8n(
		topology,
		'worker',
		index,
		topology.workers[index]?.port,
	);
	await waitForN8n(info, started);
	return info;
}

/** Stops worker process `index` gracefully (SIGTERM: it finishes its running jobs first). */
export async function stopWorkerProcess(topology: QueueTopology, index: number): Promise<void> {
	await stopPid(topology.workers[index].pid, 'SIGTERM', 60_000);
}

/** SIGKILL to webhook process `index`: no graceful shutdown, what a crash or OOM kill does. */
export async function killWebhookProcess(topology: QueueTopology, index: number): Promise<void> {
	const { pid } = topology.webhooks[index];
	if (isAlive(pid)) process.kill(pid, 'SIGKILL');
	if (!(await waitForExit(pid)))
		throw new Error(`webhook process ${index + 1} (pid ${pid}) survived SIGKILL`);
}

async function startProxy(topology: QueueTopology, port?: number): Promise<void> {
	const proxyPort = port ?? (await freePort());
	const logFile = join(topology.runFolder, 'logs', 'proxy.log');
	const started = startLogged(
		node24Bin,
		[proxyScript, String(proxyPort), ...topology.webhooks.map((w) => w.baseUrl)],
		logFile,
		{
			cwd: topology.runFolder,
		},
	);
	topology.proxy = {
		pid: started.pid,
		port: proxyPort,
		url: `http://127.0.0.1:${proxyPort}`,
		logFile,
	};
	saveTopology(topology);
	await waitUntil('proxy', () => acceptsConnections(proxyPort), started, logFile, 30_000);
}

/** Sets up the owner (or logs in when the database already has one) and hands out an API key. */
async function ownerConnection(
	topology: QueueTopology,
	owner: { email: string; password: string },
): Promise<N8nConnection> {
	const main = topology.main!;
	if (await needsOwnerSetup(main.baseUrl)) {
		await setupOwner(main.baseUrl, { ...owner, firstName: 'Queue', lastName: 'Owner' });
	}
	const session = await login(main.baseUrl, owner.email, owner.password);
	const apiKey = await createApiKey(main.baseUrl, session, `queue-${process.pid}-${Date.now()}`);
	const types = await loadedNodeTypes(main.baseUrl, session);
	const missing = [NODE_TYPES.action, NODE_TYPES.trigger].filter((type) => !types.includes(type));
	if (missing.length > 0)
		throw new Error(`n8n did not load ${missing.join(', ')}. Log tail:\n${tail(main.logFile)}`);
	return {
		baseUrl: main.baseUrl,
		apiKey,
		ownerEmail: owner.email,
		ownerPassword: owner.password,
		cookie: session.cookie,
		browserId: session.browserId,
		logFile: main.logFile,
		pid: main.pid,
		port: main.port,
		brokerPort: main.brokerPort,
		userFolder: main.userFolder,
		runFolder: topology.runFolder,
	};
}

/**
 * Starts the whole topology and returns it once every process is ready, the owner exists and our
 * node types are loaded. The topology file (topology.json in the run folder) is written as each
 * process starts, so stopQueueTopology can stop whatever did start if a later step fails.
 */
export async function startQueueTopology(options: StartOptions = {}): Promise<QueueTopology> {
	const log = options.log ?? ((message: string) => process.stderr.write(`[queue] ${message}\n`));
	const began = Date.now();
	const settings = defaultSettings(options);
	removeStaleQueueRuns();
	const runFolder = options.runFolder ?? join(queueDir, `run-${process.pid}-${Date.now()}`);
	mkdirSync(join(runFolder, 'logs'), { recursive: true });
	const template = await migratedPostgresTemplate(log);

	const dataDir = join(runFolder, 'pg');
	if (!existsSync(dataDir)) execFileSync('cp', ['-a', join(template, 'data'), dataDir]);
	const pgPort = await freePort();
	const redisPort = await freePort();
	const topology: QueueTopology = {
		runFolder,
		creatorPid: process.pid,
		settings,
		postgres: {
			pid: 0,
			port: pgPort,
			logFile: join(runFolder, 'logs', 'postgres.log'),
			dataDir,
			database: PG_DATABASE,
			user: PG_USER,
		},
		redis: { pid: 0, port: redisPort, logFile: join(runFolder, 'logs', 'redis.log') },
		workers: [],
		webhooks: [],
		sharedEnv: {},
	};
	saveTopology(topology);
	try {
		topology.postgres.pid = (await startPostgres(dataDir, pgPort, topology.postgres.logFile)).pid;
		saveTopology(topology);
		topology.redis.pid = (
			await startRedis(join(runFolder, 'redis'), redisPort, topology.redis.logFile)
		).pid;
		saveTopology(topology);
		log(
			`postgres 127.0.0.1:${pgPort}, redis 127.0.0.1:${redisPort} (${((Date.now() - began) / 1000).toFixed(1)} s)`,
		);

		const mainPort = options.mainPort ?? (await freePort());
		const proxyPort = options.proxyPort ?? (await freePort());
		topology.sharedEnv = {
			...databaseEnv(pgPort),
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redisPort),
			N8N_ENCRYPTION_KEY: options.encryptionKey ?? randomBytes(24).toString('hex'),
			N8N_EDITOR_BASE_URL: `http://127.0.0.1:${mainPort}/`,
			// The URL the editor shows for production webhooks: the proxy, where NXCloud would post.
			N8N_WEBHOOK_URL: `http://127.0.0.1:${proxyPort}/`,
			N8N_EXPRESSION_ENGINE: settings.expressionEngine,
			N8N_LOG_LEVEL: settings.logLevel,
			// n8n's pruning keeps 10,000 executions by default; a campaign has more, and the tests count them.
			EXECUTIONS_DATA_PRUNE: 'false',
			// n8n's default pool is 2 connections per process: a worker running 10 jobs and a webhook
			// process taking 16 pushes at once then wait for a connection, and past
			// DB_POSTGRESDB_CONNECTION_TIMEOUT (20 s) executions fail or are never stored.
			DB_POSTGRESDB_POOL_SIZE: String(Math.max(10, settings.workerConcurrency)),
			...options.extraEnv,
		};
		const launched = [await launchN8n(topology, 'main', 0, mainPort)];
		for (let i = 0; i < settings.workers; i++)
			launched.push(await launchN8n(topology, 'worker', i));
		for (let i = 0; i < settings.webhooks; i++)
			launched.push(await launchN8n(topology, 'webhook', i));
		await Promise.all(launched.map(({ info, started }) => waitForN8n(info, started)));
		log(
			`main, ${settings.workers} workers, ${settings.webhooks} webhook processes ready (${((Date.now() - began) / 1000).toFixed(1)} s)`,
		);
		await startProxy(topology, proxyPort);

		const connection = await ownerConnection(
			topology,
			options.owner ?? { email: 'queue-owner@nxcloud.test', password: generatePassword() },
		);
		topology.connectionFile = join(runFolder, 'connection.json');
		writeConnection(topology.connectionFile, connection);
		saveTopology(topology);
		log(
			`ready in ${((Date.now() - began) / 1000).toFixed(1)} s: editor ${topology.main!.baseUrl}, proxy ${topology.proxy!.url}`,
		);
		return topology;
	} catch (error) {
		await stopQueueTopology(topology);
		throw error;
	}
}

/** Stops every process of the topology by pid: proxy, webhook processes, workers, main, Redis, Postgres. */
export async function stopQueueTopology(
	given: QueueTopology,
	{ keep = false } = {},
): Promise<void> {
	// The file has the newest pids: a test may have restarted a process since `given` was read.
	const file = topologyFile(given.runFolder);
	const topology = existsSync(file) ? readTopology(file) : given;
	if (topology.proxy) await stopPid(topology.proxy.pid);
	await Promise.all(
		[...topology.webhooks, ...topology.workers].filter(Boolean).map((p) => stopPid(p.pid)),
	);
	if (topology.main) await stopPid(topology.main.pid);
	if (topology.redis.pid) await stopPid(topology.redis.pid);
	if (topology.postgres.pid) await stopPostgres(topology.postgres.pid);
	if (keep) {
		writeFileSync(join(topology.runFolder, KEPT_MARKER), `kept at ${new Date().toISOString()}\n`);
		return;
	}
	rmSync(topology.runFolder, { recursive: true, force: true });
}

/** psql against the topology's database (counting executions without paging the API). */
export function queueSql(topology: QueueTopology, sql: string): string {
	return psql(topology.postgres.port, sql);
}

/** Makes getN8n() (the e2e client) talk to this topology's main process. */
export function useTopologyConnection(topology: QueueTopology): void {
	if (!topology.connectionFile) throw new Error('the topology has no owner connection yet');
	process.env[CONNECTION_ENV] = topology.connectionFile;
}
