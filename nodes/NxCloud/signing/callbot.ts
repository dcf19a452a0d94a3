import { createHash } from 'crypto';

import { constantTimeEqual } from './constantTime';

/** Digest of the Callbot API (docs/vendor-api.md §5.2): MD5 is the vendor default, SHA256 on request. */
export type CallbotAlgorithm = 'MD5' | 'SHA256';

export interface CallbotSignInput {
	secretKey: string;
	/** The exact JSON body on the wire, uncompressed. An empty body signs as "&body=". */
	body: string | Buffer;
	/** Unix seconds, as a string. */
	createTs: string;
	requestID: string;
	uuid: string;
	algorithm: CallbotAlgorithm;
}

export function callbotAlgorithmFromHeader(value: string | undefined): CallbotAlgorithm {
	return typeof value === 'string' && value.trim().toUpperCase() === 'SHA256' ? 'SHA256' : 'MD5';
}

/**
 * sign = UPPERCASE(hex(H(secretKey + "&body=" + body + "&createTs=" + createTs
 *                         + "&requestID=" + requestID + "&uuid=" + uuid)))   (docs/vendor-api.md §5.3)
 * The secret leads with no `key=` prefix; the order of the rest is fixed by the vendor.
 */
export function signCallbot(input: CallbotSignInput): string {
	const hash = createHash(input.algorithm === 'SHA256' ? 'sha256' : 'md5');
	hash.update(`${input.secretKey}&body=`, 'utf8');
	if (typeof input.body === 'string') hash.update(input.body, 'utf8');
	else hash.update(input.body);
	hash.update(
		`&createTs=${input.createTs}&requestID=${input.requestID}&uuid=${input.uuid}`,
		'utf8',
	);
	return hash.digest('hex').toUpperCase();
}

export type CallbackRejection =
	| { reason: 'missing_header'; header: string }
	| { reason: 'unknown_algorithm'; algorithm: string }
	| { reason: 'wrong_account' }
	| { reason: 'bad_signature' };

/** Header names of a signed Callbot callback (docs/vendor-api.md §5.5), lowercase as HTTP servers hand them over. */
export const CALLBACK_SIGNATURE_HEADERS = ['requestid', 'uuid', 'createts', 'sign'] as const;

/**
 * Verifies a Callbot callback (docs/vendor-api.md §5.5, inferred: same construction as requests, over the raw body,
 * with the account's secretKey). Callbacks carry no `algorithm` header, so the digest is the one
 * chosen in the console, which the user repeats in the credential; a header, if NXCloud ever
 * sends one, wins (any case), and a value other than MD5/SHA256 is refused rather than guessed,
 * as for WhatsApp pushes. The uuid must be the credential's own account.
 */
export function verifyCallbotCallback(
	headers: Record<string, string | undefined>,
	rawBody: Buffer | string,
	credentials: { uuid: string; secretKey: string; algorithm: CallbotAlgorithm },
): CallbackRejection | null {
	for (const name of CALLBACK_SIGNATURE_HEADERS) {
		if (!headers[name]) return { reason: 'missing_header', header: name };
	}
	const uuid = headers.uuid as string;
	const algorithmHeader = headers.algorithm?.trim();
	if (algorithmHeader && !/^(md5|sha256)$/i.test(algorithmHeader)) {
		return { reason: 'unknown_algorithm', algorithm: algorithmHeader.slice(0, 32) };
	}
	const algorithm = algorithmHeader
		? callbotAlgorithmFromHeader(algorithmHeader)
		: credentials.algorithm;
	const expected = signCallbot({
		secretKey: credentials.secretKey,
		body: rawBody,
		createTs: headers.createts as string,
		requestID: headers.requestid as string,
		uuid,
		algorithm,
	});
	const actual = (headers.sign as string).trim().toUpperCase();
	const signatureOk = constantTimeEqual(actual, expected);
	// Checked after the digest so the answer time does not tell an attacker which part was wrong.
	if (!constantTimeEqual(uuid, credentials.uuid)) return { reason: 'wrong_account' };
	return signatureOk ? null : { reason: 'bad_signature' };
}
