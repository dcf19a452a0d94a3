/**
 * The redelivery window of each active trigger, held in this n8n process's memory.
 *
 * Why not only workflow static data: n8n loads a workflow's static data when a webhook request
 * starts and writes the whole of it back when the request ends, so concurrent requests overwrite
 * each other's additions, and the trigger answers 200 before n8n saves. Checking and adding keys
 * here, in one synchronous step, makes "each event once" hold for concurrent and back-to-back
 * deliveries within one process. Static data still gets a copy after every change, so the window
 * survives a restart (the last copy written wins; see docs/guarantees.md for where it ends).
 */
const windows = new Map<string, readonly string[]>();

/** The live window of a trigger, seeded from what static data stored when this process first sees it. */
export function liveWindow(triggerKey: string, stored: () => string[]): readonly string[] {
	let window = windows.get(triggerKey);
	if (window === undefined) {
		window = stored();
		windows.set(triggerKey, window);
	}
	return window;
}

export function replaceLiveWindow(triggerKey: string, window: readonly string[]): void {
	windows.set(triggerKey, window);
}

/** Forgets a trigger's live window (the workflow was deactivated); static data keeps its copy. */
export function forgetLiveWindow(triggerKey: string): void {
	windows.delete(triggerKey);
}
