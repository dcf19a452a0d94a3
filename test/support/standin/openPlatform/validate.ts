// Body validation for the WhatsApp Calling endpoints (docs/vendor-api.md §3). Codes follow the vendor's calling
// error table (https://github.com/nxtele/http-api-document/wiki/wa-calling-disable): 9000 for a missing parameter, 9002 for a malformed
// phone number, 10015 "{0} not in (0, 1)" for the 0/1 switches, 10016 "{0} has error" for any
// other invalid value. The first problem found, in the documented field order, is reported.
import { isIP } from 'node:net';

import { isPlainObject } from '../http';
import type { Refusal } from './auth';
import type { CallingConfig, HoursCustomize, SipAddr } from './state';

type Body = Record<string, unknown>;

class Invalid extends Error {
	constructor(readonly refusal: Refusal) {
		super(refusal.message);
	}
}

const missing = (field: string): Invalid =>
	new Invalid({
		code: 9000,
		message: `Request parameter error: ${field} is required`,
		reason: `${field} is missing`,
	});
const hasError = (field: string, why: string): Invalid =>
	new Invalid({ code: 10016, message: `${field} has error`, reason: `${field}: ${why}` });

function isAbsent(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

function requireString(body: Body, key: string, path = key): string {
	const value = body[key];
	if (isAbsent(value)) throw missing(path);
	if (typeof value !== 'string') throw hasError(path, `must be a string, got ${typeof value}`);
	return value;
}

function requireFlag(body: Body, key: string): number {
	const value = body[key];
	if (isAbsent(value)) throw missing(key);
	// Strings "0"/"1" are refused too: the vendor types these fields as int.
	if (value !== 0 && value !== 1) {
		throw new Invalid({
			code: 10015,
			message: `${key} not in (0, 1)`,
			reason: `${key} is ${JSON.stringify(value)}`,
		});
	}
	return value;
}

function requireBusinessPhone(body: Body): string {
	const phone = requireString(body, 'business_phone');
	// Country code + number, digits only (docs/vendor-api.md §3): "86158xxxx1795" style.
	if (!/^\d{6,20}$/.test(phone)) {
		const reason = `business_phone "${phone}" is not 6–20 digits`;
		throw new Invalid({ code: 9002, message: 'Phone number error', reason });
	}
	return phone;
}

const HHMM = /^([01]\d|2[0-3])[0-5]\d$/;
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

function requireHhmm(entry: Body, key: string, path: string): string {
	const value = requireString(entry, key, `${path}.${key}`);
	if (!HHMM.test(value)) throw hasError(`${path}.${key}`, `"${value}" is not HHMM (0000–2359)`);
	return value;
}

function requireSpan(entry: Body, from: string, to: string, path: string): [string, string] {
	const start = requireHhmm(entry, from, path);
	const end = requireHhmm(entry, to, path);
	if (start >= end) throw hasError(`${path}.${to}`, `${to} ${end} is not after ${from} ${start}`);
	return [start, end];
}

function isCalendarDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function requireObjectArray(value: unknown, path: string): Body[] {
	if (!Array.isArray(value)) throw hasError(path, 'must be an array');
	value.forEach((entry, i) => {
		if (!isPlainObject(entry)) throw hasError(`${path}[${i}]`, 'must be an object');
	});
	return value as Body[];
}

/** Meta's call_hours shape (docs/vendor-api.md §3.1, inferred beyond status/timezone_id). */
function validateHours(value: unknown): HoursCustomize {
	if (!isPlainObject(value)) throw hasError('hours_customize', 'must be an object');
	const status = requireString(value, 'status', 'hours_customize.status');
	if (status !== 'ENABLED' && status !== 'DISABLED') {
		throw hasError('hours_customize.status', `"${status}" is not ENABLED or DISABLED`);
	}
	const timezone_id = requireString(value, 'timezone_id', 'hours_customize.timezone_id');
	const hours: HoursCustomize = { status, timezone_id };

	const weekly = value.weekly_operating_hours;
	if (status === 'ENABLED' && isAbsent(weekly))
		throw missing('hours_customize.weekly_operating_hours');
	if (!isAbsent(weekly)) {
		const path = 'hours_customize.weekly_operating_hours';
		const entries = requireObjectArray(weekly, path);
		if (status === 'ENABLED' && entries.length === 0) throw hasError(path, 'must not be empty');
		hours.weekly_operating_hours = entries.map((entry, i) => {
			const at = `${path}[${i}]`;
			const day = requireString(entry, 'day_of_week', `${at}.day_of_week`);
			if (!DAYS.includes(day))
				throw hasError(`${at}.day_of_week`, `"${day}" is not MONDAY..SUNDAY`);
			const [open_time, close_time] = requireSpan(entry, 'open_time', 'close_time', at);
			return { day_of_week: day, open_time, close_time };
		});
	}

	const holidays = value.holiday_schedule;
	if (!isAbsent(holidays)) {
		const path = 'hours_customize.holiday_schedule';
		hours.holiday_schedule = requireObjectArray(holidays, path).map((entry, i) => {
			const at = `${path}[${i}]`;
			const date = requireString(entry, 'date', `${at}.date`);
			if (!isCalendarDate(date)) throw hasError(`${at}.date`, `"${date}" is not a YYYY-MM-DD date`);
			const [start_time, end_time] = requireSpan(entry, 'start_time', 'end_time', at);
			return { date, start_time, end_time };
		});
	}
	return hours;
}

/** 1–5 entries, host an IP (domains not supported yet per docs/vendor-api.md §3.1), port 1–65535, type 1|2|3, host+port unique. */
function validateSip(value: unknown): SipAddr[] {
	if (isAbsent(value)) throw missing('customer_sip_addr');
	const entries = requireObjectArray(value, 'customer_sip_addr');
	if (entries.length < 1 || entries.length > 5) {
		throw hasError('customer_sip_addr', `${entries.length} entries, 1 to 5 allowed`);
	}
	const seen = new Set<string>();
	return entries.map((entry, i) => {
		const at = `customer_sip_addr[${i}]`;
		const host = requireString(entry, 'host', `${at}.host`);
		if (isIP(host) === 0) throw hasError(`${at}.host`, `"${host}" is not an IP address`);
		const port = entry.port;
		if (isAbsent(port)) throw missing(`${at}.port`);
		if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
			throw hasError(`${at}.port`, `${JSON.stringify(port)} is not an integer 1–65535`);
		}
		const type = entry.type;
		if (isAbsent(type)) throw missing(`${at}.type`);
		if (type !== 1 && type !== 2 && type !== 3)
			throw hasError(`${at}.type`, `${JSON.stringify(type)} is not 1, 2 or 3`);
		const key = `${host}:${port}`;
		if (seen.has(key)) throw hasError(`${at}`, `duplicate host+port ${key}`);
		seen.add(key);
		return { host, port, type };
	});
}

