// Small HTTP helpers shared by both APIs of the stand-in: header lookup, body decoding, replies.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';

const gunzipAsync = promisify(gunzip);

/**
 * Case-insensitive header lookup. Node already lowercases `req.headers` keys, but header objects
 * built by hand (tests, the sender) may not be, so every lookup goes through here. A repeated
 * header yields its first value; an empty value counts as absent.
 */
export function headerOf(
	headers: IncomingHttpHeaders | Record<string, unknown>,
	name: string,
): string | undefined {
	const wanted = name.toLowerCase();
	for (const key of Object.keys(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		const raw = headers[key];
		const value = Array.isArray(raw) ? raw[0] : raw;
		if (value === undefined || value === null) return undefined;
		const text = String(value);
		return text === '' ? undefined : text;
	}
	return undefined;
}

/** 32 lowercase hex characters, the shape of the vendor's traceId / responseID values. */
export function traceId(): string {
	return randomBytes(16).toString('hex');
}

export class BodyTooLarge extends Error {}

/**
 * Reads the whole request body as the bytes that came over the wire. Chunks are kept in a list and
 * joined once, so a 20 MB import costs one copy, not one per chunk.
 */
export function readWire(req: IncomingMessage, limit: number): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) {
				reject(new BodyTooLarge(`request body over ${limit} bytes`));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
		req.on('error', reject);
	});
}

export type Decoded = { ok: true; body: Buffer } | { ok: false; reason: string };

/**
 * Undoes Content-Encoding. Only gzip (and identity) is understood: Callbot documents gzip
 * request bodies (docs/vendor-api.md §5.2); a body that does not gunzip, or any other coding, is a bad request.
 */
export async function decodeBody(
	wire: Buffer,
	contentEncoding: string | undefined,
): Promise<Decoded> {
	const coding = (contentEncoding ?? 'identity').trim().toLowerCase();
	if (coding === 'identity' || coding === '') return { ok: true, body: wire };
	if (coding !== 'gzip' && coding !== 'x-gzip') {
		return { ok: false, reason: `unsupported Content-Encoding "${contentEncoding}"` };
	}
	try {
		return { ok: true, body: await gunzipAsync(wire) };
	} catch (error) {
		return { ok: false, reason: `body does not gunzip: ${(error as Error).message}` };
	}
}

/** True when the client listed gzip in Accept-Encoding without refusing it (q=0). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
	if (!acceptEncoding) return false;
	return acceptEncoding.split(',').some((part) => {
		const [coding, ...params] = part.trim().toLowerCase().split(';');
		if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return q === undefined || Number(q.slice(2)) > 0;
	});
}

/** What a handler wants sent. The server adds gzip and writes it; the recorder keeps the codes. */
export interface Reply {
	status: number;
	headers: Record<string, string>;
	body: Buffer;
	/** Gzip the body when the client accepts it (Callbot answers only). */
	compressible?: boolean;
	/** Open-platform envelope code, for the recording. */
	code?: number;
	/** Callbot envelope retCode (or ping's `code`), for the recording. */
	retCode?: number;
	/** Why the request was refused, in our words; never sent, only recorded. */
	reason?: string;
}

export function jsonReply(
	status: number,
	value: unknown,
	extra: Omit<Partial<Reply>, 'status' | 'body'> = {},
): Reply {
	return {
		...extra,
		status,
		headers: { 'content-type': 'application/json;charset=UTF-8', ...(extra.headers ?? {}) },
		body: Buffer.from(JSON.stringify(value), 'utf8'),
	};
}

export function textReply(
	status: number,
	text: string,
	contentType = 'text/plain; charset=utf-8',
): Reply {
	return { status, headers: { 'content-type': contentType }, body: Buffer.from(text, 'utf8') };
}

/** One received request as the API handlers see it. */
export interface Exchange {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	/** Body after Content-Encoding was undone (the bytes that are signed). */
	body: Buffer;
	/** Set when Content-Encoding could not be undone; `body` is then the wire bytes. */
	decodeError?: string;
	/** Arrival time in ms, from the stand-in's clock. */
	now: number;
	/** The query string of the URL (download links carry their signature there). */
	query?: URLSearchParams;
}

/** JSON.parse of the body as UTF-8; undefined when it is not JSON. */
export function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(body.toString('utf8')) };
	} catch {
		return { ok: false };
	}
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
