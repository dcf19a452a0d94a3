// The stand-in's own signing code, written straight from docs/vendor-api.md §1.3, §2.2 and §5.3.
// It deliberately imports nothing from nodes/ or credentials/: if both sides shared one
// implementation, a mistake in it would sign and verify consistently and every test would pass.
import { createHash } from 'node:crypto';

export type OpenPlatformDigest = 'md5' | 'sha256';
export type CallbotDigest = 'MD5' | 'SHA256';

/** Body as received on the wire: hashed as bytes, so a 100,000-row import is never copied. */
export type RawBody = Buffer | string;

function isEmpty(body: RawBody | undefined): boolean {
	return body === undefined || body.length === 0;
}

export interface OpenPlatformSignParts {
	accessKey: string;
	action: string;
	bizType: string;
	ts: string;
	body?: RawBody;
	accessSecret: string;
}

/**
 * The exact plaintext of docs/vendor-api.md §1.3 as a string (handy in assertions and failure messages):
 * "accessKey=…&action=…&bizType=…&ts=…" [+ "&body=" + body when non-empty] + "&accessSecret=…".
 */
export function openPlatformPlaintext(parts: OpenPlatformSignParts): string {
	const body = isEmpty(parts.body) ? '' : `&body=${parts.body!.toString()}`;
	return (
		`accessKey=${parts.accessKey}&action=${parts.action}&bizType=${parts.bizType}&ts=${parts.ts}` +
		`${body}&accessSecret=${parts.accessSecret}`
	);
}

/** lowercase hex of H(plaintext), H = md5 or sha256; the body goes in as raw bytes. */
export function openPlatformSign(parts: OpenPlatformSignParts, digest: OpenPlatformDigest): string {
	const hash = createHash(digest);
	hash.update(
		`accessKey=${parts.accessKey}&action=${parts.action}&bizType=${parts.bizType}&ts=${parts.ts}`,
		'utf8',
	);
	if (!isEmpty(parts.body)) {
		hash.update('&body=', 'utf8');
		hash.update(parts.body as RawBody);
	}
	hash.update(`&accessSecret=${parts.accessSecret}`, 'utf8');
	return hash.digest('hex');
}

export interface CallbotSignParts {
	secretKey: string;
	body: RawBody;
	createTs: string;
	requestID: string;
	uuid: string;
}

/** docs/vendor-api.md §5.3: secretKey + "&body=" + body + "&createTs=" + … + "&requestID=" + … + "&uuid=" + … */
export function callbotPlaintext(parts: CallbotSignParts): string {
	return (
		`${parts.secretKey}&body=${parts.body.toString()}&createTs=${parts.createTs}` +
		`&requestID=${parts.requestID}&uuid=${parts.uuid}`
	);
}

/** UPPERCASE hex of H(plaintext). An empty body still contributes "&body=" (the formula has no branch). */
export function callbotSign(parts: CallbotSignParts, digest: CallbotDigest): string {
	const hash = createHash(digest === 'SHA256' ? 'sha256' : 'md5');
	hash.update(`${parts.secretKey}&body=`, 'utf8');
	hash.update(parts.body);
	hash.update(
		`&createTs=${parts.createTs}&requestID=${parts.requestID}&uuid=${parts.uuid}`,
		'utf8',
	);
	return hash.digest('hex').toUpperCase();
}

/**
 * Reads an open-platform `algorithm` header on a *request*. Absent or empty → md5 (the documented
 * default); md5/sha256 in any case → that digest; anything else → null, which the server answers
 * with 1003. docs/vendor-api.md §2.2 maps unknown values to md5 only for *pushes*; for requests the vendor is silent
 * and refusing makes a client that sends e.g. "SHA-256" visible instead of silently md5-checked.
 */
export function openPlatformDigestOf(header: string | undefined): OpenPlatformDigest | null {
	if (header === undefined || header.trim() === '') return 'md5';
	const lower = header.trim().toLowerCase();
	return lower === 'md5' || lower === 'sha256' ? lower : null;
}

/** Same for Callbot's `algorithm` header (MD5 | SHA256, any case, default MD5); unknown → null. */
export function callbotDigestOf(header: string | undefined): CallbotDigest | null {
	if (header === undefined || header.trim() === '') return 'MD5';
	const upper = header.trim().toUpperCase();
	return upper === 'MD5' || upper === 'SHA256' ? upper : null;
}
