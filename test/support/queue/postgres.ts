import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { acceptsConnections, startLogged, stopPid, waitUntil, type Started } from './processes';

/** Database and role of every throwaway instance (trust auth on 127.0.0.1, nothing else listens). */
export const PG_DATABASE = 'n8n';
export const PG_USER = 'n8n';

/** Debian's PostgreSQL server binaries (/usr/lib/postgresql/<major>/bin), newest major first. */
export function postgresBinDir(): string {
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root)
		? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
		: [];
	majors.sort((a, b) => Number(b) - Number(a));
	if (majors.length === 0)
		throw new Error('PostgreSQL is not installed: run bash scripts/install-queue-services.sh');
	return join(root, majors[0], 'bin');
}

/**
 * Postgres refuses to run as root. As root we run it as `nobody`, which owns the data folder;
 * as anyone else, as ourselves.
 */
function serverUser(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
	return { uid, gid };
}

/** Runs psql against the instance on `port`; returns its unaligned, tuples-only output. */
export function psql(port: number, sql: string, database = PG_DATABASE): string {
	return execFileSync(
		join(postgresBinDir(), 'psql'),
		[
			'-h',
			'127.0.0.1',
			'-p',
			String(port),
			'-U',
			PG_USER,
			'-d',
			database,
			'-X',
			'-q',
			'-A',
			'-t',
			'-v',
			'ON_ERROR_STOP=1',
			'-c',
			sql,
		],
		{
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
			timeout: 120_000,
			maxBuffer: 256 * 1024 * 1024,
		},
	).trim();
}

/** A new, empty cluster in `dataDir` with the n8n role and database (about 2–5 s). */
export async function initCluster(dataDir: string, port: number, logFile: string): Promise<void> {
	mkdirSync(dataDir, { recursive: true, mode: 0o700 });
	const user = serverUser();
	if (user) chownSync(dataDir, user.uid, user.gid);
	execFileSync(
		join(postgresBinDir(), 'initdb'),
		['-D', dataDir, '-U', PG_USER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
		{
			stdio: ['ignore', 'ignore', 'pipe'],
			uid: user?.uid,
			gid: user?.gid,
			cwd: dataDir,
			timeout: 120_000,
		},
	);
	const server = await startPostgres(dataDir, port, logFile);
	try {
		psql(port, `CREATE DATABASE ${PG_DATABASE}`, 'postgres');
	} finally {
		await stopPostgres(server.pid);
	}
}

/**
 * Starts `postgres` on 127.0.0.1:`port` only (no Unix socket), tuned for a throwaway instance:
 * no fsync (an n8n crash is what the tests provoke, never a machine crash).
 */
export async function startPostgres(
	dataDir: string,
	port: number,
	logFile: string,
): Promise<Started> {
	const user = serverUser();
	const started = startLogged(
		join(postgresBinDir(), 'postgres'),
		[
			'-D',
			dataDir,
			'-p',
			String(port),
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'unix_socket_directories=',
			'-c',
			'max_connections=200',
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'shared_buffers=128MB',
		],
		logFile,
		{ uid: user?.uid, gid: user?.gid, cwd: dataDir },
	);
	await waitUntil(
		'postgres',
		async () => (await acceptsConnections(port)) && tryQuery(port),
		started,
		logFile,
		60_000,
	);
	return started;
}

function tryQuery(port: number): boolean {
	try {
		psql(port, 'SELECT 1', 'postgres');
		return true;
	} catch {
		return false;
	}
}

/** SIGINT = Postgres's "fast" shutdown: ends sessions, checkpoints, removes postmaster.pid. */
export async function stopPostgres(pid: number): Promise<string> {
	return await stopPid(pid, 'SIGINT', 30_000);
}
