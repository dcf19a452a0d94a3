// The kinds of hostile request, one builder each. A builder draws every random choice up front
// (so a seed replays the same requests) and returns what to send, built at send time (so
// timestamps are fresh), plus what must happen: whether it may start an execution, and which
// HTTP statuses are right.
import { deflateSync, gzipSync } from 'node:zlib';

import type { ReliabilityAccount } from '../../e2e/account';
import {
	type Json,
	type JsonObject,
	type Source,
	baseTemplates,
	fieldSites,
	uniqueBody,
} from './bases';
import {
	type MutationContext,
	deeplyNested,
	unknownFields,
	withRawField,
	wrongTypes,
} from './jsonMutations';
import {
	type HeaderList,
	type SignChoice,
	headerValue,
	replaceHeader,
	requiredSignatureHeaders,
	signatureHeaders,
	withoutHeader,
} from './signing';

/** Which of the source's two workflows gets the request. */
export type Target = 'default' | 'strict';

export interface Expectation {
	/** Whether the request must start exactly one execution (else: none). */
	execute: boolean;
	/** The right answers; 0 = the connection was closed without an answer. */
	statuses: number[];
}

export interface BuiltRequest {
	method: string;
	headers: HeaderList;
	body: Buffer;
	/** Send no Host header (HTTP/1.1 requires one). */
	omitHost?: boolean;
}

export interface HostileCase {
	index: number;
	source: Source;
	target: Target;
	category: string;
	detail: string;
	/** Found in the execution a request started; null for the bare JSON literals. */
	marker: string | null;
	/** For wrong-JSON-type cases: the fixture field (array positions as `*`) given a wrong type. */
	field?: string;
	expect: Expectation;
	build(nowMs: number): BuiltRequest;
}

export interface CaseContext extends MutationContext {
	account: ReliabilityAccount;
	/** The next fixture field (see bases.fieldSites) whose turn it is to get a wrong JSON type. */
	nextField(): string;
	/** The Target workflow's Max Timestamp Age, for the timestamp cases. */
	strictMaxAgeSeconds: number;
}

export type CaseDraft = Omit<HostileCase, 'index' | 'source' | 'marker' | 'category' | 'target'> & {
	target?: Target;
};

const OK: Expectation = { execute: true, statuses: [200] };
const UNAUTHORIZED: Expectation = { execute: false, statuses: [401] };
const BAD_REQUEST: Expectation = { execute: false, statuses: [400] };
const JSON_TYPE: HeaderList = [['content-type', 'application/json']];

/** How a JSON body parses, as any JSON receiver sees it (UTF-8, a leading BOM ignored). */
export function bodyVerdict(body: Buffer): 'json' | 'empty' | 'malformed' {
	let text = body.toString('utf8');
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text.trim() === '') return 'empty';
	try {
		JSON.parse(text);
		return 'json';
	} catch {
		return 'malformed';
	}
}

/** What a validly signed POST with a JSON content type must get, by its body. */
function signedJsonExpectation(body: Buffer): Expectation {
	return bodyVerdict(body) === 'json' ? OK : BAD_REQUEST;
}

function freshBody(ctx: CaseContext): { body: JsonObject; template: string } {
	const template = ctx.rng.pick(baseTemplates(ctx.source));
	return { body: uniqueBody(ctx.source, template, ctx.marker), template: template.name };
}

function serialize(ctx: CaseContext, json: Json): Buffer {
	const indent = ctx.rng.pick<number | string | undefined>([undefined, undefined, 2, '\t']);
	return Buffer.from(JSON.stringify(json, null, indent), 'utf8');
}

function validChoice(ctx: CaseContext): SignChoice {
	const requestID = ctx.rng.hex(32);
	if (ctx.source === 'callbot') return { digest: 'md5', requestID };
	const digest = ctx.rng.pick(['md5', 'sha256'] as const);
	return {
		digest,
		requestID,
		algorithmHeader: digest === 'md5' && ctx.rng.chance(0.3) ? null : digest,
	};
}

