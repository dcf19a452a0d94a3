// An HTTP/1.1 client that writes the request bytes itself, so a test can send what well-behaved
// clients refuse to: duplicated headers, header values with raw non-ASCII bytes, oversized
// headers, any method, a body that does not match its Content-Type. One connection per request
// (Connection: close), loopback only.
import { connect } from 'node:net';

export interface RawRequest {
	method: string;
	/** Absolute http:// URL; only host, port, path and query are used. */
	url: string;
	/** Header lines in order; a name may repeat. Values are written as latin1 bytes. */
	headers: Array<[name: string, value: string | Buffer]>;
	body?: Buffer;
	/** Send no Host header (the client adds one otherwise). */
	omitHost?: boolean;
	/** Give up after this long (the answer then counts as `timeout`). Default 60 s. */
	timeoutMs?: number;
}

export interface RawResponse {
	/** 0 when no status line came back (connection reset or closed first, or timeout). */
	status: number;
	headers: Record<string, string>;
	body: Buffer;
	/** Why no answer came back, when status is 0. */
	failure?: 'reset' | 'closed' | 'timeout';
}

function head(request: RawRequest, target: URL, bodyLength: number): Buffer {
	const lines: Buffer[] = [
		Buffer.from(`${request.method} ${target.pathname}${target.search} HTTP/1.1\r\n`, 'latin1'),
	];
	const names = new Set(request.headers.map(([name]) => name.toLowerCase()));
	if (!names.has('host') && !request.omitHost)
		lines.push(Buffer.from(`Host: ${target.host}\r\n`, 'latin1'));
	if (!names.has('content-length') && !names.has('transfer-encoding')) {
		lines.push(Buffer.from(`Content-Length: ${bodyLength}\r\n`, 'latin1'));
	}
	if (!names.has('connection')) lines.push(Buffer.from('Connection: close\r\n', 'latin1'));
	for (const [name, value] of request.headers) {
		lines.push(
			Buffer.from(`${name}: `, 'latin1'),
			Buffer.isBuffer(value) ? value : Buffer.from(value, 'latin1'),
			Buffer.from('\r\n'),
		);
	}
	lines.push(Buffer.from('\r\n'));
	return Buffer.concat(lines);
}

function dechunk(body: Buffer): Buffer {
	const parts: Buffer[] = [];
	let offset = 0;
	while (offset < body.length) {
		const lineEnd = body.indexOf('\r\n', offset);
		if (lineEnd < 0) break;
		const size = parseInt(body.subarray(offset, lineEnd).toString('latin1'), 16);
		if (!Number.isFinite(size) || size === 0) break;
		parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
		offset = lineEnd + 2 + size + 2;
	}
	return Buffer.concat(parts);
}

/** Parses what came back on the socket; status 0 if there is no complete status line and head. */
export function parseResponse(raw: Buffer): Omit<RawResponse, 'failure'> {
	const end = raw.indexOf('\r\n\r\n');
	if (end < 0) return { status: 0, headers: {}, body: Buffer.alloc(0) };
	const [statusLine, ...headerLines] = raw.subarray(0, end).toString('latin1').split('\r\n');
	const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
	if (!match) return { status: 0, headers: {}, body: Buffer.alloc(0) };
	const headers: Record<string, string> = {};
	for (const line of headerLines) {
		const colon = line.indexOf(':');
		if (colon > 0)
			headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	let body = raw.subarray(end + 4);
	if ((headers['transfer-encoding'] ?? '').toLowerCase().includes('chunked')) body = dechunk(body);
	return { status: Number(match[1]), headers, body };
}

/**
 * Sends one request and resolves with whatever answer arrived. Never rejects: a reset or timeout
 * resolves with status 0 and the reason, so a caller can count it (the server may have answered
 * and closed while the body was still being written; what it answered is kept).
 */
export function rawRequest(request: RawRequest): Promise<RawResponse> {
	const target = new URL(request.url);
	const body = request.body ?? Buffer.alloc(0);
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let settled = false;
		const socket = connect({ host: target.hostname, port: Number(target.port || 80) });
		const finish = (failure?: RawResponse['failure']) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			socket.destroy();
			const parsed = parseResponse(Buffer.concat(chunks));
			resolve(parsed.status === 0 ? { ...parsed, failure: failure ?? 'closed' } : parsed);
		};
		const timer = setTimeout(() => finish('timeout'), request.timeoutMs ?? 60_000);
		socket.on('connect', () => {
			socket.write(head(request, target, body.length));
			if (body.length > 0) socket.write(body);
		});
		socket.on('data', (chunk: Buffer) => chunks.push(chunk));
		socket.on('end', () => finish());
		socket.on('close', () => finish());
		// EPIPE / ECONNRESET: the server may have answered already (e.g. 413, 431) and closed.
		socket.on('error', () => finish('reset'));
	});
}
