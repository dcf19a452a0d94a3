// Callbot request authentication (docs/vendor-api.md §5.2, §5.3), checked in a fixed order so each failure maps to
// one documented retCode: sign missing 6001 · other header missing 2 · bad gzip body 3 ·
// unknown uuid 6002 · createTs malformed/stale 6 · unknown algorithm 6 · sign mismatch 6.
import { type Exchange, headerOf } from '../http';
import { type CallbotDigest, callbotDigestOf, callbotSign } from '../signing';

export interface CallbotAuthConfig {
	/** uuid → secretKey. */
	accounts: ReadonlyMap<string, string>;
	/** Allowed |now − createTs| in seconds. The vendor documents none; ours is an assumption. */
	createTsWindowSec: number;
	/**
	 * 'upper' (default): the sign must be the uppercase hex the vendor specifies; 'any': hex case
	 * is ignored. Strict by default so a client emitting lowercase hex is caught here, not in prod.
	 */
	signCase: 'upper' | 'any';
}

/** What the response signature needs from the request (docs/vendor-api.md §5.4), when it can be known. */
export interface CallbotIdentity {
	requestID?: string;
	uuid?: string;
	/** The secret of a known uuid; without it the response goes out unsigned. */
	secretKey?: string;
	digest: CallbotDigest;
	/** The request's algorithm header as sent, echoed back. */
	algorithmHeader?: string;
}

export interface CallbotRefusal {
	retCode: number;
	retMsg: string;
	reason: string;
}

export function callbotIdentity(
	ex: Exchange,
	accounts: ReadonlyMap<string, string>,
): CallbotIdentity {
	const uuid = headerOf(ex.headers, 'uuid');
	const algorithmHeader = headerOf(ex.headers, 'algorithm');
	return {
		requestID: headerOf(ex.headers, 'requestID'),
		uuid,
		secretKey: uuid === undefined ? undefined : accounts.get(uuid),
		digest: callbotDigestOf(algorithmHeader) ?? 'MD5',
		algorithmHeader,
	};
}

function refuse(retCode: number, retMsg: string, reason: string): CallbotRefusal {
	return { retCode, retMsg, reason };
}

export function checkCallbotAuth(ex: Exchange, config: CallbotAuthConfig): CallbotRefusal | null {
	const sign = headerOf(ex.headers, 'sign');
	if (sign === undefined) return refuse(6001, 'Signature missing', 'missing header sign');
	const h: Record<string, string> = {};
	for (const name of ['requestID', 'uuid', 'createTs']) {
		const value = headerOf(ex.headers, name);
		if (value === undefined)
			return refuse(2, `Missing parameter: ${name}`, `missing header ${name}`);
		h[name] = value;
	}
	if (ex.decodeError) {
		return refuse(3, 'Parameter format error: request body', ex.decodeError);
	}
	const secretKey = config.accounts.get(h.uuid);
	if (secretKey === undefined)
		return refuse(6002, 'Account does not exist', `unknown uuid "${h.uuid}"`);

	// No skew code is documented, so a stale or malformed createTs is answered as a bad signature.
	if (!/^\d{10}$/.test(h.createTs)) {
		return refuse(
			6,
			'Signature incorrect',
			`createTs "${h.createTs}" is not a 10-digit seconds timestamp`,
		);
	}
	const skew = Math.floor(ex.now / 1000) - Number(h.createTs);
	if (Math.abs(skew) > config.createTsWindowSec) {
		return refuse(
			6,
			'Signature incorrect',
			`createTs is ${skew} s from now, outside ±${config.createTsWindowSec} s`,
		);
	}

	const algorithmHeader = headerOf(ex.headers, 'algorithm');
	const digest = callbotDigestOf(algorithmHeader);
	if (digest === null)
		return refuse(6, 'Signature incorrect', `unsupported algorithm "${algorithmHeader}"`);

	const expected = callbotSign(
		{ secretKey, body: ex.body, createTs: h.createTs, requestID: h.requestID, uuid: h.uuid },
		digest,
	);
	const matches = config.signCase === 'upper' ? sign === expected : sign.toUpperCase() === expected;
	if (!matches) {
		const why =
			sign.toUpperCase() === expected
				? 'sign is lowercase hex, the vendor specifies uppercase'
				: 'sign does not match';
		return refuse(6, 'Signature incorrect', `${why} (${digest} of the received body)`);
	}
	return null;
}