interface PostOptions {
	/** Bytes that are signed, when they differ from the bytes sent. */
	signedBody?: Buffer;
	contentType?: HeaderList;
	/** Changes the finished header list (after signing). */
	headers?: (headers: HeaderList) => HeaderList;
	method?: string;
}

/** A POST of `body` signed with `choice` (validly, unless the choice says otherwise). */
function signedPost(
	ctx: CaseContext,
	body: Buffer,
	choice: SignChoice,
	options: PostOptions = {},
): (now: number) => BuiltRequest {
	const { account, source } = ctx;
	return (now) => {
		const signed = signatureHeaders(source, account, options.signedBody ?? body, choice, now);
		let headers: HeaderList = [...(options.contentType ?? JSON_TYPE), ...signed];
		if (options.headers) headers = options.headers(headers);
		return { method: options.method ?? 'POST', headers, body };
	};
}

/**
 * Flips 1–3 random bits. With `protect`, never inside the marker or the keys that carry it into
 * the emitted item (`"nonce"`, and `"value"`, which holds a management push's event), so an
 * execution the flipped request starts can still be told apart.
 */
function flipBits(
	ctx: CaseContext,
	body: Buffer,
	protect: string | null,
): { body: Buffer; positions: number[] } {
	const protectedRanges: Array<[number, number]> = [];
	for (const text of protect ? [protect, '"nonce"', '"value"'] : []) {
		const needle = Buffer.from(text);
		for (let at = body.indexOf(needle); at >= 0; at = body.indexOf(needle, at + 1)) {
			protectedRanges.push([at - 1, at + needle.length]);
		}
	}
	const copy = Buffer.from(body);
	const positions: number[] = [];
	const flips = ctx.rng.int(1, 3);
	for (let tries = 0; positions.length < flips && tries < 100; tries++) {
		const at = ctx.rng.int(0, copy.length - 1);
		if (protectedRanges.some(([from, to]) => at >= from && at <= to)) continue;
		copy[at] ^= 1 << ctx.rng.int(0, 7);
		positions.push(at);
	}
	return { body: copy, positions };
}

const INVALID_UTF8 = [
	[0xff],
	[0xc3, 0x28],
	[0xed, 0xa0, 0x80],
	[0xf4, 0x90, 0x80, 0x80],
	[0x80],
	[0xe2, 0x82],
	[0xc0, 0xaf],
];

// ----- the categories -----------------------------------------------------------------------

const valid = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const choice = validChoice(ctx);
	return {
		detail: `${template} ${choice.digest}`,
		expect: OK,
		build: signedPost(ctx, serialize(ctx, body), choice),
	};
};

const bitflipAfterSign = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const original = serialize(ctx, body);
	const flipped = flipBits(ctx, original, null);
	return {
		detail: `${template} bits at ${flipped.positions.join(',')} flipped after signing`,
		expect: UNAUTHORIZED,
		build: signedPost(ctx, flipped.body, validChoice(ctx), { signedBody: original }),
	};
};

const bitflipBeforeSign = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const flipped = flipBits(ctx, serialize(ctx, body), ctx.marker);
	return {
		detail: `${template} bits at ${flipped.positions.join(',')} flipped, then signed`,
		expect: signedJsonExpectation(flipped.body),
		build: signedPost(ctx, flipped.body, validChoice(ctx)),
	};
};

const truncateAfterSign = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const original = serialize(ctx, body);
	const cut = ctx.rng.int(0, original.length - 1);
	return {
		detail: `${template} cut to ${cut} of ${original.length} bytes after signing`,
		expect: UNAUTHORIZED,
		build: signedPost(ctx, original.subarray(0, cut), validChoice(ctx), { signedBody: original }),
	};
};

const truncateBeforeSign = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const original = serialize(ctx, body);
	const cut = ctx.rng.int(0, original.length - 1);
	const truncated = original.subarray(0, cut);
	return {
		detail: `${template} cut to ${cut} of ${original.length} bytes, then signed`,
		expect: signedJsonExpectation(truncated),
		build: signedPost(ctx, truncated, validChoice(ctx)),
	};
};

