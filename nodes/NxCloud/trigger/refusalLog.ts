/** At most one log line per reason per node in this window; the rest are counted. */
export const REFUSAL_LOG_INTERVAL_MS = 60_000;

interface Window {
	startedAt: number;
	suppressed: number;
}

/**
 * Per node and reason, when the last refusal line was written and how many refusals were not
 * written since. Bounded by the number of active trigger nodes times the fixed set of reasons.
 */
const windows = new Map<string, Window>();

/**
 * Whether to log a refusal now, and how many like it went unlogged since the last line. A flood of
 * forged pushes writes one line per reason per minute instead of one per push.
 */
export function noteRefusal(
	nodeKey: string,
	reason: string,
	nowMs: number,
): { log: boolean; suppressed: number } {
	const key = `${nodeKey}\u0000${reason}`;
	const window = windows.get(key);
	if (window === undefined || nowMs - window.startedAt >= REFUSAL_LOG_INTERVAL_MS) {
		windows.set(key, { startedAt: nowMs, suppressed: 0 });
		return { log: true, suppressed: window?.suppressed ?? 0 };
	}
	window.suppressed += 1;
	return { log: false, suppressed: window.suppressed };
}

/** Drops the windows of one node (on deactivation). */
export function forgetRefusals(nodeKey: string): void {
	const prefix = `${nodeKey}\u0000`;
	for (const key of [...windows.keys()]) {
		if (key.startsWith(prefix)) windows.delete(key);
	}
}
