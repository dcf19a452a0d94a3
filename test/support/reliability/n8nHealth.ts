import { readFileSync, readdirSync } from 'node:fs';

import { http } from '../e2e/http';
import type { N8nClient } from '../e2e/n8nClient';
import { isAlive } from '../e2e/n8nProcess';

export interface Health {
	/** The n8n process the harness started is still running. */
	alive: boolean;
	/** HTTP status of /healthz/readiness (200 = database up, ready). */
	readiness: number;
}

export async function n8nHealth(n8n: N8nClient): Promise<Health> {
	const alive = isAlive(n8n.connection.pid);
	let readiness = 0;
	try {
		readiness = (await http(`${n8n.baseUrl}/healthz/readiness`, { timeoutMs: 10_000 })).status;
	} catch {
		readiness = 0;
	}
	return { alive, readiness };
}

function rssKiB(pid: number): number {
	try {
		const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : 0;
	} catch {
		return 0;
	}
}

function childrenOf(pid: number): number[] {
	const children: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// Field 4 (ppid) comes after the command name in parentheses, which may hold spaces.
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (ppid === pid) children.push(Number(entry));
		} catch {
			// gone meanwhile
		}
	}
	return children;
}

export interface RssSample {
	/** RSS of the n8n main process, MiB. */
	mainMiB: number;
	/** RSS of n8n and its children (task runners), MiB. */
	treeMiB: number;
	processes: number;
}

/** Resident memory of the n8n the harness started, from /proc (Linux). */
export function n8nRss(n8n: N8nClient): RssSample {
	const root = n8n.connection.pid;
	const pids = [root];
	for (let i = 0; i < pids.length; i++) pids.push(...childrenOf(pids[i]));
	const mib = (kib: number) => Math.round((kib / 1024) * 10) / 10;
	return {
		mainMiB: mib(rssKiB(root)),
		treeMiB: mib(pids.reduce((sum, pid) => sum + rssKiB(pid), 0)),
		processes: pids.length,
	};
}