/**
 * The first replaced value is the next field in turn (every field of every fixture shape gets
 * its turn before any repeats, see generate.ts); up to three more are random.
 */
const wrongJsonTypes = (ctx: CaseContext): CaseDraft => {
	const field = ctx.nextField();
	const site = ctx.rng.pick(fieldSites(ctx.source).get(field)!);
	const body = uniqueBody(ctx.source, site.template, ctx.marker);
	const mutated = wrongTypes(body, ctx, site.path);
	return {
		field,
		detail: `${site.template.name} ${mutated.detail}`,
		expect: OK,
		build: signedPost(ctx, serialize(ctx, mutated.body), validChoice(ctx)),
	};
};

const unknownJsonFields = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const mutated = unknownFields(body, ctx);
	return {
		detail: `${template} ${mutated.detail}`,
		expect: OK,
		build: signedPost(ctx, serialize(ctx, mutated.body), validChoice(ctx)),
	};
};

const invalidUtf8 = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const bad = Buffer.from(ctx.rng.pick(INVALID_UTF8));
	const insideString = ctx.rng.chance(0.6);
	let bytes: Buffer;
	if (insideString) {
		body.note = 'BEFORE_INVALID_AFTER';
		const text = Buffer.from(JSON.stringify(body), 'utf8');
		const at = text.indexOf('_INVALID_');
		bytes = Buffer.concat([text.subarray(0, at), bad, text.subarray(at + '_INVALID_'.length)]);
	} else {
		const text = Buffer.from(JSON.stringify(body), 'utf8');
		bytes = Buffer.concat([text.subarray(0, 1), bad, text.subarray(1)]);
	}
	return {
		detail: `${template} bytes ${bad.toString('hex')} ${insideString ? 'inside a string' : 'between tokens'}`,
		expect: signedJsonExpectation(bytes),
		build: signedPost(ctx, bytes, validChoice(ctx)),
	};
};

const unsigned = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const junk = ctx.rng.chance(0.3);
	const bytes = junk ? ctx.rng.bytes(ctx.rng.int(1, 2000)) : serialize(ctx, body);
	// Some of the signature headers, never all of them.
	const required = requiredSignatureHeaders(ctx.source);
	const keep = required.filter(() => ctx.rng.chance(0.4)).filter((name) => name !== 'sign');
	const choice = validChoice(ctx);
	return {
		detail: `${junk ? 'random bytes' : template} with only [${keep.join(',')}]`,
		expect: UNAUTHORIZED,
		build: (now) => {
			const signed = signatureHeaders(ctx.source, ctx.account, bytes, choice, now);
			return {
				method: 'POST',
				headers: [...JSON_TYPE, ...signed.filter(([n]) => keep.includes(n.toLowerCase()))],
				body: bytes,
			};
		},
	};
};

const forged = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const bytes = serialize(ctx, body);
	const kind = ctx.rng.pick(['randomSign', 'wrongSecret', 'otherBody', 'otherAccount'] as const);
	const choice = validChoice(ctx);
	const randomSign = ctx.rng.hex(choice.digest === 'sha256' ? 64 : 32);
	const otherSecret = `other-account-${ctx.rng.hex(8)}`;
	const otherAccessKey = `other${ctx.rng.hex(6)}`;
	const otherUuid = `${ctx.rng.hex(8)}-0000-4000-8000-${ctx.rng.hex(12)}`;
	const wrongSecret = `not-the-secret-${ctx.rng.hex(8)}`;
	let build: (now: number) => BuiltRequest;
	if (kind === 'randomSign') {
		build = signedPost(ctx, bytes, choice, {
			headers: (h) =>
				replaceHeader(h, 'sign', ctx.source === 'callbot' ? randomSign.toUpperCase() : randomSign),
		});
	} else if (kind === 'wrongSecret') {
		build = signedPost(ctx, bytes, { ...choice, secret: wrongSecret });
	} else if (kind === 'otherBody') {
		build = signedPost(ctx, bytes, choice, {
			signedBody: Buffer.from(JSON.stringify({ nonce: `${ctx.marker}-other` })),
		});
	} else {
		build =
			ctx.source === 'whatsapp'
				? signedPost(
						ctx,
						bytes,
						{ ...choice, secret: otherSecret },
						{ headers: (h) => replaceHeader(h, 'accesskey', otherAccessKey) },
					)
				: signedPost(ctx, bytes, { ...choice, secret: otherSecret, uuid: otherUuid });
	}
	return { detail: `${template} ${kind}`, expect: UNAUTHORIZED, build };
};

