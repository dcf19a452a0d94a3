/** Why a signed request's timestamp was refused; maps to a 401 with reason `stale_timestamp`. */
export interface StaleTimestamp {
	reason: 'stale_timestamp';
	header: string;
	/** How far the timestamp is from now, in whole seconds (either direction); null if unreadable. */
	ageSeconds: number | null;
	maxAgeSeconds: number;
}

/**
 * Checks a signed request's timestamp header against a maximum age. The two products use
 * different units: a WhatsApp push's `ts` is in milliseconds, a Callbot callback's `createTs` in
 * seconds. A timestamp in the future by more than the limit is refused too (a skewed or forged
 * clock is as suspicious as an old one). `maxAgeSeconds` of 0 or less turns the check off.
 */
export function checkTimestampAge(
	header: string,
	value: string | undefined,
	unit: 'ms' | 's',
	maxAgeSeconds: number,
	nowMs: number,
): StaleTimestamp | null {
	if (!(maxAgeSeconds > 0) || value === undefined) return null;
	const trimmed = value.trim();
	if (!/^\d{1,16}$/.test(trimmed)) {
		return { reason: 'stale_timestamp', header, ageSeconds: null, maxAgeSeconds };
	}
	const ms = unit === 'ms' ? Number(trimmed) : Number(trimmed) * 1000;
	const ageSeconds = Math.floor(Math.abs(nowMs - ms) / 1000);
	return ageSeconds > maxAgeSeconds
		? { reason: 'stale_timestamp', header, ageSeconds, maxAgeSeconds }
		: null;
}
