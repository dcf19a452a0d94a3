import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import {
	CALLBOT_FIELDS,
	OPEN_PLATFORM_FIELDS,
	missingCredentialField,
} from '../signing/signRequest';
import {
	META_ERROR_HINTS,
	OPEN_PLATFORM_HINTS,
	RETRYABLE_CALLBOT_CODES,
	callbotHint,
} from './errorCatalog';

export type Product = 'openPlatform' | 'callbot';

export interface NxCloudRequest {
	product: Product;
	/** Path below the product's base URL, e.g. `/api/wa/calling/get` or `/callcentre/api/v3/ping`. */
	path: string;
	/**
	 * Serialised once by the caller or here; the same string is signed and sent on every try.
	 * A Buffer is sent as it is (a multipart upload, with `contentType` naming its boundary).
	 */
	body: IDataObject | string | Buffer;
	/** Content-Type of the body; application/json unless given. */
	contentType?: string;
	/** Open platform only. */
	bizType?: string;
	action?: string;
	gzipBody?: boolean;
	acceptGzip?: boolean;
}

export interface RetryPolicy {
	/** Total tries including the first (1 = no retry). */
	maxTries: number;
	/** First backoff delay; doubles each try, with jitter. */
	baseDelayMs: number;
	timeoutMs: number;
	/**
	 * Whether a try that may have reached NXCloud (timeout, reset, 5xx) may be sent again.
	 * False for requests that are not safe to replay.
	 */
	retryAmbiguous: boolean;
	/** Extra business codes the caller wants retried (counted against maxTries). */
	retryCodes?: number[];
	/**
	 * Business codes after which NXCloud may have done part of the work (e.g. Callbot 5001
	 * "internal error" answering an import). They count as ambiguous failures, so they are only
	 * retried when retryAmbiguous is true.
	 */
	ambiguousCodes?: number[];
	/**
	 * Business codes that mean "busy with something else, try later" (Callbot 1001: an import is
	 * still running). They are retried with backoff until maxWaitMs has passed, without using up
	 * tries. Absent or maxWaitMs 0: they fail at once with the vendor's reason.
	 */
	waitCodes?: number[];
	maxWaitMs?: number;
	itemIndex?: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxTries: 3,
	baseDelayMs: 500,
	timeoutMs: 30_000,
	retryAmbiguous: true,
};

/** Longest single pause while waiting on a wait code. */
const MAX_WAIT_STEP_MS = 15_000;

type Context = IExecuteFunctions | ILoadOptionsFunctions;

/**
 * What a failed request tells the user and the node, kept on the error as `context.nxcloud`
 * (n8n stores an error's context with the execution, and continueOnFail items copy it).
 */
export interface FailureDetails {
	product: Product;
	path: string;
	/** The vendor's business code (`code` or `retCode`), when NXCloud answered one. */
	code?: number;
	codeName?: 'code' | 'retCode';
	/** The vendor's own message, verbatim. */
	vendorMessage?: string;
	/** Meta's error code when NXCloud passed one through (`data.error.code`, code 9099). */
	metaCode?: number;
	/** Open platform `traceId` or Callbot `responseID`, for NXCloud support. */
	traceId?: string;
	httpStatus?: number;
	/** Network error code (ECONNRESET, ECONNABORTED, …) when no answer came. */
	networkCode?: string;
	/** True when NXCloud may have carried out the request although it failed. */
	ambiguous: boolean;
	/** How many tries were sent. */
	tries?: number;
}

/** The outcome of one try, classified for the retry loop. */
type Attempt =
	| { kind: 'ok'; envelope: IDataObject }
	| { kind: 'retry'; ambiguous: boolean; wait?: boolean; error: NodeApiError }
	| { kind: 'fail'; error: NodeApiError | NodeOperationError };

const NETWORK_NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const NETWORK_AMBIGUOUS = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/**
 * The network error code behind a failed request. n8n wraps the request library's error in a
 * NodeApiError: n8n 2.x keeps it as `cause`, n8n 1.x drops it; both copy its `code` into
 * `httpCode` when no HTTP answer came, so that is read too.
 */
function networkCode(error: IDataObject): string | undefined {
	const cause = (error.cause ?? {}) as IDataObject;
	const httpCode =
		typeof error.httpCode === 'string' && /^E[A-Z_]+$/.test(error.httpCode)
			? error.httpCode
			: undefined;
	const code = (error.code ?? cause.code ?? httpCode) as string | undefined;
	if (code) return code;
	const message = String(error.message ?? '');
	if (/timeout/i.test(message)) return 'ETIMEDOUT';
	if (/socket hang up/i.test(message)) return 'ECONNRESET';
	return undefined;
}