const signWrongLength = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const kind = ctx.rng.pick([
		'dropLast',
		'half',
		'appendOne',
		'appendTwo',
		'empty',
		'otherDigestLength',
	] as const);
	const choice = validChoice(ctx);
	const change = (sign: string): string => {
		switch (kind) {
			case 'dropLast':
				return sign.slice(0, -1);
			case 'half':
				return sign.slice(0, sign.length / 2);
			case 'appendOne':
				return `${sign}0`;
			case 'appendTwo':
				return `${sign}AB`;
			case 'empty':
				return '';
			case 'otherDigestLength':
				return sign.length === 32 ? `${sign}${sign}` : sign.slice(0, 32);
		}
	};
	return {
		detail: `${template} ${kind}`,
		expect: UNAUTHORIZED,
		build: signedPost(ctx, serialize(ctx, body), choice, {
			headers: (h) => replaceHeader(h, 'sign', change(headerValue(h, 'sign')!)),
		}),
	};
};

const signCase = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const kind = ctx.rng.pick(['otherCase', 'mixedCase', 'surroundingSpaces'] as const);
	const change = (sign: string): string => {
		if (kind === 'otherCase')
			return ctx.source === 'whatsapp' ? sign.toUpperCase() : sign.toLowerCase();
		if (kind === 'mixedCase')
			return [...sign].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('');
		// Optional whitespace around a header value is not part of it (RFC 9110 docs/vendor-api.md §5.5).
		return `  ${sign}\t`;
	};
	return {
		detail: `${template} ${kind}`,
		expect: OK,
		build: signedPost(ctx, serialize(ctx, body), validChoice(ctx), {
			headers: (h) => replaceHeader(h, 'sign', change(headerValue(h, 'sign')!)),
		}),
	};
};

const signNotHex = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const replacement = ctx.rng.pick(['g', 'z', '-', ' ', Buffer.from([0xe4]).toString('latin1')]);
	const at = ctx.rng.int(1, 30);
	return {
		detail: `${template} sign[${at}]=${JSON.stringify(replacement)}`,
		expect: UNAUTHORIZED,
		build: signedPost(ctx, serialize(ctx, body), validChoice(ctx), {
			headers: (h) => {
				const sign = headerValue(h, 'sign')!;
				return replaceHeader(
					h,
					'sign',
					Buffer.from(sign.slice(0, at) + replacement + sign.slice(at + 1), 'latin1'),
				);
			},
		}),
	};
};

const duplicatedHeader = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const required = requiredSignatureHeaders(ctx.source);
	const kind = ctx.rng.pick([
		'signatureSame',
		'signatureOther',
		'contentType',
		'harmless',
		'contentLength',
	] as const);
	const name = ctx.rng.pick(required);
	const otherValue = ctx.rng.hex(16);
	const secondValue = ctx.rng.hex(8);
	const duplicate = (headers: HeaderList): HeaderList => {
		switch (kind) {
			case 'signatureSame':
			case 'signatureOther': {
				const i = headers.findIndex(([n]) => n.toLowerCase() === name);
				const copy: [string, string | Buffer] = [
					headers[i][0],
					kind === 'signatureSame' ? headers[i][1] : otherValue,
				];
				return [...headers.slice(0, i + 1), copy, ...headers.slice(i + 1)];
			}
			case 'contentType':
				// Node keeps the first Content-Type of a request and drops the rest.
				return [...headers, ['content-type', 'text/plain']];
			case 'harmless':
				return [...headers, ['x-request-id', otherValue], ['x-request-id', secondValue]];
			case 'contentLength':
				// Two different lengths: request smuggling territory; Node refuses the request.
				return [...headers, ['content-length', '1'], ['content-length', '2']];
		}
	};
	const expect =
		kind === 'contentType' || kind === 'harmless'
			? OK
			: kind === 'contentLength'
				? BAD_REQUEST
				: UNAUTHORIZED;
	return {
		detail: `${template} ${kind}${kind.startsWith('signature') ? ` ${name}` : ''}`,
		expect,
		build: signedPost(ctx, serialize(ctx, body), validChoice(ctx), { headers: duplicate }),
	};
};

