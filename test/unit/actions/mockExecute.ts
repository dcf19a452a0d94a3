// A hand-made IExecuteFunctions, kept only for the transport's own tests (transport.test.ts says
// why): parameters per item, recorded HTTP requests answered by a test-supplied handler. Operations
// are tested on n8n-core's real engine instead (test/support/inProcess).
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';

export const NODE: INode = {
	id: 'node-1',
	name: 'NXCloud',
	type: 'n8n-nodes-nxcloud.nxCloud',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export const TEST_CREDENTIALS: ICredentialDataDecryptedObject = {
	accessKey: 'ak-test',
	accessSecret: 'as-test',
	openApiAlgorithm: 'md5',
	openApiBaseUrl: 'https://api.test',
	callbotUuid: 'uuid-test',
	callbotSecretKey: 'sk-test',
	callbotAlgorithm: 'MD5',
	callbotBaseUrl: 'https://bot.test',
};

/** What the handler gets: the options, the parsed JSON body (gzip bodies stay as the string sent). */
export interface SentRequest {
	options: IHttpRequestOptions;
	url: string;
	headers: IDataObject;
	json: IDataObject;
}

export interface HttpAnswer {
	statusCode?: number;
	body: unknown;
}

/** A parameter value, or a function of the item index (for expressions). */
type ParamValue = unknown | ((itemIndex: number) => unknown);

export interface MockOptions {
	params: Record<string, ParamValue>;
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** The node's On Error setting (n8n's `continueOnFail()` is true for both Continue modes). */
	onError?: INode['onError'];
	credentials?: ICredentialDataDecryptedObject;
	/** Answers one request; throw to simulate a network error. */
	http?: (request: SentRequest, index: number) => HttpAnswer | Promise<HttpAnswer>;
}

export interface MockContext {
	ctx: IExecuteFunctions;
	requests: SentRequest[];
	items: INodeExecutionData[];
	/** How many times each parameter was read. */
	parameterReads: Map<string, number>;
}

function lookup(params: Record<string, ParamValue>, name: string, itemIndex: number): unknown {
	const resolve = (value: unknown): unknown =>
		typeof value === 'function' ? (value as (i: number) => unknown)(itemIndex) : value;
	if (name in params) return resolve(params[name]);
	const [head, ...rest] = name.split('.');
	let value: unknown = resolve(params[head]);
	for (const key of rest) {
		if (value === undefined || value === null) return undefined;
		value = resolve((value as Record<string, unknown>)[key]);
	}
	return value;
}

/** The node's raw parameters as n8n stores them: per-item values (functions) read as expressions. */
function rawParameters(value: unknown): unknown {
	if (typeof value === 'function') return '={{ per item }}';
	if (Array.isArray(value)) return value.map(rawParameters);
	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, rawParameters(v)]));
	}
	return value;
}

export function mockExecute(options: MockOptions): MockContext {
	const node: INode = {
		...NODE,
		parameters: rawParameters(options.params) as INode['parameters'],
		onError: options.onError,
	};
	const items: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const requests: SentRequest[] = [];
	const parameterReads = new Map<string, number>();
	const ctx = {
		getNode: () => node,
		getInputData: () => items,
		continueOnFail: () => options.continueOnFail ?? false,
		getCredentials: async () => options.credentials ?? TEST_CREDENTIALS,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			parameterReads.set(name, (parameterReads.get(name) ?? 0) + 1);
			const value = lookup(options.params, name, itemIndex);
			return value === undefined ? fallback : value;
		},
		helpers: {
			httpRequestWithAuthentication: async function (
				_type: string,
				requestOptions: IHttpRequestOptions,
			) {
				const body = requestOptions.body;
				const text = typeof body === 'string' ? body : JSON.stringify(body ?? {});
				const request: SentRequest = {
					options: requestOptions,
					url: requestOptions.url,
					headers: (requestOptions.headers ?? {}) as IDataObject,
					json: JSON.parse(text) as IDataObject,
				};
				requests.push(request);
				if (!options.http) throw new Error(`unexpected request to ${requestOptions.url}`);
				const answer = await options.http(request, requests.length - 1);
				return { statusCode: answer.statusCode ?? 200, body: answer.body, headers: {} };
			},
		},
	} as unknown as IExecuteFunctions;
	return { ctx, requests, items, parameterReads };
}

/** A network failure as n8n hands it to the node (NodeApiError-like, with the cause's code). */
/**
 * A network failure as n8n 1.x's httpRequestWithAuthentication throws it: a NodeApiError whose
 * message is n8n's wording for the code, without the request library's error (`cause` is lost)
 * but with the code copied into `httpCode`.
 */
export function n8n1NetworkError(code: string, n8nMessage: string): Error {
	return Object.assign(new Error(n8nMessage), { httpCode: code, description: null });
}

export function networkError(code: string, message = `connect ${code}`): Error {
	const error = new Error(message) as Error & { cause?: unknown };
	error.cause = { code };
	return error;
}
