import type { IDataObject } from 'n8n-workflow';

import { requirePhone } from '../../shared/phone';
import { parseNumber, toInteger, toText } from '../../shared/values';
import { regionCode, timeZoneId } from './pickers';

/** The calling phone reference every WhatsApp Calling request carries (docs/vendor-api.md §3). */
export function phoneRef(
	appKey: unknown,
	businessPhone: unknown,
): { appkey: string; business_phone: string } {
	const appkey = toText(appKey, 'App Key').trim();
	if (appkey === '')
		throw new Error('App Key is empty: give the NXCloud WhatsApp application key (e.g. pem28kje)');
	return { appkey, business_phone: requirePhone(businessPhone, 'Business Phone') };
}

export interface SipAddressInput {
	host?: unknown;
	port?: unknown;
	type?: unknown;
}

/** 1 inbound and outbound · 2 inbound only · 3 outbound only (docs/vendor-api.md §3.1). */
export const SIP_TYPES = [1, 2, 3] as const;
export const MAX_SIP_ADDRESSES = 5;

function isIPv4(host: string): boolean {
	const parts = host.split('.');
	return (
		parts.length === 4 && parts.every((part) => /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(part))
	);
}

function isIPv6(host: string): boolean {
	if (!/^[0-9a-fA-F:.]+$/.test(host) || !host.includes(':')) return false;
	const halves = host.split('::');
	if (halves.length > 2) return false;
	const groups = (text: string): string[] => (text === '' ? [] : text.split(':'));
	const all = [...groups(halves[0]), ...(halves.length === 2 ? groups(halves[1]) : [])];
	let slots = 0;
	for (let i = 0; i < all.length; i++) {
		const group = all[i];
		if (i === all.length - 1 && group.includes('.')) {
			if (!isIPv4(group)) return false;
			slots += 2;
		} else if (/^[0-9a-fA-F]{1,4}$/.test(group)) {
			slots += 1;
		} else {
			return false;
		}
	}
	return halves.length === 2 ? slots < 8 : slots === 8;
}

/** IPv4 or IPv6 literal: NXCloud takes IP addresses only for now (docs/vendor-api.md §3.1). */
export function isIpAddress(host: string): boolean {
	return isIPv4(host) || isIPv6(host);
}

/**
 * customer_sip_addr: 1 to 5 entries, each an IP host, a port 1–65535 and a type 1|2|3, host+port
 * unique (help.nxlink.ai). Errors name the entry by its position, counting from 1.
 */
export function sipAddresses(
	entries: SipAddressInput[],
): Array<{ host: string; port: number; type: number }> {
	if (entries.length === 0)
		throw new Error('SIP Addresses: add at least one SIP address (host, port and type)');
	if (entries.length > MAX_SIP_ADDRESSES) {
		throw new Error(
			`SIP Addresses: ${entries.length} given, NXCloud accepts at most ${MAX_SIP_ADDRESSES}`,
		);
	}
	const seen = new Map<string, number>();
	return entries.map((entry, i) => {
		const at = `SIP address ${i + 1}`;
		const host = toText(entry.host, `${at} host`).trim();
		if (host === '') throw new Error(`${at}: host is empty`);
		if (!isIpAddress(host))
			throw new Error(
				`${at}: host "${host}" is not an IP address (NXCloud takes IPs only, no domain names)`,
			);
		const port = toInteger(entry.port, `${at}: port`, { min: 1, max: 65535 });
		const type = parseNumber(entry.type);
		if (!SIP_TYPES.includes(type as 1 | 2 | 3)) {
			throw new Error(
				`${at}: type must be 1 (inbound and outbound), 2 (inbound only) or 3 (outbound only), got ${JSON.stringify(entry.type)}`,
			);
		}
		const key = `${host.toLowerCase()}|${port}`;
		const earlier = seen.get(key);
		if (earlier !== undefined)
			throw new Error(
				`${at}: ${host} port ${port} is already SIP address ${earlier}; host and port must be unique`,
			);
		seen.set(key, i + 1);
		return { host, port, type: type as number };
	});
}

export const DAYS_OF_WEEK = [
	'MONDAY',
	'TUESDAY',
	'WEDNESDAY',
	'THURSDAY',
	'FRIDAY',
	'SATURDAY',
	'SUNDAY',
] as const;

