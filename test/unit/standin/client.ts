// Test-side client for the stand-in. Its signing is a second, tiny implementation written from
// the spec (not the stand-in's signing.ts), so a shared mistake cannot make both sides agree.
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';

import {
	type PostResult,
	type StandIn,
	type StandInOptions,
	post,
	startStandIn,
} from '../../support/standin';

export const ACCOUNTS = {
	accessKey: 'fme2na3kdi3ki',
	accessSecret: 'abciiiko2k3',
	callbotUuid: 'Vh71ym3yQwWSYZFpqkFwTskGXUbSxDtR',
	callbotSecretKey: 'u7Mf3zUNOkg4lMV9a0E6cHSgIkK22GSr',
};

export const APPKEY = 'pem28kje';
export const PHONE = '8613300000000';

export function start(extra: Partial<StandInOptions> = {}): Promise<StandIn> {
	return startStandIn({
		...ACCOUNTS,
		boundPhones: [{ business_phone: PHONE, appkey: APPKEY }],
		...extra,
	});
}

const hex = (algorithm: string, text: string): string =>
	createHash(algorithm).update(text, 'utf8').digest('hex');

export interface OpenOptions {
	algorithm?: 'md5' | 'sha256';
	/** Header value; default the algorithm name; null leaves the header out. */
	algorithmHeader?: string | null;
	ts?: string;
	accessKey?: string;
	secret?: string;
	bizType?: string;
	action?: string;
	contentType?: string | null;
	/** Replace / remove (undefined) headers after signing. */
	headers?: Record<string, string | undefined>;
	uppercaseSign?: boolean;
	gzip?: boolean;
}

function applyOverrides(
	headers: Record<string, string>,
	overrides: Record<string, string | undefined> = {},
): Record<string, string> {
	const out = { ...headers };
	for (const [name, value] of Object.entries(overrides)) {
		for (const key of Object.keys(out))
			if (key.toLowerCase() === name.toLowerCase()) delete out[key];
		if (value !== undefined) out[name] = value;
	}
	return out;
}

/** POST /api/wa/calling/<op>, signed per docs/vendor-api.md §1.3. `body` is sent exactly as given when a string. */
export function callOpen(
	standIn: StandIn,
	op: string,
	body: string | object,
	o: OpenOptions = {},
): Promise<PostResult> {
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	const algorithm = o.algorithm ?? 'md5';
	const accessKey = o.accessKey ?? ACCOUNTS.accessKey;
	const ts = o.ts ?? Date.now().toString();
	const bizType = o.bizType ?? '2';
	const action = o.action ?? 'mt';
	const plaintext =
		`accessKey=${accessKey}&action=${action}&bizType=${bizType}&ts=${ts}` +
		(text === '' ? '' : `&body=${text}`) +
		`&accessSecret=${o.secret ?? ACCOUNTS.accessSecret}`;
	let sign = hex(algorithm, plaintext);
	if (o.uppercaseSign) sign = sign.toUpperCase();
	const headers: Record<string, string> = { accessKey, ts, bizType, action, sign };
	if (o.contentType !== null) headers['Content-Type'] = o.contentType ?? 'application/json';
	if (o.algorithmHeader !== null) headers.algorithm = o.algorithmHeader ?? algorithm;
	if (o.gzip) headers['Content-Encoding'] = 'gzip';
	const wire = o.gzip ? gzipSync(text) : text;
	return post(`${standIn.url}/api/wa/calling/${op}`, wire, {
		headers: applyOverrides(headers, o.headers),
	});
}

export interface CallbotOptions {
	algorithm?: 'MD5' | 'SHA256';
	algorithmHeader?: string | null;
	createTs?: string;
	requestID?: string;
	uuid?: string;
	secret?: string;
	lowercaseSign?: boolean;
	headers?: Record<string, string | undefined>;
	gzip?: boolean;
	acceptGzip?: boolean;
}

export function callbotSignOf(
	secret: string,
	body: string,
	createTs: string,
	requestID: string,
	uuid: string,
	algorithm: 'MD5' | 'SHA256',
): string {
	const plaintext = `${secret}&body=${body}&createTs=${createTs}&requestID=${requestID}&uuid=${uuid}`;
	return hex(algorithm === 'SHA256' ? 'sha256' : 'md5', plaintext).toUpperCase();
}

/** POST /callcentre/api/v3/<name>, signed per docs/vendor-api.md §5.3. */
export function callCallbot(
	standIn: StandIn,
	name: string,
	body: string | object,
	o: CallbotOptions = {},
): Promise<PostResult> {
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	const algorithm = o.algorithm ?? 'MD5';
	const createTs = o.createTs ?? Math.floor(Date.now() / 1000).toString();
	const requestID = o.requestID ?? randomBytes(16).toString('hex');
	const uuid = o.uuid ?? ACCOUNTS.callbotUuid;
	let sign = callbotSignOf(
		o.secret ?? ACCOUNTS.callbotSecretKey,
		text,
		createTs,
		requestID,
		uuid,
		algorithm,
	);
	if (o.lowercaseSign) sign = sign.toLowerCase();
	const headers: Record<string, string> = {
		'Content-Type': 'application/json',
		requestID,
		uuid,
		createTs,
		sign,
	};
	if (o.algorithmHeader !== null) headers.algorithm = o.algorithmHeader ?? algorithm;
	if (o.gzip) headers['Content-Encoding'] = 'gzip';
	if (o.acceptGzip) headers['Accept-Encoding'] = 'gzip';
	const wire = o.gzip ? gzipSync(text) : text;
	return post(`${standIn.url}/callcentre/api/v3/${name}`, wire, {
		headers: applyOverrides(headers, o.headers),
	});
}

/** A valid importBatchCall / addBatchCall body with `count` rows (orderIDs `${prefix}-<i>`). */
export function callInfoBody(
	userTaskID: string,
	count: number,
	prefix = 'o',
): Record<string, unknown> {
	const callList = [];
	for (let i = 0; i < count; i++) {
		callList.push({
			orderID: `${prefix}-${i}`,
			userPhone: `8613${String(900000000 + i)}`,
			other: `row ${i}`,
			userName: '',
			customerName: 'ACME',
			params: [{ name: 'name', value: `User ${i}` }],
		});
	}
	return {
		productID: 'callbot',
		userTaskID,
		callInfoList: {
			orderCallbackUrl: 'https://example.com/order',
			callCallbackUrl: 'https://example.com/call',
			callList,
		},
	};
}

export function createTaskBody(
	userTaskID: string,
	extra: Record<string, unknown> = {},
): Record<string, unknown> {
	return {
		productID: 'callbot',
		userTaskID,
		sceneID: 'scene-1',
		taskCreateSetting: { strategyName: 'default', taskName: `Task ${userTaskID}` },
		funcFlag: { taskKeep: 0 },
		...extra,
	};
}
