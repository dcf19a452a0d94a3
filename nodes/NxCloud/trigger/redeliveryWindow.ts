import type { IDataObject } from 'n8n-workflow';

/** Key of the redelivery window inside the node's workflow static data. */
const WINDOW_KEY = 'redeliveryWindow';

/** The key under which this process keeps a trigger node's state (see takenKeys.ts). */
export function windowMemoryKey(workflowId: string | undefined, nodeId: string): string {
	return `${workflowId ?? ''}\u0000${nodeId}`;
}

/** The stored window (oldest first), ignoring anything that is not a list of strings. */
export function readStoredWindow(staticData: IDataObject): string[] {
	const stored = staticData[WINDOW_KEY];
	return Array.isArray(stored)
		? stored.filter((key): key is string => typeof key === 'string')
		: [];
}

/**
 * Puts the window into the node's static data, which n8n saves to its database before it answers
 * (see answerOnceStored.ts). Assigning a new array, rather than pushing into the old one, is what
 * marks n8n's static data as changed.
 */
export function writeStoredWindow(staticData: IDataObject, window: string[]): void {
	staticData[WINDOW_KEY] = window;
}
