import type { IDataObject } from 'n8n-workflow';

import { epochToIso } from '../shared/timestamps';

/**
 * Whether a key holds an epoch time in NXCloud answers: Callbot `createTs`, `callStartTs`,
 * `callAnswerTs`, `callEndTs`, `smsSendTs`, the agent's `manualCallStart/Answer/End`, ping's
 * `timestamp`; WhatsApp Calling `start_time`/`end_time`. Durations (`callDuration`) do not match.
 */
export function isTimestampKey(key: string): boolean {
	return (
		(key.endsWith('Ts') && key.length > 2) ||
		key === 'timestamp' ||
		key === 'start_time' ||
		key === 'end_time' ||
		key === 'manualCallStart' ||
		key === 'manualCallAnswer' ||
		key === 'manualCallEnd'
	);
}

/** `callStartTs` → `callStartTsIso`, `start_time` → `start_time_iso` (the key's own style). */
export function isoKeyFor(key: string): string {
	return key.includes('_') ? `${key}_iso` : `${key}Iso`;
}

/**
 * Adds, next to every epoch timestamp in an answer, its ISO-8601 (UTC) copy, keeping the value
 * as sent. Seconds and milliseconds are told apart by size. A placeholder such as 0 gets a null
 * copy, so every row of a list has the same columns (for "Convert to File"). Works in place on
 * the parsed answer (ours to change) and returns it.
 */
export function addIsoCopies<T>(value: T): T {
	if (typeof value !== 'object' || value === null) return value;
	if (Array.isArray(value)) {
		for (const entry of value) addIsoCopies(entry);
		return value;
	}
	const obj = value as IDataObject;
	for (const key of Object.keys(obj)) {
		const child = obj[key];
		if (isTimestampKey(key) && (typeof child === 'number' || typeof child === 'string')) {
			const isoKey = isoKeyFor(key);
			if (!(isoKey in obj)) obj[isoKey] = epochToIso(child) ?? null;
		} else if (typeof child === 'object' && child !== null) {
			addIsoCopies(child);
		}
	}
	return value;
}
