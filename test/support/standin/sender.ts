// NXCloud as the *sender*: signed WhatsApp pushes (docs/vendor-api.md §2.2) and Callbot callbacks (docs/vendor-api.md §5.5) posted to a
// webhook URL (e.g. an n8n trigger), with knobs to break the signature in each documented way.
import { randomBytes } from 'node:crypto';

import { type PostResult, post } from './post';
import {
	type CallbotDigest,
	type OpenPlatformDigest,
	callbotSign,
	openPlatformSign,
} from './signing';

/** How to spoil a signed request, one documented failure each. */
export type Tamper =
	/** Sign the body, then send it with one extra trailing space (same JSON, other bytes). */
	| 'body'
	/** Flip the last hex digit of the sign. */
	| 'sign'
	/** Sign with a secret that is not the account's. */
	| 'secret'
	/** Sign with a timestamp one unit off from the one sent. */
	| 'timestamp';

interface CommonOptions {
	/** false: send the body with no signature headers at all (an app with signing off). */
	signed?: boolean;
	tamper?: Tamper;
	/** Header names to leave out after signing (any case). */
	omitHeaders?: string[];
	/** Extra or replacement headers; `undefined` removes one. Applied last. */
	headers?: Record<string, string | undefined>;
	contentType?: string;
	timeoutMs?: number;
}

export interface PushOptions extends CommonOptions {
	/** Digest used for the sign; default md5. */
	algorithm?: OpenPlatformDigest;
	/** Value of the `algorithm` header; default the digest's name; null leaves the header out. */
	algorithmHeader?: string | null;
	/** Default: Date.now() as 13 digits. */
	ts?: string;
	accessKey?: string;
	accessSecret?: string;
	/** The vendor does not say which action/bizType pushes carry (docs/vendor-api.md §9.1); defaults "mt" and "2". */
	action?: string;
	bizType?: string;
}

export interface CallbackOptions extends CommonOptions {
	algorithm?: CallbotDigest;
	/** docs/vendor-api.md §5.5 lists no algorithm header on callbacks, so none is sent unless given here. */
	algorithmHeader?: string | null;
	/** Default: now in seconds. */
	createTs?: string;
	/** Default: 32 random hex characters. */
	requestID?: string;
	uuid?: string;
	secretKey?: string;
	/** Send the sign as lowercase hex (the vendor specifies uppercase). */
	lowercaseSign?: boolean;
}

export interface SendResult extends PostResult {
	/** Exactly what went out. */
	sent: { headers: Record<string, string>; body: string };
}

export interface SenderDefaults {
	accessKey: string;
	accessSecret: string;
	callbotUuid: string;
	callbotSecretKey: string;
}

function flipLastHex(sign: string): string {
	return sign.slice(0, -1) + (sign.endsWith('0') ? '1' : '0');
}

function finishHeaders(
	base: Record<string, string>,
	options: CommonOptions,
): Record<string, string> {
	const omit = new Set((options.omitHeaders ?? []).map((h) => h.toLowerCase()));
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(base)) {
		if (!omit.has(name.toLowerCase())) headers[name] = value;
	}
	for (const [name, value] of Object.entries(options.headers ?? {})) {
		for (const existing of Object.keys(headers)) {
			if (existing.toLowerCase() === name.toLowerCase()) delete headers[existing];
		}
		if (value !== undefined) headers[name] = value;
	}
	return headers;
}

async function send(
	url: string,
	headers: Record<string, string>,
	body: string,
	options: CommonOptions,
): Promise<SendResult> {
	const result = await post(url, body, { headers, timeoutMs: options.timeoutMs });
	return { ...result, sent: { headers, body } };
}

const asText = (body: string | object): string =>
	typeof body === 'string' ? body : JSON.stringify(body);

export class Sender {
	constructor(private readonly defaults: SenderDefaults) {}

	/** POSTs a WhatsApp push signed per docs/vendor-api.md §2.2; the body string is sent byte for byte as signed. */
	pushWhatsApp(url: string, body: string | object, options: PushOptions = {}): Promise<SendResult> {
		const text = asText(body);
		const base: Record<string, string> = {
			'content-type': options.contentType ?? 'application/json',
		};
		let wire = text;
		if (options.signed !== false) {
			const digest = options.algorithm ?? 'md5';
			const ts = options.ts ?? Date.now().toString();
			const parts = {
				accessKey: options.accessKey ?? this.defaults.accessKey,
				action: options.action ?? 'mt',
				bizType: options.bizType ?? '2',
				ts: options.tamper === 'timestamp' ? String(Number(ts) - 1) : ts,
				body: text,
				accessSecret:
					(options.accessSecret ?? this.defaults.accessSecret) +
					(options.tamper === 'secret' ? 'x' : ''),
			};
			let sign = openPlatformSign(parts, digest);
			if (options.tamper === 'sign') sign = flipLastHex(sign);
			if (options.tamper === 'body') wire = `${text} `;
			base.accesskey = parts.accessKey;
			base.action = parts.action;
			base.biztype = parts.bizType;
			base.ts = ts;
			if (options.algorithmHeader !== null) base.algorithm = options.algorithmHeader ?? digest;
			base.sign = sign;
		}
		return send(url, finishHeaders(base, options), wire, options);
	}

	/** POSTs a Callbot callback signed per docs/vendor-api.md §5.5 (the docs/vendor-api.md §5.3 construction over the raw body). */
	callbotCallback(
		url: string,
		body: string | object,
		options: CallbackOptions = {},
	): Promise<SendResult> {
		const text = asText(body);
		const base: Record<string, string> = {
			'content-type': options.contentType ?? 'application/json',
		};
		let wire = text;
		if (options.signed !== false) {
			const digest = options.algorithm ?? 'MD5';
			const createTs = options.createTs ?? Math.floor(Date.now() / 1000).toString();
			const requestID = options.requestID ?? randomBytes(16).toString('hex');
			const uuid = options.uuid ?? this.defaults.callbotUuid;
			let sign = callbotSign(
				{
					secretKey:
						(options.secretKey ?? this.defaults.callbotSecretKey) +
						(options.tamper === 'secret' ? 'x' : ''),
					body: text,
					createTs: options.tamper === 'timestamp' ? String(Number(createTs) - 1) : createTs,
					requestID,
					uuid,
				},
				digest,
			);
			if (options.tamper === 'sign') sign = flipLastHex(sign);
			if (options.lowercaseSign) sign = sign.toLowerCase();
			if (options.tamper === 'body') wire = `${text} `;
			base.requestID = requestID;
			base.uuid = uuid;
			base.createTs = createTs;
			base.sign = sign;
			if (options.algorithmHeader !== undefined && options.algorithmHeader !== null) {
				base.algorithm = options.algorithmHeader;
			}
		}
		return send(url, finishHeaders(base, options), wire, options);
	}
}
