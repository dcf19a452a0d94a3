// Peak resident memory of n8n while something runs: its main process (exact peak: the kernel's
// VmHWM, reset before the run through /proc/<pid>/clear_refs) and its task runner children, where
// Code nodes run (sampled, as is the sum of both, every 10 ms).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	try {
		const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
			readFileSync(`/proc/${pid}/status`, 'utf8'),
		);
		return match ? Number(match[1]) * 1024 : 0;
	} catch {
		return 0; // the process is gone
	}
}

/** Every process whose parent chain leads to `pid` (n8n starts its JS task runner as a child). */
export function descendants(pid: number): number[] {
	const parents = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		} catch {
			// exited meanwhile
		}
	}
	const found: number[] = [];
	const walk = (parent: number) => {
		for (const [child, ppid] of parents) {
			if (ppid !== parent) continue;
			found.push(child);
			walk(child);
		}
	};
	walk(pid);
	return found;
}

export interface MemoryPeaks {
	/** n8n's main process: exact peak (VmHWM) when the reset worked, else sampled. */
	mainPeak: number;
	mainBefore: number;
	/** Task runner process(es), sampled. */
	runnerPeak: number;
	/** Main + runners at the same sample. */
	totalPeak: number;
	exactMainPeak: boolean;
}

export class PeakMemory {
	private timer?: NodeJS.Timeout;
	private mainPeak = 0;
	private runnerPeak = 0;
	private totalPeak = 0;
	private readonly mainBefore: number;
	private readonly exact: boolean;
	private runners: number[];
	private ticks = 0;

	constructor(private readonly pid: number) {
		let exact = true;
		try {
			writeFileSync(`/proc/${pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
		} catch {
			exact = false;
		}
		this.exact = exact;
		this.runners = descendants(pid);
		this.mainBefore = statusField(pid, 'VmRSS');
		this.sample();
		this.timer = setInterval(() => this.sample(), 10);
	}

	private sample(): void {
		// The runner may be restarted: look for children again now and then.
		if (++this.ticks % 100 === 0) this.runners = descendants(this.pid);
		const main = statusField(this.pid, 'VmRSS');
		const runner = this.runners.reduce((sum, child) => sum + statusField(child, 'VmRSS'), 0);
		this.mainPeak = Math.max(this.mainPeak, main);
		this.runnerPeak = Math.max(this.runnerPeak, runner);
		this.totalPeak = Math.max(this.totalPeak, main + runner);
	}

	stop(): MemoryPeaks {
		this.sample();
		clearInterval(this.timer);
		const hwm = this.exact ? statusField(this.pid, 'VmHWM') : 0;
		return {
			mainPeak: Math.max(this.mainPeak, hwm),
			mainBefore: this.mainBefore,
			runnerPeak: this.runnerPeak,
			totalPeak: this.totalPeak,
			exactMainPeak: this.exact,
		};
	}
}
