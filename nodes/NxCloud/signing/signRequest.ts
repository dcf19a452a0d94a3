import { randomUUID } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { callbotAlgorithmFromHeader, signCallbot } from './callbot';
import { gzip } from '../transport/gzip';
import { openPlatformAlgorithmFromHeader, signOpenPlatform } from './openPlatform';

/** Callbot endpoints all live under this path; everything else is the open platform. */
const CALLBOT_PATH = '/callcentre/';

/** The credential fields each product needs, in the order a user fills them in. */
export const OPEN_PLATFORM_FIELDS = ['accessKey', 'accessSecret'] as const;
export const CALLBOT_FIELDS = ['callbotUuid', 'callbotSecretKey'] as const;

const FIELD_LABELS: Record<string, string> = {
	accessKey: 'Access Key',
	accessSecret: 'Access Secret',
	callbotUuid: 'Callbot UUID',
	callbotSecretKey: 'Callbot Secret Key',
};

/** Names the first empty credential field a product needs, and who needs it; null when all are there. */
export function missingCredentialField(
	credentials: ICredentialDataDecryptedObject,
	fields: readonly string[],
	neededBy = 'this operation',
): string | null {
	for (const field of fields) {
		const value = credentials[field];
		if (typeof value !== 'string' || value.trim() === '') {
			return `The NXCloud credential has no ${FIELD_LABELS[field]} (field "${field}"), which ${neededBy} needs`;
		}
	}
	return null;
}

export function isCallbotUrl(options: IHttpRequestOptions): boolean {
	return `${options.baseURL ?? ''}${options.url}`.includes(CALLBOT_PATH);
}

/** Serialises the body once; the same string is then signed and sent, so no layer re-encodes it. */
function bodyString(body: IHttpRequestOptions['body']): string {
	if (body === undefined || body === null || body === '') return '';
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return JSON.stringify(body as IDataObject);
}

function headerValue(headers: IDataObject, name: string): string | undefined {
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
	return key === undefined ? undefined : String(headers[key]);
}

function removeHeader(headers: IDataObject, name: string): void {
	for (const key of Object.keys(headers)) {
		if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
	}
}

function setHeader(headers: IDataObject, name: string, value: string): void {
	removeHeader(headers, name);
	headers[name] = value;
}

/**
 * Signs a request for whichever product its URL belongs to, then, when the caller asked for a
 * gzip body (`Content-Encoding: gzip`), compresses it. The uncompressed JSON is what gets signed:
 * the vendor does not say which bytes it checks for a gzip body (open question docs/vendor-api.md §9.10).
 */
export async function signRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	now: () => number = Date.now,
): Promise<IHttpRequestOptions> {
	const options: IHttpRequestOptions = { ...requestOptions };
	// Every NXCloud API call is a POST. A GET is a download of a link NXCloud handed out (a
	// pre-signed storage URL, a recording): it goes out untouched, so no NXCloud header or
	// signature ever reaches a third-party host.
	if ((options.method ?? 'GET').toUpperCase() === 'GET') return options;
	const headers: IDataObject = { ...((options.headers as IDataObject | undefined) ?? {}) };
	// multipart/form-data (uploadMedia): only the headers and the secret are signed (§17.1), and
	// the bytes must reach the wire as they are.
	const multipart = /^multipart\/form-data/i.test(headerValue(headers, 'Content-Type') ?? '');
	const body = multipart ? '' : bodyString(options.body);

	if (isCallbotUrl(options)) {
		// Operations check the fields before they get here; the credential test does not.
		const missing = missingCredentialField(credentials, CALLBOT_FIELDS, 'the Callbot part');
		if (missing) throw new Error(missing);
		const algorithm = callbotAlgorithmFromHeader(String(credentials.callbotAlgorithm ?? 'MD5'));
		const createTs = Math.floor(now() / 1000).toString();
		const requestID = randomUUID().replace(/-/g, '');
		const uuid = String(credentials.callbotUuid).trim();
		// Open-platform headers have no meaning here (the credential test sends both kinds).
		removeHeader(headers, 'bizType');
		removeHeader(headers, 'action');
		setHeader(headers, 'requestID', requestID);
		setHeader(headers, 'uuid', uuid);
		setHeader(headers, 'createTs', createTs);
		setHeader(headers, 'algorithm', algorithm);
		setHeader(
			headers,
			'sign',
			signCallbot({
				secretKey: String(credentials.callbotSecretKey),
				body,
				createTs,
				requestID,
				uuid,
				algorithm,
			}),
		);
	} else {
		const missing = missingCredentialField(
			credentials,
			OPEN_PLATFORM_FIELDS,
			'the Open Platform part',
		);
		if (missing) throw new Error(missing);
		const bizType = headerValue(headers, 'bizType');
		const action = headerValue(headers, 'action');
		if (!bizType || !action) {
			throw new Error('An open platform request needs the bizType and action headers');
		}
		const algorithm = openPlatformAlgorithmFromHeader(
			String(credentials.openApiAlgorithm ?? 'md5'),
		);
		const ts = now().toString();
		const accessKey = String(credentials.accessKey).trim();
		setHeader(headers, 'accessKey', accessKey);
		setHeader(headers, 'bizType', bizType);
		setHeader(headers, 'action', action);
		setHeader(headers, 'ts', ts);
		setHeader(headers, 'algorithm', algorithm);
		setHeader(
			headers,
			'sign',
			signOpenPlatform({
				accessKey,
				action,
				bizType,
				ts,
				body,
				accessSecret: String(credentials.accessSecret),
				algorithm,
			}),
		);
	}

	if (body !== '' && !multipart) {
		if (!headerValue(headers, 'Content-Type'))
			setHeader(headers, 'Content-Type', 'application/json');
		const gzipBody = headerValue(headers, 'Content-Encoding')?.toLowerCase() === 'gzip';
		// A string (or Buffer) body goes to the wire untouched: axios only serialises objects.
		options.body = gzipBody ? await gzip(body) : body;
	}
	options.headers = headers;
	return options;
}