const missingHeader = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const name = ctx.rng.pick([...requiredSignatureHeaders(ctx.source), 'content-type', 'host']);
	const blank = name !== 'host' && ctx.rng.chance(0.3);
	const expect = requiredSignatureHeaders(ctx.source).includes(name) ? UNAUTHORIZED : BAD_REQUEST;
	const post = signedPost(ctx, serialize(ctx, body), validChoice(ctx), {
		headers: (h) => (blank ? replaceHeader(h, name, '') : withoutHeader(h, name)),
	});
	return {
		detail: `${template} ${name} ${blank ? 'empty' : 'missing'}`,
		expect,
		build: (now) => ({ ...post(now), omitHost: name === 'host' }),
	};
};

const oversizedHeader = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const kind = ctx.rng.pick(['longSign', 'hugeHeader', 'manyHeaders'] as const);
	const padding = ctx.rng.int(4_000, 12_000);
	const huge = ctx.rng.int(20_000, 64_000);
	const headers = (h: HeaderList): HeaderList => {
		if (kind === 'longSign')
			return replaceHeader(h, 'sign', headerValue(h, 'sign')! + 'a'.repeat(padding));
		if (kind === 'hugeHeader') return [...h, ['x-huge', 'h'.repeat(huge)]];
		return [
			...h,
			...Array.from({ length: 600 }, (_, i): [string, string] => [`x-many-${i}`, 'm'.repeat(32)]),
		];
	};
	// Past Node's 16 KiB header limit the server answers 431, or closes the connection.
	const expect = kind === 'longSign' ? UNAUTHORIZED : { execute: false, statuses: [431, 0] };
	return {
		detail: `${template} ${kind}${kind === 'longSign' ? ` +${padding}` : kind === 'hugeHeader' ? ` ${huge} bytes` : ''}`,
		expect,
		build: signedPost(ctx, serialize(ctx, body), validChoice(ctx), { headers }),
	};
};

const headerBytes = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const kind = ctx.rng.pick([
		'nonAsciiSignatureHeader',
		'controlCharacter',
		'utf8InOtherHeader',
	] as const);
	const name = ctx.rng.pick(requiredSignatureHeaders(ctx.source));
	const headers = (h: HeaderList): HeaderList => {
		if (kind === 'nonAsciiSignatureHeader')
			return replaceHeader(
				h,
				name,
				Buffer.concat([
					Buffer.from(headerValue(h, name)!, 'latin1'),
					Buffer.from([0xc3, 0xa9, 0xff]),
				]),
			);
		if (kind === 'controlCharacter') return [...h, ['x-note', Buffer.from([0x61, 0x01, 0x62])]];
		return [...h, ['x-note', Buffer.from('héllo wörld 你好', 'utf8')]];
	};
	const expect =
		kind === 'nonAsciiSignatureHeader'
			? UNAUTHORIZED
			: kind === 'controlCharacter'
				? BAD_REQUEST
				: OK;
	return {
		detail: `${template} ${kind}${kind === 'nonAsciiSignatureHeader' ? ` ${name}` : ''}`,
		expect,
		build: signedPost(ctx, serialize(ctx, body), validChoice(ctx), { headers }),
	};
};

