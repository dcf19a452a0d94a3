// Every request the stand-in receives, kept in arrival order so tests can assert on exactly what
// a node put on the wire (headers, signed body) and on how the stand-in judged it.
import type { IncomingHttpHeaders } from 'node:http';

import type { FaultKind } from './faults';

export type ApiFamily = 'openPlatform' | 'callbot' | 'none';

/** Bodies up to this size keep their parsed JSON; larger ones re-parse on each json() call. */
const JSON_CACHE_LIMIT = 1024 * 1024;
/** Response bodies up to this size are kept as text; an export of 100,000 rows is not. */
const RESPONSE_KEEP_LIMIT = 256 * 1024;

export interface RecordedRequest {
	/** 1, 2, 3 … in arrival order. */
	id: number;
	/** Arrival time, ms since the epoch. */
	at: number;
	method: string;
	/** URL path without the query string. */
	path: string;
	/** Path and query as sent. */
	url: string;
	api: ApiFamily;
	/** Header names are lowercase (Node's doing); values as received. */
	headers: IncomingHttpHeaders;
	/** The body after gunzip; empty when `recordBodies: false`. */
	body: Buffer;
	bodySize: number;
	/** Bytes on the wire (differs from bodySize for gzip requests). */
	wireSize: number;
	contentEncoding?: string;
	/** Parses `body` as UTF-8 JSON on demand (throws on invalid JSON). */
	json(): unknown;
	/** Filled in when the answer is written (or the socket is destroyed / left hanging). */
	answered: boolean;
	status?: number;
	/** Open-platform envelope code sent back. */
	code?: number;
	/** Callbot retCode sent back (ping: its `code`). */
	retCode?: number;
	/** Our own words for a refusal, e.g. "ts outside ±60000 ms"; never sent to the client. */
	reason?: string;
	/** The fault that this request consumed, if any. */
	fault?: FaultKind;
	durationMs?: number;
	responseHeaders?: Record<string, string>;
	/** Uncompressed response text when at most 256 KiB; undefined otherwise. */
	responseBody?: string;
	responseSize?: number;
}

export interface NewRecord {
	method: string;
	path: string;
	url: string;
	api: ApiFamily;
	headers: IncomingHttpHeaders;
	body: Buffer;
	wireSize: number;
	contentEncoding?: string;
}

export class RequestLog {
	readonly requests: RecordedRequest[] = [];
	private nextId = 1;

	constructor(private readonly keepBodies: boolean) {}

	add(input: NewRecord): RecordedRequest {
		const body = this.keepBodies ? input.body : Buffer.alloc(0);
		let cached: { value: unknown } | undefined;
		const record: RecordedRequest = {
			id: this.nextId++,
			at: Date.now(),
			method: input.method,
			path: input.path,
			url: input.url,
			api: input.api,
			headers: input.headers,
			body,
			bodySize: input.body.length,
			wireSize: input.wireSize,
			contentEncoding: input.contentEncoding,
			answered: false,
			json() {
				if (cached) return cached.value;
				const value: unknown = JSON.parse(body.toString('utf8'));
				if (body.length <= JSON_CACHE_LIMIT) cached = { value };
				return value;
			},
		};
		this.requests.push(record);
		return record;
	}

	/** Marks a record answered and keeps what was sent back. */
	static settle(
		record: RecordedRequest,
		outcome: {
			status?: number;
			code?: number;
			retCode?: number;
			reason?: string;
			headers?: Record<string, string>;
			body?: Buffer;
		},
	): void {
		record.answered = outcome.status !== undefined;
		record.status = outcome.status;
		record.code = outcome.code;
		record.retCode = outcome.retCode;
		record.reason = outcome.reason ?? record.reason;
		record.durationMs = Date.now() - record.at;
		record.responseHeaders = outcome.headers;
		if (outcome.body) {
			record.responseSize = outcome.body.length;
			if (outcome.body.length <= RESPONSE_KEEP_LIMIT)
				record.responseBody = outcome.body.toString('utf8');
		}
	}

	/** Requests whose path ends with `suffix`, e.g. requestsTo('/importBatchCall'). */
	requestsTo(suffix: string): RecordedRequest[] {
		return this.requests.filter((r) => r.path.endsWith(suffix));
	}

	/** Empties the log (the array object stays the same) and restarts ids at 1. */
	clear(): void {
		this.requests.length = 0;
		this.nextId = 1;
	}
}