function businessCode(product: Product, envelope: IDataObject): number | null {
	// Callbot answers `retCode`, except `ping`, which answers `code` (docs/vendor-api.md §6 row 1). The open
	// platform answers `code`. Some pages print numbers as strings; accept both.
	const raw =
		product === 'callbot' && envelope.retCode !== undefined ? envelope.retCode : envelope.code;
	if (raw === undefined || raw === null || raw === '') return null;
	const code = Number(raw);
	return Number.isFinite(code) ? code : null;
}

function traceOf(envelope: IDataObject): string | undefined {
	const id = envelope.traceId ?? envelope.responseID ?? envelope.reqId;
	return id === undefined || id === null || id === '' ? undefined : String(id);
}

/** Meta's error inside an open-platform envelope (`data.error`, §12.5), when there is one. */
function metaErrorOf(envelope: IDataObject): { code?: number; message: string } | undefined {
	const data = envelope.data;
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
	const error = (data as IDataObject).error;
	if (typeof error !== 'object' || error === null || Array.isArray(error)) return undefined;
	const meta = error as IDataObject;
	const code = Number(meta.code);
	const details = ((meta.error_data ?? {}) as IDataObject).details;
	const message = [meta.message, details && details !== meta.message ? details : undefined]
		.filter(Boolean)
		.join(': ');
	return {
		code: Number.isFinite(code) && meta.code !== '' ? code : undefined,
		message: message || 'no message',
	};
}

function attach(error: NodeApiError | NodeOperationError, details: FailureDetails): void {
	error.context.nxcloud = details as unknown as IDataObject;
}

/** The details a transport error carries, or undefined for errors from elsewhere. */
export function failureDetails(error: unknown): FailureDetails | undefined {
	const context = (error as { context?: IDataObject } | undefined)?.context;
	const details = context?.nxcloud;
	return typeof details === 'object' && details !== null
		? (details as unknown as FailureDetails)
		: undefined;
}

/** Whether NXCloud may have carried out the failed request (timeout, reset, most 5xx). */
export function isAmbiguousFailure(error: unknown): boolean {
	return failureDetails(error)?.ambiguous === true;
}

export function apiErrorFromEnvelope(
	ctx: Context,
	product: Product,
	code: number,
	envelope: IDataObject,
	itemIndex?: number,
	path = '',
): NodeApiError {
	const vendorMessage = String(envelope.message ?? envelope.retMsg ?? envelope.msg ?? 'no message');
	const trace = traceOf(envelope);
	const hint = product === 'callbot' ? callbotHint(code, path) : OPEN_PLATFORM_HINTS[code];
	const label = product === 'callbot' ? 'Callbot' : 'NXCloud';
	const codeName = product === 'callbot' && envelope.retCode !== undefined ? 'retCode' : 'code';
	const meta = product === 'openPlatform' ? metaErrorOf(envelope) : undefined;
	const metaHint = meta?.code !== undefined ? META_ERROR_HINTS[meta.code] : undefined;
	const description = [
		metaHint ?? hint ?? 'See the NXCloud error code table for this code.',
		trace ? `${product === 'callbot' ? 'Response ID' : 'Trace ID'}: ${trace}` : '',
	]
		.filter(Boolean)
		.join(' ');
	const error = new NodeApiError(ctx.getNode(), envelope as JsonObject, {
		message: `${label} refused the request (${codeName} ${code}): ${vendorMessage}${
			meta ? ` (Meta error${meta.code !== undefined ? ` ${meta.code}` : ''}: ${meta.message})` : ''
		}`,
		description,
		httpCode: String(code),
		itemIndex,
	});
	attach(error, {
		product,
		path,
		code,
		codeName,
		vendorMessage,
		traceId: trace,
		ambiguous: false,
		metaCode: meta?.code,
	});
	return error;
}

