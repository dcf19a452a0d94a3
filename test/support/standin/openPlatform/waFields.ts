// Field checks shared by the WhatsApp messaging-side endpoints (§11–§19), with the codes of the
// vendor's per-page tables (§11.4): 9000 missing/invalid parameter, 9002 phone error, 9006 phone
// not bound to the application.
import type { Refusal } from './auth';

type Body = Record<string, unknown>;

export class WaInvalid extends Error {
	constructor(readonly refusal: Refusal) {
		super(refusal.message);
	}
}

export const waMissing = (field: string): WaInvalid =>
	new WaInvalid({
		code: 9000,
		message: `Request parameter error: ${field} is required`,
		reason: `${field} is missing`,
	});

export const waBadValue = (field: string, why: string): WaInvalid =>
	new WaInvalid({
		code: 9000,
		message: `Request parameter error: ${field}`,
		reason: `${field}: ${why}`,
	});

export const waNotBound = (phone: string, appkey?: string): WaInvalid =>
	new WaInvalid({
		code: 9006,
		message: 'The number is not bound to the application',
		reason:
			appkey === undefined
				? `business_phone ${phone} is bound to no app`
				: `business_phone ${phone} is not bound to appkey ${appkey}`,
	});

export function waString(body: Body, key: string): string {
	const value = body[key];
	if (value === undefined || value === null || value === '') throw waMissing(key);
	if (typeof value !== 'string') throw waBadValue(key, `must be a string, got ${typeof value}`);
	return value;
}

export function waPhone(body: Body, key = 'business_phone'): string {
	const phone = waString(body, key);
	if (!/^\d{6,20}$/.test(phone)) {
		throw new WaInvalid({
			code: 9002,
			message: 'Merchant phone number error',
			reason: `${key} "${phone}" is not 6–20 digits`,
		});
	}
	return phone;
}

export function waProduct(body: Body): void {
	const product = waString(body, 'messaging_product');
	if (product !== 'whatsapp')
		throw waBadValue('messaging_product', `"${product}" is not "whatsapp"`);
}

export type WaOutcome = { ok: true; data: unknown } | { ok: false; refusal: Refusal };

export function waAttempt(run: () => unknown): WaOutcome {
	try {
		return { ok: true, data: run() };
	} catch (error) {
		if (error instanceof WaInvalid) return { ok: false, refusal: error.refusal };
		throw error;
	}
}