export interface PhoneRef {
	appkey: string;
	business_phone: string;
}

type Result<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

function attempt<T>(run: () => T): Result<T> {
	try {
		return { ok: true, value: run() };
	} catch (error) {
		if (error instanceof Invalid) return { ok: false, refusal: error.refusal };
		throw error;
	}
}

function phoneRef(body: Body): PhoneRef {
	return { appkey: requireString(body, 'appkey'), business_phone: requireBusinessPhone(body) };
}

export function validatePhoneRef(body: Body): Result<PhoneRef> {
	return attempt(() => phoneRef(body));
}

export function validateQuery(body: Body): Result<PhoneRef & { call_id: string }> {
	return attempt(() => ({ ...phoneRef(body), call_id: requireString(body, 'call_id') }));
}

/** The enable body, in the vendor's table order; the result is what get returns later. */
export function validateEnable(
	body: Body,
): Result<PhoneRef & { config: Omit<CallingConfig, 'status'> }> {
	return attempt(() => {
		const ref = phoneRef(body);
		const region = requireString(body, 'region');
		const icon_status = requireFlag(body, 'icon_status');
		const permission_status = requireFlag(body, 'permission_status');
		const recording_status = requireFlag(body, 'recording_status');
		const hours_status = requireFlag(body, 'hours_status');
		if (hours_status === 1 && isAbsent(body.hours_customize)) throw missing('hours_customize');
		const hours_customize = isAbsent(body.hours_customize)
			? undefined
			: validateHours(body.hours_customize);
		const customer_sip_addr = validateSip(body.customer_sip_addr);
		const config: Omit<CallingConfig, 'status'> = {
			region,
			icon_status,
			permission_status,
			recording_status,
			hours_status,
			customer_sip_addr,
		};
		if (hours_customize) config.hours_customize = hours_customize;
		return { ...ref, config };
	});
}
