import { execFileSync, spawn } from 'node:child_process';
import {
	closeSync,
	cpSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	readdirSync,
	readlinkSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { readConnection } from './connection';
import { delay, http } from './http';
import { e2eDir, n8nPackageDir, runN8nScript } from './paths';

const KEPT_MARKER = 'KEPT';
const KEPT_FOR_MS = 24 * 3600_000;

/** A port the OS just handed out on loopback; other engineers' runs get different ones. */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port')),
			);
		});
	});
}

export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** run-n8n.sh starts n8n inside its user folder, so the cwd proves a pid is still that n8n. */
function isN8nOf(pid: number, userFolder: string): boolean {
	try {
		return readlinkSync(`/proc/${pid}/cwd`) === userFolder;
	} catch {
		return false;
	}
}

/**
 * Removes run folders of e2e runs whose jest process is gone (and stops their n8n if a crash left
 * it running). Folders of live runs, and folders kept with KEEP_N8N=1 in the last 24 h, stay.
 */
export function removeStaleRunFolders(): void {
	if (!existsSync(e2eDir)) return;
	for (const name of readdirSync(e2eDir)) {
		const match = /^run-(\d+)-\d+$/.exec(name);
		if (!match || isAlive(Number(match[1]))) continue;
		const folder = join(e2eDir, name);
		const kept = join(folder, KEPT_MARKER);
		if (existsSync(kept) && Date.now() - statSync(kept).mtimeMs < KEPT_FOR_MS) continue;
		const connectionFile = join(folder, 'connection.json');
		if (existsSync(connectionFile)) {
			const { pid, userFolder } = readConnection(connectionFile);
			if (isAlive(pid) && isN8nOf(pid, userFolder)) process.kill(pid, 'SIGKILL');
		}
		rmSync(folder, { recursive: true, force: true });
	}
}

export function markKept(runFolder: string): void {
	writeFileSync(
		join(runFolder, KEPT_MARKER),
		`kept by KEEP_N8N=1 at ${new Date().toISOString()}\n`,
	);
}

/**
 * A freshly migrated, ownerless n8n user folder, made once per n8n version. Copying it saves the
 * ~7 s of database migrations every fresh folder would otherwise spend at boot.
 */
function migratedTemplate(env: NodeJS.ProcessEnv): string {
	const version = (
		JSON.parse(readFileSync(join(n8nPackageDir, 'package.json'), 'utf8')) as { version: string }
	).version;
	const template = join(e2eDir, `template-${version}`);
	if (existsSync(join(template, 'READY'))) return template;
	const building = `${template}.building-${process.pid}`;
	rmSync(building, { recursive: true, force: true });
	mkdirSync(building, { recursive: true });
	// Any DB-backed n8n command runs the migrations and exits; the ports are never opened.
	execFileSync('bash', [runN8nScript, 'list:workflow'], {
		env: { ...env, N8N_USER_FOLDER: building, N8N_PORT: '1', N8N_RUNNERS_BROKER_PORT: '2' },
		stdio: ['ignore', 'ignore', 'pipe'],
		timeout: 180_000,
	});
	rmSync(join(building, '.n8n', 'nodes'), { recursive: true, force: true });
	writeFileSync(join(building, 'READY'), '');
	try {
		renameSync(building, template);
	} catch {
		// Another run finished its template first; theirs is as good as ours.
		rmSync(building, { recursive: true, force: true });
	}
	return template;
}

/** A new user folder for one run, copied from the migrated template. */
export function prepareUserFolder(userFolder: string, env: NodeJS.ProcessEnv): void {
	const template = migratedTemplate(env);
	cpSync(join(template, '.n8n'), join(userFolder, '.n8n'), { recursive: true });
}

export interface StartedN8n {
	pid: number;
	/** Resolves with the exit code (or signal) once n8n has exited. */
	exited: Promise<string>;
	hasExited: () => boolean;
}

/** Starts `scripts/run-n8n.sh` with stdout and stderr appended to `logFile`. */
export function startN8n(env: NodeJS.ProcessEnv, logFile: string): StartedN8n {
	const fd = openSync(logFile, 'a');
	const child = spawn('bash', [runN8nScript], { env, stdio: ['ignore', fd, fd] });
	closeSync(fd);
	let done = false;
	const exited = new Promise<string>((resolve) => {
		child.on('exit', (code, signal) => {
			done = true;
			resolve(signal ?? `code ${code}`);
		});
	});
	// Jest's own process must not wait for n8n; globalTeardown stops it by pid.
	child.unref();
	if (child.pid === undefined) throw new Error('Could not start n8n (no pid)');
	return { pid: child.pid, exited, hasExited: () => done };
}

export function logTail(logFile: string, lines = 40): string {
	try {
		return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

/**
 * Waits for `/healthz/readiness` (DB up, migrations done) and for the REST API (`/rest/settings`):
 * n8n 1.x reports ready before it has mounted its REST routes. Fails fast if n8n exits first.
 */
export async function waitForReadiness(
	baseUrl: string,
	n8n: StartedN8n,
	logFile: string,
	timeoutMs = 120_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (n8n.hasExited()) {
			throw new Error(
				`n8n exited (${await n8n.exited}) before it was ready. Log tail:\n${logTail(logFile)}`,
			);
		}
		try {
			if (
				(await http(`${baseUrl}/healthz/readiness`, { timeoutMs: 2_000 })).status === 200 &&
				(await http(`${baseUrl}/rest/settings`, { timeoutMs: 2_000 })).status === 200
			) {
				return;
			}
		} catch {
			// not listening yet
		}
		await delay(200);
	}
	throw new Error(`n8n was not ready after ${timeoutMs} ms. Log tail:\n${logTail(logFile)}`);
}

/** SIGTERM (n8n shuts down gracefully), then SIGKILL if it is still there after `graceMs`. */
export async function stopN8n(
	pid: number,
	graceMs = 15_000,
): Promise<'stopped' | 'killed' | 'gone'> {
	if (!isAlive(pid)) return 'gone';
	process.kill(pid, 'SIGTERM');
	const deadline = Date.now() + graceMs;
	while (Date.now() < deadline) {
		if (!isAlive(pid)) return 'stopped';
		await delay(100);
	}
	process.kill(pid, 'SIGKILL');
	return 'killed';
}