async function tryOnce(
	ctx: Context,
	request: NxCloudRequest,
	baseUrl: string,
	body: string | Buffer,
	policy: RetryPolicy,
): Promise<Attempt> {
	const headers: IDataObject = {
		'Content-Type': request.contentType ?? 'application/json',
		Accept: 'application/json',
	};
	if (request.product === 'openPlatform') {
		headers.bizType = request.bizType ?? '2';
		headers.action = request.action ?? 'mt';
	}
	if (request.gzipBody) headers['Content-Encoding'] = 'gzip';
	if (request.acceptGzip) headers['Accept-Encoding'] = 'gzip';
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: `${baseUrl}${request.path}`,
		headers,
		body,
		timeout: policy.timeoutMs,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	const label = request.product === 'callbot' ? 'Callbot' : 'NXCloud';
	let response: { statusCode: number; body: unknown; headers: IDataObject };
	try {
		response = await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'nxCloudApi', options);
	} catch (error) {
		const err = error as IDataObject;
		const code = networkCode(err);
		const apiError = new NodeApiError(ctx.getNode(), err as JsonObject, {
			message: `Could not reach ${label} (${code ?? 'network error'})`,
			description: `The request to ${request.path} did not complete. Check the base URL in the credential and the network; transient failures are retried (see the Tries option).`,
			itemIndex: policy.itemIndex,
		});
		// NodeApiError replaces the message with a generic one for known network codes; keep ours,
		// which names the product and the code.
		apiError.message = `Could not reach ${label} (${code ?? 'network error'})`;
		const ambiguous = !(code && NETWORK_NEVER_SENT.has(code));
		attach(apiError, {
			product: request.product,
			path: request.path,
			networkCode: code,
			ambiguous,
		});
		if (code && NETWORK_NEVER_SENT.has(code))
			return { kind: 'retry', ambiguous: false, error: apiError };
		if (code && NETWORK_AMBIGUOUS.has(code))
			return { kind: 'retry', ambiguous: true, error: apiError };
		return { kind: 'fail', error: apiError };
	}

	const status = response.statusCode;
	// 429 and 503 say the request was not processed; other 5xx may have been.
	const httpAmbiguous = status >= 500 && status !== 503;
	let envelope: IDataObject | undefined;
	if (
		typeof response.body === 'object' &&
		response.body !== null &&
		!Buffer.isBuffer(response.body)
	) {
		envelope = response.body as IDataObject;
	} else {
		const text = Buffer.isBuffer(response.body)
			? response.body.toString('utf8')
			: String(response.body ?? '');
		try {
			const parsed = JSON.parse(text);
			if (typeof parsed === 'object' && parsed !== null) envelope = parsed as IDataObject;
		} catch {
			envelope = undefined;
		}
		if (envelope === undefined) {
			const snippet = text.replace(/\s+/g, ' ').slice(0, 200);
			const error = new NodeApiError(ctx.getNode(), { status, body: snippet } as JsonObject, {
				message: `${label} answered HTTP ${status} with a body that is not JSON`,
				description: `Expected a JSON envelope from ${request.path}; got: ${snippet || '(empty)'}. A proxy or outage page may be in the way.`,
				httpCode: String(status),
				itemIndex: policy.itemIndex,
			});
			// A 2xx with a cut-off body: the request was processed, the answer lost.
			const ambiguous = httpAmbiguous || (status >= 200 && status < 300);
			attach(error, {
				product: request.product,
				path: request.path,
				httpStatus: status,
				ambiguous,
			});
			if (status === 429 || status >= 500) return { kind: 'retry', ambiguous, error };
			if (status >= 200 && status < 300) return { kind: 'retry', ambiguous: true, error };
			return { kind: 'fail', error };
		}
	}

	if (status < 200 || status >= 300) {
		const error = new NodeApiError(ctx.getNode(), envelope as JsonObject, {
			message: `${label} answered HTTP ${status} for ${request.path}`,
			description:
				status === 429
					? 'Rate limited by NXCloud. Slow down (for example with a Wait node) or raise the number of tries.'
					: status >= 500
						? 'NXCloud had a server error. Transient failures are retried (see the Tries option).'
						: 'Check the base URL in the credential and the request fields.',
			httpCode: String(status),
			itemIndex: policy.itemIndex,
		});
		attach(error, {
			product: request.product,
			path: request.path,
			httpStatus: status,
			traceId: traceOf(envelope),
			ambiguous: httpAmbiguous,
		});
		if (status === 429 || status >= 500) return { kind: 'retry', ambiguous: httpAmbiguous, error };
		return { kind: 'fail', error };
	}

	const code = businessCode(request.product, envelope);
	if (code === null || code === 0) return { kind: 'ok', envelope };
	const error = apiErrorFromEnvelope(
		ctx,
		request.product,
		code,
		envelope,
		policy.itemIndex,
		request.path,
	);
	if ((policy.waitCodes ?? []).includes(code) && (policy.maxWaitMs ?? 0) > 0) {
		return { kind: 'retry', ambiguous: false, wait: true, error };
	}
	if ((policy.ambiguousCodes ?? []).includes(code)) {
		failureDetails(error)!.ambiguous = true;
		return { kind: 'retry', ambiguous: true, error };
	}
	const retryable =
		(request.product === 'callbot' && RETRYABLE_CALLBOT_CODES.has(code)) ||
		(policy.retryCodes ?? []).includes(code);
	// A business refusal is an answer: the request was not carried out, so a retry is never ambiguous.
	return retryable ? { kind: 'retry', ambiguous: false, error } : { kind: 'fail', error };
}

