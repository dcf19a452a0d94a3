// Open-platform request authentication (docs/vendor-api.md §1.2–§1.6): the checks NXCloud makes before it looks at a
// body, in a fixed order so each failure maps to exactly one documented code.
import { type Exchange, headerOf } from '../http';
import { openPlatformDigestOf, openPlatformSign } from '../signing';

export interface Refusal {
	code: number;
	message: string;
	/** Our explanation, recorded with the request (the vendor's message is fixed and terse). */
	reason: string;
}

export interface OpenPlatformAuthConfig {
	/** accessKey → accessSecret. */
	accounts: ReadonlyMap<string, string>;
	/** Allowed |now − ts| in ms (the vendor documents 60000). */
	tsWindowMs: number;
	/** What this endpoint requires; the calling endpoints want bizType "2", action "mt". */
	bizType: string;
	action: string;
	/**
	 * 'multipart' for upload endpoints: Content-Type must be multipart/form-data with a boundary,
	 * and the sign covers the headers and the secret only (§17.1). Default 'json'.
	 */
	body?: 'json' | 'multipart';
}

const REQUIRED = ['accessKey', 'ts', 'bizType', 'action', 'sign'] as const;

function refuse(code: number, message: string, reason: string): Refusal {
	return { code, message, reason };
}

/** Media type without parameters, lowercase: "application/json; charset=utf-8" → "application/json". */
function mediaType(contentType: string | undefined): string {
	return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Order: missing header (1001) → Content-Type (1003) → unreadable gzip body (1003) → ts format and
 * window (1004) → accessKey (1005) → bizType/action (1002) → algorithm and sign (1003).
 * Returns null when the request is authentic.
 */
export function checkOpenPlatformAuth(
	ex: Exchange,
	config: OpenPlatformAuthConfig,
): Refusal | null {
	const h: Record<string, string> = {};
	for (const name of REQUIRED) {
		const value = headerOf(ex.headers, name);
		if (value === undefined)
			return refuse(1001, 'Missing common parameters', `missing header ${name}`);
		h[name] = value;
	}

	const contentType = headerOf(ex.headers, 'content-type');
	const multipart = config.body === 'multipart';
	const wantedType = multipart ? 'multipart/form-data' : 'application/json';
	if (mediaType(contentType) !== wantedType) {
		// docs/vendor-api.md §1.6 lists a wrong Content-Type among the causes of 1003.
		return refuse(
			1003,
			'Invalid signature',
			`Content-Type "${contentType ?? ''}" is not ${wantedType}`,
		);
	}
	if (multipart && !/;\s*boundary=/i.test(contentType ?? '')) {
		return refuse(1003, 'Invalid signature', 'multipart Content-Type without a boundary');
	}
	if (ex.decodeError) return refuse(1003, 'Invalid signature', ex.decodeError);

	if (!/^\d{13}$/.test(h.ts)) {
		return refuse(
			1004,
			'Timestamp expired',
			`ts "${h.ts}" is not a 13-digit millisecond timestamp`,
		);
	}
	const skew = ex.now - Number(h.ts);
	if (Math.abs(skew) > config.tsWindowMs) {
		return refuse(
			1004,
			'Timestamp expired',
			`ts is ${skew} ms from now, outside ±${config.tsWindowMs} ms`,
		);
	}

	const secret = config.accounts.get(h.accessKey);
	if (secret === undefined) {
		return refuse(1005, 'Insufficient permissions', `unknown accessKey "${h.accessKey}"`);
	}

	if (h.bizType !== config.bizType || h.action !== config.action) {
		return refuse(
			1002,
			'Parameter error',
			`bizType "${h.bizType}" / action "${h.action}" where "${config.bizType}" / "${config.action}" is required`,
		);
	}

	const algorithmHeader = headerOf(ex.headers, 'algorithm');
	const digest = openPlatformDigestOf(algorithmHeader);
	if (digest === null) {
		return refuse(1003, 'Invalid signature', `unsupported algorithm "${algorithmHeader}"`);
	}
	const expected = openPlatformSign(
		{
			accessKey: h.accessKey,
			action: h.action,
			bizType: h.bizType,
			ts: h.ts,
			body: multipart ? undefined : ex.body,
			accessSecret: secret,
		},
		digest,
	);
	// Hex case carries no meaning (docs/vendor-api.md §2.2 compares ignoring case), so neither does it here.
	if (h.sign.toLowerCase() !== expected) {
		return refuse(
			1003,
			'Invalid signature',
			`sign does not match the ${digest} of the ${multipart ? 'headers (multipart: no body)' : 'received body'}`,
		);
	}
	return null;
}
