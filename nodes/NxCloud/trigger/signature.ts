import type { IDataObject } from 'n8n-workflow';

import { verifyCallbotCallback } from '../signing/callbot';
import { checkTimestampAge } from './freshness';
import { verifyWhatsAppPush } from '../signing/openPlatform';
import type { TriggerSecrets, TriggerSettings } from './settings';

/** A refused request: HTTP status and the JSON body that tells the sender why. */
export interface Refusal {
	status: number;
	body: IDataObject;
}

export type SignatureOutcome = { refusal: Refusal } | { verified: boolean };

function unauthorized(
	reason: string,
	error: string,
	extra: IDataObject = {},
): { refusal: Refusal } {
	return { refusal: { status: 401, body: { error, reason, ...extra } } };
}

function misconfigured(error: string): { refusal: Refusal } {
	// 500, not 401: the sender did nothing wrong, and NXCloud should retry once the user fixes it.
	return { refusal: { status: 500, body: { error, reason: 'credential_incomplete' } } };
}

/**
 * Applies the Signature Check setting to one request:
 * - Required: the request must be signed and verify;
 * - Verify If Present: a request with a `sign` header must verify; one without passes unverified;
 * - Off: nothing is checked.
 * A verified request then has its timestamp checked when Max Timestamp Age is set (an unsigned
 * timestamp proves nothing, so it is not checked).
 * `headers` must have lowercase names (as Node's HTTP server gives them).
 */
export function checkSignature(
	settings: TriggerSettings,
	secrets: TriggerSecrets | undefined,
	headers: Record<string, string | undefined>,
	rawBody: Buffer,
	nowMs: number,
): SignatureOutcome {
	if (settings.signatureCheck === 'off') return { verified: false };
	if (settings.signatureCheck === 'ifPresent' && !headers.sign) return { verified: false };

	if (settings.source === 'whatsapp') {
		if (!secrets?.accessSecret) {
			return misconfigured(
				'The NXCloud API credential has no Access Secret, which is needed to verify WhatsApp pushes',
			);
		}
		const rejection = verifyWhatsAppPush(headers, rawBody, secrets.accessSecret);
		if (rejection?.reason === 'missing_header') {
			return unauthorized('missing_header', `Missing signature header "${rejection.header}"`, {
				header: rejection.header,
			});
		}
		if (rejection?.reason === 'unknown_algorithm') {
			return unauthorized(
				'unknown_algorithm',
				`Unknown signature algorithm "${rejection.algorithm}"; expected MD5 or SHA-256 (header value md5 or sha256)`,
				{
					algorithm: rejection.algorithm,
				},
			);
		}
		if (rejection) return unauthorized('bad_signature', 'The signature does not match the request');
	} else {
		if (!secrets?.callbotUuid || !secrets.callbotSecretKey) {
			return misconfigured(
				'The NXCloud API credential has no Callbot UUID or Callbot Secret Key, which are needed to verify Callbot callbacks',
			);
		}
		const rejection = verifyCallbotCallback(headers, rawBody, {
			uuid: secrets.callbotUuid,
			secretKey: secrets.callbotSecretKey,
			algorithm: secrets.callbotAlgorithm,
		});
		if (rejection?.reason === 'missing_header') {
			return unauthorized('missing_header', `Missing signature header "${rejection.header}"`, {
				header: rejection.header,
			});
		}
		if (rejection?.reason === 'unknown_algorithm') {
			return unauthorized(
				'unknown_algorithm',
				`Unknown signature algorithm "${rejection.algorithm}"; expected MD5 or SHA-256 (header value MD5 or SHA256)`,
				{
					algorithm: rejection.algorithm,
				},
			);
		}
		if (rejection?.reason === 'wrong_account') {
			return unauthorized(
				'bad_signature',
				'The uuid header is not the Callbot UUID of this credential',
			);
		}
		if (rejection) return unauthorized('bad_signature', 'The signature does not match the request');
	}

	const [header, unit] =
		settings.source === 'whatsapp' ? (['ts', 'ms'] as const) : (['createts', 's'] as const);
	const stale = checkTimestampAge(header, headers[header], unit, settings.maxTimestampAge, nowMs);
	if (stale) {
		const age =
			stale.ageSeconds === null ? 'is not a number' : `is ${stale.ageSeconds} s away from now`;
		return unauthorized(
			'stale_timestamp',
			`The "${header}" timestamp ${age}; the limit is ${stale.maxAgeSeconds} s`,
			{
				header,
				ageSeconds: stale.ageSeconds,
				maxAgeSeconds: stale.maxAgeSeconds,
			},
		);
	}
	return { verified: true };
}
