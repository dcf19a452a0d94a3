import type { IDataObject } from 'n8n-workflow';

import { isObject } from './objects';

/**
 * Keys that hold epoch times in NXCloud payloads: WhatsApp `timestamp`,
 * `expiration_timestamp`, `time`, `start_time`, `end_time`, `expiration`; Callbot `createTs`,
 * `callStartTs`, `smsSendTs`, ... and the agent's `manualCallStart/Answer/End`.
 * Durations (`call_duration`, `callDuration`, `agentCallElapsed`) do not match.
 */
const TIMESTAMP_KEY = /(timestamp|Ts)$|^(time|start_time|end_time|expiration)$|^manualCall(Start|Answer|End)$/;

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

/**
 * A sparse copy of `value` holding an ISO-8601 string for every epoch timestamp in it, at the same
 * path: `{ timestamp: '2022-08-09T04:39:46.000Z', conversation: { expiration_timestamp: ... } }`.
 * Array positions are kept (null where an element has no timestamp). Undefined when there is none.
 */
export function isoTimestamps(value: unknown): IDataObject | IDataObject[] | undefined {
	if (Array.isArray(value)) {
		const mirrored = value.map((element) => isoTimestamps(element) ?? null);
		return mirrored.some((element) => element !== null) ? (mirrored as IDataObject[]) : undefined;
	}
	if (!isObject(value)) return undefined;
	const result: IDataObject = {};
	for (const [key, child] of Object.entries(value)) {
		if (TIMESTAMP_KEY.test(key)) {
			const iso = epochToIso(child);
			if (iso !== undefined) result[key] = iso;
			continue;
		}
		const nested = isoTimestamps(child);
		if (nested !== undefined) result[key] = nested;
	}
	return Object.keys(result).length > 0 ? result : undefined;
}
