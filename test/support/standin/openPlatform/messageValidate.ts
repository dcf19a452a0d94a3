// Body checks of the WhatsApp messaging endpoints (§12, §14, §20). Codes: 9000 missing or invalid
// parameter, 9002 merchant phone not digits (§11.4), 9099 + data.error for what Meta itself
// refuses synchronously (§12.5: the vendor's example is (#100) Invalid parameter). Which of
// NXCloud or Meta refuses a given bad value is not documented: OUR CHOICE is 9000 for a missing
// or mistyped field and 9099/100 or 131009 for a value over one of Meta's limits.
import { isPlainObject } from '../http';
import type { Refusal } from './auth';

type Body = Record<string, unknown>;

export interface MetaError {
	code: number;
	message: string;
	type: string;
	fbtrace_id: string;
	error_data: { messaging_product: 'whatsapp'; details: string };
}

export class Invalid extends Error {
	constructor(
		readonly refusal: Refusal,
		readonly metaError?: MetaError,
	) {
		super(refusal.message);
	}
}

export const missing = (path: string): Invalid =>
	new Invalid({
		code: 9000,
		message: 'Parameter exception',
		reason: `${path} is missing or empty`,
	});
export const wrong = (path: string, why: string): Invalid =>
	new Invalid({ code: 9000, message: 'Parameter exception', reason: `${path}: ${why}` });

/** A refusal Meta would give synchronously, relayed as 9099 with `data.error` (§12.5). */
export function meta(code: number, details: string): Invalid {
	const title =
		code === 100 ? 'Invalid parameter' : code === 131009 ? 'Parameter value is not valid' : 'Error';
	return new Invalid(
		{ code: 9099, message: 'WhatsApp error', reason: `Meta ${code}: ${details}` },
		{
			code,
			message: `(#${code}) ${title}`,
			type: 'OAuthException',
			fbtrace_id: 'AStandInTraceId000000000',
			error_data: { messaging_product: 'whatsapp', details },
		},
	);
}

const absent = (value: unknown): boolean => value === undefined || value === null || value === '';

export function str(body: Body, key: string, path = key): string {
	const value = body[key];
	if (absent(value)) throw missing(path);
	if (typeof value !== 'string') throw wrong(path, `must be a string, got ${typeof value}`);
	return value;
}

export function optionalStr(body: Body, key: string, path = key): string | undefined {
	return absent(body[key]) ? undefined : str(body, key, path);
}

export function obj(body: Body, key: string, path = key): Body {
	const value = body[key];
	if (absent(value)) throw missing(path);
	if (!isPlainObject(value)) throw wrong(path, 'must be an object');
	return value;
}

export function fixed(body: Body, key: string, expected: string): void {
	const value = str(body, key);
	if (value !== expected) throw wrong(key, `must be "${expected}", got "${value}"`);
}

/** Merchant numbers: country code and number, digits only (§11.3); 9002 otherwise. */
export function businessPhone(body: Body): string {
	const phone = str(body, 'business_phone');
	if (!/^\d{6,20}$/.test(phone)) {
		throw new Invalid({
			code: 9002,
			message: 'Merchant phone error',
			reason: `business_phone "${phone}" is not 6–20 digits`,
		});
	}
	return phone;
}

export function recipient(body: Body): string {
	const to = str(body, 'to');
	if (!/^\d{6,20}$/.test(to))
		throw wrong('to', `"${to}" is not a number with country code, digits only`);
	return to;
}

const length = (text: string): number => [...text].length;

export function maxLength(text: string, max: number, path: string, metaCode = 100): void {
	if (length(text) > max)
		throw meta(metaCode, `${path} is ${length(text)} characters, more than ${max}`);
}

export function httpUrl(value: string, path: string): void {
	if (!/^https?:\/\/[^\s/]+/i.test(value)) throw wrong(path, `"${value}" is not an http(s) URL`);
}

export type Result<T> =
	{ ok: true; value: T } | { ok: false; refusal: Refusal; metaError?: MetaError };

export function attempt<T>(run: () => T): Result<T> {
	try {
		return { ok: true, value: run() };
	} catch (error) {
		if (error instanceof Invalid)
			return { ok: false, refusal: error.refusal, metaError: error.metaError };
		throw error;
	}
}
