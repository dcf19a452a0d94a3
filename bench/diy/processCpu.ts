// CPU time n8n spends (its main process and its task runner children, where Code nodes run),
// read from /proc: a figure of the work done per push that, unlike wall time, other processes on
// the machine do not inflate much, so the time of a run on a quiet machine can be estimated.
import { readFileSync } from 'node:fs';

import { descendants } from './processMemory';

/** Linux reports utime/stime in clock ticks; 100 per second on every common kernel config. */
const TICKS_PER_SECOND = 100;

function ticks(pid: number): number {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// Fields 14 and 15 of stat (utime, stime); the slice starts at field 3.
		return Number(fields[11]) + Number(fields[12]);
	} catch {
		return 0; // the process is gone
	}
}

/** CPU seconds used so far by n8n (`pid`) and its live children. */
export function n8nCpuSeconds(pid: number): number {
	return [pid, ...descendants(pid)].reduce((sum, p) => sum + ticks(p), 0) / TICKS_PER_SECOND;
}