const timestamp = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const kind = ctx.rng.pick([
		'now',
		'nearPast',
		'nearFuture',
		'hourAhead',
		'tenYearsAhead',
		'hourAgo',
		'tenYearsAgo',
		'zero',
		'one',
		'nonNumeric',
	] as const);
	const token = ctx.rng.pick(['abc', '1e12', '-5', '12.5', 'NaN', '0x1F', '99999999999999999999']);
	const target: Target = ctx.rng.chance(0.5) ? 'strict' : 'default';
	const fresh = kind === 'now' || kind === 'nearPast' || kind === 'nearFuture';
	const unit = ctx.source === 'whatsapp' ? 1 : 1000;
	const offsetMs: Record<string, number> = {
		now: 0,
		nearPast: -60_000,
		nearFuture: 60_000,
		hourAhead: 3_600_000,
		tenYearsAhead: 315_360_000_000,
		hourAgo: -3_600_000,
		tenYearsAgo: -315_360_000_000,
	};
	const choice = validChoice(ctx);
	const bytes = serialize(ctx, body);
	return {
		target,
		detail: `${template} ${kind === 'nonNumeric' ? `"${token}"` : kind} to the ${target} workflow`,
		// Max Timestamp Age is 0 (off) on the default workflow: every validly signed request runs.
		expect: target === 'default' || fresh ? OK : UNAUTHORIZED,
		build: (now) => {
			let value: string;
			if (kind === 'zero') value = '0';
			else if (kind === 'one') value = '1';
			else if (kind === 'nonNumeric') value = token;
			else value = String(Math.floor((now + offsetMs[kind]) / unit));
			return signedPost(ctx, bytes, { ...choice, timestamp: value })(now);
		},
	};
};

const otherMethod = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const method = ctx.rng.pick(['GET', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
	// n8n's answers for a webhook registered for POST only: 404 "not registered for <method>";
	// OPTIONS is a CORS preflight, answered 204.
	return {
		detail: `${template} ${method}`,
		expect: { execute: false, statuses: [method === 'OPTIONS' ? 204 : 404] },
		build: signedPost(ctx, serialize(ctx, body), validChoice(ctx), { method }),
	};
};

const JSON_CONTENT_TYPES = [
	'application/json',
	'application/json; charset=utf-8',
	'Application/JSON',
	'application/json;charset=UTF-8;foo=bar',
	'text/json',
	'application/vnd.nxcloud+json',
];
const OTHER_CONTENT_TYPES = [
	'text/plain',
	'application/x-www-form-urlencoded',
	'multipart/form-data; boundary=----x',
	'application/xml',
	'text/xml',
	'text/html',
	'application/octet-stream',
	'image/png',
	'application/jsonx',
	'application/json-seq',
	'json',
	'*/*',
	'',
	';;;',
];

const contentType = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const kind = ctx.rng.pick(['json', 'other', 'other', 'missing'] as const);
	const value =
		kind === 'json' ? ctx.rng.pick(JSON_CONTENT_TYPES) : ctx.rng.pick(OTHER_CONTENT_TYPES);
	return {
		detail: `${template} ${kind === 'missing' ? 'no Content-Type' : JSON.stringify(value)}`,
		expect: kind === 'json' ? OK : BAD_REQUEST,
		build: signedPost(ctx, serialize(ctx, body), validChoice(ctx), {
			contentType: kind === 'missing' ? [] : [['content-type', value]],
		}),
	};
};

const contentEncoding = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const plain = serialize(ctx, body);
	const kind = ctx.rng.pick(['gzip', 'deflate', 'gzipButPlain', 'gzipTruncated'] as const);
	const wire =
		kind === 'gzip'
			? gzipSync(plain)
			: kind === 'deflate'
				? deflateSync(plain)
				: kind === 'gzipTruncated'
					? gzipSync(plain).subarray(0, 12)
					: plain;
	// n8n inflates gzip/deflate bodies before the trigger sees them; NXCloud signs the JSON.
	const expect = kind === 'gzip' || kind === 'deflate' ? OK : BAD_REQUEST;
	return {
		detail: `${template} ${kind}`,
		expect,
		build: signedPost(ctx, wire, validChoice(ctx), {
			signedBody: plain,
			headers: (h) => [...h, ['content-encoding', kind === 'deflate' ? 'deflate' : 'gzip']],
		}),
	};
};