/** "0900", "09:00" or "9:00" → "0900" (Meta's call_hours HHMM); throws naming the field. */
export function hhmm(value: unknown, field: string): string {
	const text = toText(value, field).trim();
	const match = /^([01]?\d|2[0-3]):?([0-5]\d)$/.exec(text);
	if (!match)
		throw new Error(`${field} must be a time from 00:00 to 23:59 (HH:MM or HHMM), got "${text}"`);
	return `${match[1].padStart(2, '0')}${match[2]}`;
}

/** "2026-01-01" or an n8n date-time "2026-01-01T00:00:00…" → "2026-01-01". */
export function calendarDate(value: unknown, field: string): string {
	const text = toText(value, field).trim();
	const day = text.slice(0, 10);
	const valid =
		/^\d{4}-\d{2}-\d{2}$/.test(day) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
	if (!valid || (text.length > 10 && text[10] !== 'T' && text[10] !== ' ')) {
		throw new Error(`${field} must be a date (YYYY-MM-DD), got "${text}"`);
	}
	return day;
}

export interface BusinessHoursInput {
	timezoneId?: unknown;
	weekly?: Array<{ day?: unknown; openTime?: unknown; closeTime?: unknown }>;
	holidays?: Array<{ date?: unknown; startTime?: unknown; endTime?: unknown }>;
}

/**
 * hours_customize, in Meta's call_hours shape (docs/vendor-api.md §3.1 infers it: only status and timezone_id are
 * documented by NXCloud). Every span must end after it starts.
 */
export function businessHours(input: BusinessHoursInput): IDataObject {
	const timezone = timeZoneId(input.timezoneId);
	const weekly = (input.weekly ?? []).map((entry, i) => {
		const at = `Weekly hours ${i + 1}`;
		const day = toText(entry.day, `${at} day`).trim().toUpperCase();
		if (!(DAYS_OF_WEEK as readonly string[]).includes(day))
			throw new Error(`${at}: day must be MONDAY to SUNDAY, got "${day}"`);
		const open = hhmm(entry.openTime, `${at} open time`);
		const close = hhmm(entry.closeTime, `${at} close time`);
		if (close <= open) throw new Error(`${at}: close time ${close} is not after open time ${open}`);
		return { day_of_week: day, open_time: open, close_time: close };
	});
	if (weekly.length === 0)
		throw new Error('Custom business hours need at least one Weekly Hours entry');
	const holidays = (input.holidays ?? []).map((entry, i) => {
		const at = `Holiday ${i + 1}`;
		const date = calendarDate(entry.date, `${at} date`);
		const start = hhmm(entry.startTime, `${at} start time`);
		const end = hhmm(entry.endTime, `${at} end time`);
		if (end <= start) throw new Error(`${at}: end time ${end} is not after start time ${start}`);
		return { date, start_time: start, end_time: end };
	});
	const hours: IDataObject = {
		status: 'ENABLED',
		timezone_id: timezone,
		weekly_operating_hours: weekly,
	};
	if (holidays.length > 0) hours.holiday_schedule = holidays;
	return hours;
}

export interface EnableInput {
	appKey: unknown;
	businessPhone: unknown;
	region: unknown;
	/** The typed code when Region is "Other Region Code". */
	regionCode?: unknown;
	showCallIcon: boolean;
	callbackPermission: boolean;
	recording: boolean;
	sip: SipAddressInput[];
	/** Undefined: no custom hours (hours_status 0). */
	hours?: BusinessHoursInput;
}

/** The body of POST /api/wa/calling/enable, in the vendor's field order (docs/vendor-api.md §3.1). */
export function enableBody(input: EnableInput): IDataObject {
	const ref = phoneRef(input.appKey, input.businessPhone);
	const region = regionCode(input.region, input.regionCode);
	const body: IDataObject = {
		...ref,
		region,
		icon_status: input.showCallIcon ? 1 : 0,
		permission_status: input.callbackPermission ? 1 : 0,
		recording_status: input.recording ? 1 : 0,
		hours_status: input.hours ? 1 : 0,
	};
	if (input.hours) body.hours_customize = businessHours(input.hours);
	body.customer_sip_addr = sipAddresses(input.sip);
	return body;
}
