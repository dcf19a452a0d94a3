import { spawn, type SpawnOptions } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';

import { delay } from '../e2e/http';
import { isAlive, type StartedN8n } from '../e2e/n8nProcess';

/** A child process we started, with its output appended to a log file. */
export type Started = StartedN8n;

/**
 * Starts `command` detached from jest's event loop, stdout and stderr appended to `logFile`.
 * `uid`/`gid` run it as another user (Postgres refuses to run as root).
 */
export function startLogged(
	command: string,
	args: string[],
	logFile: string,
	options: Pick<SpawnOptions, 'env' | 'cwd' | 'uid' | 'gid'> = {},
): Started {
	const fd = openSync(logFile, 'a');
	const child = spawn(command, args, { ...options, stdio: ['ignore', fd, fd] });
	closeSync(fd);
	let done = false;
	const exited = new Promise<string>((resolve) => {
		child.on('exit', (code, signal) => {
			done = true;
			resolve(signal ?? `code ${code}`);
		});
		child.on('error', (error) => {
			done = true;
			resolve(`spawn error: ${error.message}`);
		});
	});
	child.unref();
	if (child.pid === undefined) throw new Error(`Could not start ${command} (no pid)`);
	return { pid: child.pid, exited, hasExited: () => done };
}

/** Sends `signal`, then SIGKILL if the process is still there after `graceMs`. */
export async function stopPid(
	pid: number,
	signal: NodeJS.Signals = 'SIGTERM',
	graceMs = 15_000,
): Promise<'stopped' | 'killed' | 'gone'> {
	if (!isAlive(pid)) return 'gone';
	process.kill(pid, signal);
	const deadline = Date.now() + graceMs;
	while (Date.now() < deadline) {
		if (!isAlive(pid)) return 'stopped';
		await delay(50);
	}
	if (isAlive(pid)) process.kill(pid, 'SIGKILL');
	return 'killed';
}

/** Waits until `pid` has exited (it may be someone else's child, so no exit event to wait for). */
export async function waitForExit(pid: number, timeoutMs = 15_000): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (!isAlive(pid)) return true;
		await delay(20);
	}
	return false;
}

/** The command line of a live process, to check a recorded pid is still what we started. */
export function commandLine(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
	} catch {
		return '';
	}
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export async function acceptsConnections(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = connect({ host: '127.0.0.1', port });
		socket.setTimeout(1000);
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
		socket.once('error', () => resolve(false));
	});
}

/** Polls `probe` until true; fails with the log tail when the process exits or time runs out. */
export async function waitUntil(
	what: string,
	probe: () => Promise<boolean>,
	started: Started,
	logFile: string,
	timeoutMs = 120_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (started.hasExited()) {
			throw new Error(
				`${what} exited (${await started.exited}) before it was ready. Log tail:\n${tail(logFile)}`,
			);
		}
		if (await probe().catch(() => false)) return;
		await delay(150);
	}
	throw new Error(`${what} was not ready after ${timeoutMs} ms. Log tail:\n${tail(logFile)}`);
}

export function tail(logFile: string, lines = 30): string {
	try {
		return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}
