import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { callbotAlgorithmFromHeader } from '../signing/callbot';
import { missingCredentialField } from '../signing/signRequest';
import type { TriggerSource } from '../events/types';
import type { Refusal } from './verify';
import type { TriggerSecrets } from './settings';

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
export async function readRequestBody(req: RawBodyRequest): Promise<{ rawBody: Buffer } | { refusal: Refusal }> {
	if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === 'function') {
		try {
			await req.readRawBody();
		} catch (error) {
			const status = Number((error as IDataObject).status ?? (error as IDataObject).statusCode);
			if (status === 413) {
				return { refusal: { status: 413, body: { error: 'The request body is larger than this n8n accepts (N8N_PAYLOAD_SIZE_MAX)', reason: 'body_too_large' } } };
			}
			return { refusal: { status: 400, body: { error: `The request body could not be read: ${(error as Error).message}`, reason: 'unreadable_body' } } };
		}
	}
	return { rawBody: Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.alloc(0) };
}

const FIELDS_BY_SOURCE: Record<TriggerSource, readonly string[]> = {
	whatsapp: ['accessSecret'],
	callbot: ['callbotUuid', 'callbotSecretKey'],
};

/**
 * The secrets the signature check of `source` needs, or a message naming what is missing
 * (no credential selected, or an empty field).
 */
export async function loadSecrets(
	context: IHookFunctions | IWebhookFunctions,
	source: TriggerSource,
): Promise<TriggerSecrets | string> {
	let credentials;
	try {
		credentials = await context.getCredentials('nxCloudApi');
	} catch (error) {
		return `No usable NXCloud API credential is selected, and Signature Check needs one: ${(error as Error).message}`;
	}
	const missing = missingCredentialField(credentials, FIELDS_BY_SOURCE[source]);
	if (missing) return missing.replace('this operation needs', 'Signature Check needs');
	return {
		accessSecret: typeof credentials.accessSecret === 'string' ? credentials.accessSecret : undefined,
		callbotUuid: typeof credentials.callbotUuid === 'string' ? credentials.callbotUuid.trim() : undefined,
		callbotSecretKey: typeof credentials.callbotSecretKey === 'string' ? credentials.callbotSecretKey : undefined,
		callbotAlgorithm: callbotAlgorithmFromHeader(String(credentials.callbotAlgorithm ?? 'MD5')),
	};
}
