import type { INodePropertyOptions } from 'n8n-workflow';

import { toText } from '../../shared/values';

/**
 * The calling Region and Time Zone pickers and what they send. Workflows saved while both were
 * free text keep working: any other text is still sent as typed (n8n passes a stored value that
 * is not among the options through unchanged; the editor only flags it).
 */

/** Region codes NXCloud documents (docs/vendor-api.md §3.1: `SG`; an older page said `SINGAPORE`). */
export const REGION_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Singapore (SG)', value: 'SG' },
	{
		name: 'Other Region Code',
		value: 'other',
		description: 'NXCloud documents only SG; type another code if NXCloud gave you one',
	},
];

/** Region to send: the picked code, the typed code for "Other", or an old free-text value as it is. */
export function regionCode(picked: unknown, typed: unknown): string {
	const value = toText(picked, 'Region').trim();
	const code = value === 'other' ? toText(typed, 'Region Code').trim() : value;
	if (code === '')
		throw new Error(
			value === 'other'
				? 'Region Code is empty: give the region code NXCloud gave you, or pick Singapore (SG)'
				: 'Region is empty: pick the SIP server region, e.g. Singapore (SG)',
		);
	return code;
}

/**
 * Meta's `timezone_id` is a tz database ID (NXCloud's example: `Etc/GMT-8`, which is UTC+8: the
 * Etc/GMT names have the sign inverted). The picker shows offsets the usual way round and sends
 * the Etc/GMT ID; typed "UTC+8", "GMT+08:00" or "+8" are converted the same way.
 */
function etcZone(hours: number): string {
	if (hours === 0) return 'Etc/GMT';
	return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

function offsetLabel(hours: number): string {
	const sign = hours < 0 ? '−' : '+';
	return `UTC${sign}${String(Math.abs(hours)).padStart(2, '0')}:00`;
}

/** Whole-hour offsets that have an Etc/GMT zone: UTC−12 to UTC+14. */
const OFFSETS = Array.from({ length: 27 }, (_, k) => k - 12);

function regionZones(): string[] {
	try {
		return Intl.supportedValuesOf('timeZone').filter((zone) => zone.includes('/'));
	} catch {
		return [];
	}
}

/** The Time Zone picker: fixed UTC offsets first, then the region zones (Asia/Singapore …). */
export function timeZoneOptions(): INodePropertyOptions[] {
	const offsets = OFFSETS.map((hours) => ({
		name: `${offsetLabel(hours)} (fixed offset, sent as ${etcZone(hours)})`,
		value: etcZone(hours),
	}));
	const zones = regionZones().map((zone) => ({ name: zone.replace(/_/g, ' '), value: zone }));
	return [...offsets, ...zones];
}

/** The `timezone_id` to send for a picked or typed time zone. */
export function timeZoneId(value: unknown, field = 'Time Zone'): string {
	const text = toText(value, field).trim();
	if (text === '')
		throw new Error(
			`${field} is empty: pick one, e.g. UTC+08:00 (sent as Etc/GMT-8) or Asia/Singapore`,
		);
	const offset = /^(?:UTC|GMT)?\s*([+\-−])\s*(\d{1,2})(?::?00)?$/i.exec(text);
	if (offset) {
		const hours = Number(offset[2]) * (offset[1] === '+' ? 1 : -1);
		if (hours < -12 || hours > 14)
			throw new Error(`${field} "${text}" is outside UTC−12 to UTC+14`);
		return etcZone(hours);
	}
	if (/^(?:UTC|GMT)$/i.test(text)) return 'Etc/GMT';
	return text;
}
