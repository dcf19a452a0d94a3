import type { IDataObject } from 'n8n-workflow';

import type { Refusal } from './signature';

/** The parts of n8n's request object the trigger uses (n8n's is an express Request). */
export interface RawBodyRequest {
	headers: IDataObject;
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
	/** The request stream's own members (n8n's request is a node IncomingMessage). */
	readableEnded?: boolean;
	destroyed?: boolean;
	resume?: () => unknown;
	unpipe?: () => unknown;
	once?: (event: 'end' | 'close' | 'error', listener: () => void) => unknown;
	removeListener?: (event: 'end' | 'close' | 'error', listener: () => void) => unknown;
}

/**
 * How long an oversized upload is read and thrown away before the 413 is written. Long enough for
 * a loopback or LAN sender; a sender still uploading after this may see a reset instead.
 */
export const DISCARD_UNREAD_BODY_MS = 15_000;

/** The parts of n8n's response object the trigger uses (an express / node ServerResponse). */
export interface JsonResponse {
	writeHead(status: number, headers: Record<string, string>): unknown;
	end(body: string): unknown;
}

/** Writes a JSON answer directly; the caller then returns `{ noWebhookResponse: true }`. */
export function respondJson(res: JsonResponse, status: number, body: IDataObject): void {
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify(body));
}

/** Lowercase header names (Node already gives them so) with one string value each. */
export function singleValueHeaders(headers: IDataObject): Record<string, string | undefined> {
	const result: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(headers)) {
		const first = Array.isArray(value) ? value[0] : value;
		result[name.toLowerCase()] = first === undefined || first === null ? undefined : String(first);
	}
	return result;
}

/**
 * The raw request bytes, reading them if n8n has not (it does not for this node: see the hidden
 * "options" parameter). gzip/deflate bodies arrive decompressed: n8n inflates them while reading.
 * A body over n8n's size limit, or an aborted upload, is answered here instead of failing the
 * webhook (which would record a failed execution); an oversized one is first read to its end and
 * thrown away, so the sender gets the 413 rather than a reset connection.
 */
export async function readRequestBody(
	req: RawBodyRequest,
): Promise<{ rawBody: Buffer } | { refusal: Refusal }> {
	if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === 'function') {
		try {
			await req.readRawBody();
		} catch (error) {
			const status = Number((error as IDataObject).status ?? (error as IDataObject).statusCode);
			if (status === 413) {
				await discardUnreadBody(req, DISCARD_UNREAD_BODY_MS);
				return {
					refusal: {
						status: 413,
						body: {
							error: 'The request body is larger than this n8n accepts (N8N_PAYLOAD_SIZE_MAX)',
							reason: 'body_too_large',
						},
					},
				};
			}
			return {
				refusal: {
					status: 400,
					body: {
						error: `The request body could not be read: ${(error as Error).message}`,
						reason: 'unreadable_body',
					},
				},
			};
		}
	}
	return { rawBody: Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.alloc(0) };
}

/**
 * Reads the rest of a request body and throws it away, for at most `limitMs`.
 *
 * n8n's size limit stops the read as soon as Content-Length is over it, with the upload still
 * arriving. Answering then and closing the connection makes the kernel reset it (unread bytes),
 * and the sender may get the reset before our 413: it sees "connection reset", never the reason.
 * Draining first means the sender finishes writing and then reads the answer, like nginx's
 * lingering close. Nothing is kept, so memory stays flat however large the upload.
 */
export async function discardUnreadBody(req: RawBodyRequest, limitMs: number): Promise<void> {
	if (req.readableEnded || req.destroyed || typeof req.resume !== 'function') return;
	if (typeof req.once !== 'function' || typeof req.removeListener !== 'function') return;
	const once = req.once.bind(req);
	const removeListener = req.removeListener.bind(req);
	let done = () => {};
	const ended = new Promise<void>((resolve) => {
		done = () => resolve();
		for (const event of ['end', 'close', 'error'] as const) once(event, done);
	});
	// raw-body left the request paused (and piped into gunzip for a gzip body): let it flow.
	req.unpipe?.();
	req.resume();
	// AbortSignal.timeout's timer is unref'd: a drained request leaves nothing keeping a process up.
	const limit = AbortSignal.timeout(limitMs);
	const limitReached = new Promise<void>((resolve) =>
		limit.addEventListener('abort', () => resolve(), { once: true }),
	);
	await Promise.race([ended, limitReached]);
	for (const event of ['end', 'close', 'error'] as const) removeListener(event, done);
}
