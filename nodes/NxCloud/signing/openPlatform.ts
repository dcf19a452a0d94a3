import { createHash } from 'crypto';

import { constantTimeEqual } from './constantTime';

/** Digest of the open platform (docs/vendor-api.md §1.3): md5 is the vendor default, sha256 on request. */
export type OpenPlatformAlgorithm = 'md5' | 'sha256';

export interface OpenPlatformSignInput {
	accessKey: string;
	action: string;
	bizType: string;
	/** 13-digit millisecond timestamp, as a string. */
	ts: string;
	/**
	 * The exact body bytes on the wire (a JSON string or a Buffer of it). Empty or absent for
	 * multipart uploads and bodiless requests, which sign the headers only.
	 */
	body?: string | Buffer;
	accessSecret: string;
	algorithm: OpenPlatformAlgorithm;
}

/** Maps the `algorithm` header (any case, may be absent) to a digest; anything else is md5 (docs/vendor-api.md §2.2). */
export function openPlatformAlgorithmFromHeader(value: string | undefined): OpenPlatformAlgorithm {
	return typeof value === 'string' && value.trim().toLowerCase() === 'sha256' ? 'sha256' : 'md5';
}

/**
 * sign = lowercaseHex(H("accessKey=…&action=…&bizType=…&ts=…" [+ "&body=" + body] + "&accessSecret=…")).
 * The body is hashed as bytes, never re-encoded, so what is signed is exactly what is sent
 * (or received), and a 100,000-row body is not copied into one more string.
 */
export function signOpenPlatform(input: OpenPlatformSignInput): string {
	const hash = createHash(input.algorithm);
	hash.update(
		`accessKey=${input.accessKey}&action=${input.action}&bizType=${input.bizType}&ts=${input.ts}`,
		'utf8',
	);
	if (input.body !== undefined && input.body.length > 0) {
		hash.update('&body=', 'utf8');
		if (typeof input.body === 'string') hash.update(input.body, 'utf8');
		else hash.update(input.body);
	}
	hash.update(`&accessSecret=${input.accessSecret}`, 'utf8');
	return hash.digest('hex');
}

/** Why a pushed WhatsApp webhook did not verify; each maps to a 401 reason. */
export type PushRejection =
	| { reason: 'missing_header'; header: string }
	| { reason: 'unknown_algorithm'; algorithm: string }
	| { reason: 'bad_signature' };

/** Header names of a signed push (docs/vendor-api.md §2.2), lowercase as HTTP servers hand them over. */
export const PUSH_SIGNATURE_HEADERS = ['accesskey', 'action', 'biztype', 'ts', 'sign'] as const;

/**
 * Verifies a pushed WhatsApp webhook (docs/vendor-api.md §2.2): the open-platform construction applied by NXCloud
 * to the raw body it sent, with the accessSecret of the accessKey, compared case-insensitively
 * in constant time. `headers` must have lowercase keys. The `algorithm` header is optional
 * (md5 by default); a value other than md5/sha256 is refused rather than silently hashed as
 * md5, because a misconfigured console is more likely than a new digest we should accept.
 */
export function verifyWhatsAppPush(
	headers: Record<string, string | undefined>,
	rawBody: Buffer | string,
	accessSecret: string,
): PushRejection | null {
	for (const name of PUSH_SIGNATURE_HEADERS) {
		if (!headers[name]) return { reason: 'missing_header', header: name };
	}
	const algorithmHeader = headers.algorithm?.trim();
	let algorithm: OpenPlatformAlgorithm = 'md5';
	if (algorithmHeader) {
		const lower = algorithmHeader.toLowerCase();
		if (lower !== 'md5' && lower !== 'sha256') {
			return { reason: 'unknown_algorithm', algorithm: algorithmHeader.slice(0, 32) };
		}
		algorithm = lower;
	}
	const expected = signOpenPlatform({
		accessKey: headers.accesskey as string,
		action: headers.action as string,
		bizType: headers.biztype as string,
		ts: headers.ts as string,
		body: rawBody,
		accessSecret,
		algorithm,
	});
	const actual = (headers.sign as string).trim().toLowerCase();
	return constantTimeEqual(actual, expected) ? null : { reason: 'bad_signature' };
}