function jittered(delayMs: number): number {
	return delayMs / 2 + Math.random() * (delayMs / 2);
}

/**
 * Sends one signed request to NXCloud and returns its parsed envelope, retrying transient
 * failures (HTTP 429/5xx, timeouts, resets, Callbot retCode 5/5001/7) with exponential backoff.
 * Signing happens in the credential's `authenticate`, which n8n runs on every try, so each try
 * carries a fresh timestamp and request ID. Throws NodeApiError with the vendor's code, message
 * and trace ID, plus what to do about it (details in `error.context.nxcloud`, see
 * failureDetails); NodeOperationError when a credential field is missing.
 */
export async function nxCloudRequest(
	this: Context,
	request: NxCloudRequest,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<IDataObject> {
	const credentials = await this.getCredentials('nxCloudApi');
	const missing = missingCredentialField(
		credentials,
		request.product === 'callbot' ? CALLBOT_FIELDS : OPEN_PLATFORM_FIELDS,
	);
	if (missing) {
		throw new NodeOperationError(this.getNode(), missing, {
			description: `Open the NXCloud credential and fill in the ${request.product === 'callbot' ? 'Callbot' : 'Open Platform'} part.`,
			itemIndex: policy.itemIndex,
		});
	}
	const baseField = request.product === 'callbot' ? 'callbotBaseUrl' : 'openApiBaseUrl';
	const baseUrl = String(credentials[baseField] ?? '').replace(/\/+$/, '');
	if (!/^https?:\/\//.test(baseUrl)) {
		throw new NodeOperationError(
			this.getNode(),
			`The NXCloud credential's ${baseField} is not an http(s) URL`,
			{
				itemIndex: policy.itemIndex,
			},
		);
	}
	const body =
		typeof request.body === 'string' || Buffer.isBuffer(request.body)
			? request.body
			: JSON.stringify(request.body);

	const maxTries = Math.max(1, Math.floor(policy.maxTries));
	const waitUntil = Date.now() + (policy.maxWaitMs ?? 0);
	let waitDelay = policy.baseDelayMs * 2;
	let tries = 0;
	for (let attempt = 1; ;) {
		tries += 1;
		const outcome = await tryOnce(this, request, baseUrl, body, policy);
		if (outcome.kind === 'ok') return outcome.envelope;
		const details = failureDetails(outcome.error);
		if (details) details.tries = tries;
		if (outcome.kind === 'fail') throw outcome.error;
		if (outcome.wait) {
			// Not a try used up: NXCloud said "later", it did nothing with this request.
			const remaining = waitUntil - Date.now();
			if (remaining <= 0) {
				outcome.error.description =
					`${outcome.error.description ?? ''} Waited ${Math.round((policy.maxWaitMs ?? 0) / 1000)} s for it to finish.`.trim();
				throw outcome.error;
			}
			await sleep(Math.min(remaining, jittered(waitDelay)));
			waitDelay = Math.min(waitDelay * 2, MAX_WAIT_STEP_MS);
			continue;
		}
		const mayRetry = attempt < maxTries && (!outcome.ambiguous || policy.retryAmbiguous);
		if (!mayRetry) {
			if (outcome.ambiguous && !policy.retryAmbiguous && attempt < maxTries) {
				outcome.error.description =
					`${outcome.error.description ?? ''} Not retried: NXCloud may already have received this request, and sending it again is not safe.`.trim();
			}
			throw outcome.error;
		}
		await sleep(jittered(policy.baseDelayMs * 2 ** (attempt - 1)));
		attempt += 1;
	}
}
