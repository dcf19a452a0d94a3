import type { IDataObject } from 'n8n-workflow';

import type { Refusal } from './signature';

/** The parts of n8n's request object the trigger uses (n8n's is an express Request). */
export interface RawBodyRequest {
	headers: IDataObject;
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
}

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
 * webhook (which would record a failed execution).
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
