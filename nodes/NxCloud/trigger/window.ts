import type { IDataObject } from 'n8n-workflow';

/** Key of the redelivery window inside the node's workflow static data. */
const WINDOW_KEY = 'redeliveryWindow';

/** The stored window (oldest first), ignoring anything that is not a list of strings. */
export function readWindow(staticData: IDataObject): string[] {
	const stored = staticData[WINDOW_KEY];
	return Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string') : [];
}

/**
 * Replaces the window. Assigning (rather than pushing into the old array) is what marks n8n's
 * static data as changed, so n8n writes it to the database.
 */
export function storeWindow(staticData: IDataObject, window: string[]): void {
	staticData[WINDOW_KEY] = window;
}
