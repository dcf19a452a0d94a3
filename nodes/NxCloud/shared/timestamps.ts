import type { IDataObject } from 'n8n-workflow';

/**
 * Whether a key holds an epoch time, in NXCloud pushes and answers alike: WhatsApp `timestamp`,
 * `expiration_timestamp`, `time`, `expiration`; WhatsApp Calling `start_time`/`end_time`; Callbot
 * `createTs`, `callStartTs`, `callAnswerTs`, `callEndTs`, `smsSendTs`, the agent's
 * `manualCallStart/Answer/End` and ping's `timestamp`. Durations (`call_duration`,
 * `callDuration`, `agentCallElapsed`) do not match. One rule for the trigger and the actions.
 * Plain string tests, not a regular expression: this runs for every key of every event.
 */
export function isTimestampKey(key: string): boolean {
	return (
		key.endsWith('timestamp') ||
		(key.endsWith('Ts') && key.length > 2) ||
		key === 'time' ||
		key === 'start_time' ||
		key === 'end_time' ||
		key === 'expiration' ||
		(key.startsWith('manualCall') &&
			(key === 'manualCallStart' || key === 'manualCallAnswer' || key === 'manualCallEnd'))
	);
}

/** Below this many seconds (1973) a number is a placeholder such as 0, not a time. */
const MIN_SECONDS = 1e8;
/** At or above this a value is in milliseconds (13 digits); below it, seconds. */
const MILLISECONDS_FROM = 1e12;

/**
 * ISO-8601 (UTC) form of an epoch time given as a number or a digit string, or undefined when the
 * value is not a plausible time. Seconds and milliseconds are told apart by magnitude, because
 * NXCloud mixes them (`ts` header in ms, `timestamp` fields and Callbot `createTs` in seconds).
 */
export function epochToIso(value: unknown): string | undefined {
	let n: number;
	if (typeof value === 'number') n = value;
	else if (typeof value === 'string' && /^\d{9,13}$/.test(value.trim())) n = Number(value.trim());
	else return undefined;
	if (!Number.isFinite(n) || n < MIN_SECONDS) return undefined;
	const ms = n >= MILLISECONDS_FROM ? n : n * 1000;
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** How deep isoTimestamps looks for timestamps. */
export const MAX_TIMESTAMP_DEPTH = 64;

/**
 * A sparse copy of `value` holding an ISO-8601 string for every epoch timestamp in it, at the same
 * path: `{ timestamp: '2022-08-09T04:39:46.000Z', conversation: { expiration_timestamp: ... } }`.
 * Array positions are kept (null where an element has no timestamp). Undefined when there is none.
 * Allocates nothing for the (many) parts of a push that hold no timestamp.
 */
export function isoTimestamps(value: unknown, depth = 0): IDataObject | IDataObject[] | undefined {
	// NXCloud puts timestamps a few levels deep at most; stopping at 64 keeps a hostile push
	// nested 10,000 levels from overflowing the call stack.
	if (typeof value !== 'object' || value === null || depth > MAX_TIMESTAMP_DEPTH) return undefined;
	if (Array.isArray(value)) {
		let mirrored: Array<IDataObject | null> | undefined;
		for (let i = 0; i < value.length; i++) {
			const nested = isoTimestamps(value[i], depth + 1);
			if (nested === undefined) continue;
			mirrored ??= new Array<IDataObject | null>(value.length).fill(null);
			mirrored[i] = nested as IDataObject;
		}
		return mirrored as IDataObject[] | undefined;
	}
	let result: IDataObject | undefined;
	for (const key in value) {
		const child = (value as IDataObject)[key];
		let converted: IDataObject[keyof IDataObject] | undefined;
		if (isTimestampKey(key)) converted = epochToIso(child);
		else if (typeof child === 'object' && child !== null)
			converted = isoTimestamps(child, depth + 1);
		if (converted === undefined) continue;
		result ??= {};
		result[key] = converted;
	}
	return result;
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
