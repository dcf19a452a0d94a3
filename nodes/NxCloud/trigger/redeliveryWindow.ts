import type { IDataObject } from 'n8n-workflow';

/** Key of the redelivery window inside the node's workflow static data. */
const WINDOW_KEY = 'redeliveryWindow';

/**
 * At most one write of the window to the database per node and second. n8n rewrites the whole
 * static data on each save, and on SQLite every write waits for the one writer: with a write per
 * push, a burst of pushes doubled the writes and n8n started failing to store executions.
 */
export const PERSIST_INTERVAL_MS = 1000;

/** Bounds the memory used: one entry per active trigger node. */
const MAX_NODES = 500;

interface MemoryWindow {
	keys: string[];
	persistedAt: number;
}

/**
 * The window as this n8n process knows it, per trigger node. Checking and updating it happens in
 * one synchronous step, so two deliveries of one event that arrive together cannot both pass (the
 * database copy alone could not promise that: n8n reads it when a request starts and saves it
 * after).
 */
const memory = new Map<string, MemoryWindow>();

export function windowMemoryKey(workflowId: string | undefined, nodeId: string): string {
	return `${workflowId ?? ''}\u0000${nodeId}`;
}

/** The stored window (oldest first), ignoring anything that is not a list of strings. */
export function readStoredWindow(staticData: IDataObject): string[] {
	const stored = staticData[WINDOW_KEY];
	return Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string') : [];
}

/**
 * The window to check a push against: the database copy (which has what other processes, and
 * this one before a restart, stored) merged with this process's, oldest first.
 */
export function currentWindow(memoryKey: string, staticData: IDataObject): string[] {
	const stored = readStoredWindow(staticData);
	const known = memory.get(memoryKey)?.keys;
	if (!known || known.length === 0) return stored;
	const inMemory = new Set(known);
	return [...stored.filter((key) => !inMemory.has(key)), ...known];
}

/**
 * Records the new window in this process at once, and in the workflow's static data (which n8n
 * saves to its database right after webhook() returns) when it was last written more than
 * PERSIST_INTERVAL_MS ago or never. Assigning a new array, rather than pushing into the old one,
 * is what marks n8n's static data as changed. Returns whether it was written to static data.
 */
export function recordWindow(memoryKey: string, window: string[], staticData: IDataObject, nowMs: number): boolean {
	const previous = memory.get(memoryKey);
	const persist = previous === undefined || nowMs - previous.persistedAt >= PERSIST_INTERVAL_MS;
	memory.delete(memoryKey);
	if (memory.size >= MAX_NODES) {
		const oldest = memory.keys().next().value;
		if (oldest !== undefined) memory.delete(oldest);
	}
	memory.set(memoryKey, { keys: window, persistedAt: persist ? nowMs : (previous?.persistedAt ?? nowMs) });
	if (persist) staticData[WINDOW_KEY] = window;
	return persist;
}

/** Forgets a node's in-process window (on deactivation); the database copy stays. */
export function forgetWindow(memoryKey: string): void {
	memory.delete(memoryKey);
}