const emptyBody = (ctx: CaseContext): CaseDraft => {
	const text = ctx.rng.pick(['', '   ', '\n', '\ufeff', '\ufeff \r\n']);
	return {
		detail: JSON.stringify(text),
		expect: BAD_REQUEST,
		build: signedPost(ctx, Buffer.from(text, 'utf8'), validChoice(ctx)),
	};
};

const algorithmHeader = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const requestID = ctx.rng.hex(32);
	// [header value (null = none), digest signed with, accepted?]
	const variants: Array<[string | null, 'md5' | 'sha256', boolean]> =
		ctx.source === 'whatsapp'
			? [
					['MD5', 'md5', true],
					['SHA256', 'sha256', true],
					['Sha256', 'sha256', true],
					[null, 'md5', true],
					[null, 'sha256', false],
					['sha1', 'md5', false],
					['sha-256', 'sha256', false],
					['md5', 'sha256', false],
					['', 'md5', true],
				]
			: [
					['md5', 'md5', true],
					['MD5', 'md5', true],
					['SHA256', 'sha256', true],
					['sha256', 'sha256', true],
					[null, 'sha256', false],
					['sha1', 'md5', false],
					['MD5', 'sha256', false],
				];
	const [header, digest, accepted] = ctx.rng.pick(variants);
	return {
		detail: `${template} algorithm ${header === null ? '(none)' : JSON.stringify(header)}, signed ${digest}`,
		expect: accepted ? OK : UNAUTHORIZED,
		build: signedPost(ctx, serialize(ctx, body), { digest, requestID, algorithmHeader: header }),
	};
};

const uuidMismatch = (ctx: CaseContext): CaseDraft => {
	const { body, template } = freshBody(ctx);
	const uuid = `${ctx.rng.hex(8)}-1111-4111-8111-${ctx.rng.hex(12)}`;
	// The right secret, another account's uuid: NXCloud would never send it to this URL.
	return {
		detail: `${template} uuid ${uuid}`,
		expect: UNAUTHORIZED,
		build: signedPost(ctx, serialize(ctx, body), { ...validChoice(ctx), uuid }),
	};
};

/** Weighted categories for both sources (the Callbot-only ones are added by the generator). */
export const CATEGORIES = {
	valid: { weight: 8, make: valid },
	bitflipAfterSign: { weight: 6, make: bitflipAfterSign },
	bitflipBeforeSign: { weight: 6, make: bitflipBeforeSign },
	truncateAfterSign: { weight: 4, make: truncateAfterSign },
	truncateBeforeSign: { weight: 4, make: truncateBeforeSign },
	wrongJsonTypes: { weight: 10, make: wrongJsonTypes },
	unknownJsonFields: { weight: 6, make: unknownJsonFields },
	invalidUtf8: { weight: 4, make: invalidUtf8 },
	unsigned: { weight: 4, make: unsigned },
	forged: { weight: 5, make: forged },
	signWrongLength: { weight: 4, make: signWrongLength },
	signCase: { weight: 3, make: signCase },
	signNotHex: { weight: 2, make: signNotHex },
	duplicatedHeader: { weight: 5, make: duplicatedHeader },
	missingHeader: { weight: 5, make: missingHeader },
	oversizedHeader: { weight: 3, make: oversizedHeader },
	headerBytes: { weight: 3, make: headerBytes },
	timestamp: { weight: 8, make: timestamp },
	otherMethod: { weight: 4, make: otherMethod },
	contentType: { weight: 6, make: contentType },
	contentEncoding: { weight: 3, make: contentEncoding },
	emptyBody: { weight: 1, make: emptyBody },
	algorithmHeader: { weight: 3, make: algorithmHeader },
} as const;

