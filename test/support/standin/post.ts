// A minimal HTTP POST over node:http(s) that returns the raw answer. Used by the sender (NXCloud →
// your webhook) and by tests talking to the stand-in. No keep-alive agent, so nothing lingers
// after a test file ends, and header names go out exactly as given.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { gunzipSync } from 'node:zlib';

export interface PostResult {
	status: number;
	headers: IncomingHttpHeaders;
	/** The response body, gunzipped when it came with Content-Encoding: gzip. */
	body: Buffer;
	/** The body bytes as they came over the wire. */
	wireBody: Buffer;
	text(): string;
	json(): any;
}

export interface PostOptions {
	headers?: Record<string, string>;
	/** Give up (reject) after this many ms; default 30000. */
	timeoutMs?: number;
	method?: string;
}

export function post(
	url: string,
	body: Buffer | string,
	options: PostOptions = {},
): Promise<PostResult> {
	const target = new URL(url);
	const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
	const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
	return new Promise((resolve, reject) => {
		const req = send(
			target,
			{
				method: options.method ?? 'POST',
				agent: false,
				headers: { ...(options.headers ?? {}), 'content-length': String(payload.length) },
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('error', reject);
				res.on('end', () => {
					const wireBody = Buffer.concat(chunks);
					const gzipped = String(res.headers['content-encoding'] ?? '').toLowerCase() === 'gzip';
					const decoded = gzipped ? gunzipSync(wireBody) : wireBody;
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: decoded,
						wireBody,
						text: () => decoded.toString('utf8'),
						json: () => JSON.parse(decoded.toString('utf8')),
					});
				});
			},
		);
		req.setTimeout(options.timeoutMs ?? 30000, () =>
			req.destroy(new Error(`POST ${url} timed out`)),
		);
		req.on('error', reject);
		req.end(payload);
	});
}