export const CALLBOT_CATEGORIES = { uuidMismatch: { weight: 2, make: uuidMismatch } } as const;

// ----- the few heavy cases, a fixed number per source ---------------------------------------

export const DEEP_NESTING_LEVELS = 10_000;
export const HUGE_STRING_BYTES = 5 * 1024 * 1024;

export function deepNesting(ctx: CaseContext, signedValidly: boolean): CaseDraft {
	const { body, template } = freshBody(ctx);
	const kind = ctx.rng.pick(['object', 'array'] as const);
	// inside an event; beside it (at the root); or in a push of no known shape, whose only
	// identity is its content (so the redelivery key is computed over the nested value too).
	const place = ctx.rng.pick(['inside', 'inside', 'beside', 'unknownShape'] as const);
	const nested = deeplyNested(DEEP_NESTING_LEVELS, kind, ctx.marker);
	const text =
		place === 'unknownShape'
			? `{"nonce":${JSON.stringify(ctx.marker)},"deep":${nested}}`
			: withRawField(body, ctx.source, 'deep', nested, place === 'beside');
	const bytes = Buffer.from(text, 'utf8');
	return {
		detail: [
			place === 'unknownShape' ? 'a push of unknown shape with' : `${template} with`,
			`${DEEP_NESTING_LEVELS} nested ${kind}s`,
			place === 'unknownShape' ? '' : `${place} the event`,
			signedValidly ? '' : '(bad signature)',
		]
			.filter(Boolean)
			.join(' '),
		// Signature first (401); a validly signed push nested this deep is refused with 400
		// too_deeply_nested: n8n could not even read such an execution back (its API answers 500).
		expect: signedValidly ? BAD_REQUEST : UNAUTHORIZED,
		build: signedPost(
			ctx,
			bytes,
			signedValidly ? validChoice(ctx) : { ...validChoice(ctx), secret: 'wrong' },
		),
	};
}

export function hugeString(ctx: CaseContext, signedValidly: boolean): CaseDraft {
	const { body, template } = freshBody(ctx);
	const unit = ctx.rng.pick(['x', 'ü', '你', 'ab\\"c']);
	const repeat = Math.ceil(
		HUGE_STRING_BYTES / Buffer.byteLength(unit === 'ab\\"c' ? 'ab"c' : unit),
	);
	const text = withRawField(
		body,
		ctx.source,
		'huge',
		`"${unit.repeat(repeat)}"`,
		ctx.rng.chance(0.3),
	);
	return {
		detail: `${template} a ${HUGE_STRING_BYTES / 1024 / 1024} MB string of ${JSON.stringify(unit)}${signedValidly ? '' : ', bad signature'}`,
		expect: signedValidly ? OK : UNAUTHORIZED,
		build: signedPost(
			ctx,
			Buffer.from(text, 'utf8'),
			signedValidly ? validChoice(ctx) : { ...validChoice(ctx), secret: 'wrong' },
		),
	};
}

/** A gzip body that inflates past n8n's body limit: refused while reading, 413. */
export function gzipBomb(ctx: CaseContext, inflatedMiB: number): CaseDraft {
	const plain = Buffer.alloc(inflatedMiB * 1024 * 1024, 0x20);
	const wire = gzipSync(plain, { level: 9 });
	return {
		detail: `gzip of ${wire.length} bytes inflating to ${inflatedMiB} MiB`,
		expect: { execute: false, statuses: [413] },
		build: signedPost(ctx, wire, validChoice(ctx), {
			signedBody: Buffer.from('{}'),
			headers: (h) => [...h, ['content-encoding', 'gzip']],
		}),
	};
}

/** Bare JSON values as the whole body, validly signed: each once, so none is a redelivery. */
export const JSON_LITERALS = ['null', 'true', 'false', '0', '""', '[]', '{}'];

export function jsonLiteral(ctx: CaseContext, literal: string): CaseDraft {
	return {
		detail: literal,
		expect: OK,
		build: signedPost(ctx, Buffer.from(literal), validChoice(ctx)),
	};
}
