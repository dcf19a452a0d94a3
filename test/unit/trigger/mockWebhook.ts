// A hand-made IWebhookFunctions, kept for what n8n-core's WebhookContext cannot be made to do in a
// test: a body n8n's server already read (its raw-body middleware belongs to n8n's server, not
// n8n-core), a body read that fails (413, aborted upload), capturing the trigger's log lines, a
// credential read that throws. The trigger on the real context: webhookContext.test.ts.
import { EventEmitter } from 'node:events';

import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { signCallbot } from '../../../nodes/NxCloud/signing/callbot';
import { signOpenPlatform } from '../../../nodes/NxCloud/signing/openPlatform';
import { NxCloudTrigger } from '../../../nodes/NxCloud/NxCloudTrigger.node';

export const ACCESS_KEY = 'fme2na3kdi3ki';
export const ACCESS_SECRET = 'abciiiko2k3';
export const CALLBOT_UUID = 'c0ffee00-1111-2222-3333-444455556666';
export const CALLBOT_SECRET = 'callbot-secret-for-tests';

export const CREDENTIALS: IDataObject = {
	accessKey: ACCESS_KEY,
	accessSecret: ACCESS_SECRET,
	openApiAlgorithm: 'md5',
	callbotUuid: CALLBOT_UUID,
	callbotSecretKey: CALLBOT_SECRET,
	callbotAlgorithm: 'MD5',
};

/** Headers of a WhatsApp push signed as NXCloud does (docs/vendor-api.md §2.2), lowercase like Node gives them. */
export function signedWhatsAppHeaders(
	body: Buffer | string,
	options: { algorithm?: string; ts?: string; secret?: string } = {},
): Record<string, string> {
	const ts = options.ts ?? String(Date.now());
	const algorithm = options.algorithm ?? 'md5';
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		accesskey: ACCESS_KEY,
		action: 'mo',
		biztype: '2',
		ts,
		sign: signOpenPlatform({
			accessKey: ACCESS_KEY,
			action: 'mo',
			bizType: '2',
			ts,
			body,
			accessSecret: options.secret ?? ACCESS_SECRET,
			algorithm: algorithm.toLowerCase() === 'sha256' ? 'sha256' : 'md5',
		}),
	};
	if (options.algorithm !== undefined) headers.algorithm = options.algorithm;
	return headers;
}

/** Headers of a Callbot callback signed per docs/vendor-api.md §5.5 (the algorithm is the console's, no header). */
export function signedCallbotHeaders(
	body: Buffer | string,
	options: { algorithm?: 'MD5' | 'SHA256'; createTs?: string; uuid?: string; secret?: string } = {},
): Record<string, string> {
	const createTs = options.createTs ?? String(Math.floor(Date.now() / 1000));
	const uuid = options.uuid ?? CALLBOT_UUID;
	const requestID = 'req-0001';
	return {
		'content-type': 'application/json',
		requestid: requestID,
		uuid,
		createts: createTs,
		sign: signCallbot({
			secretKey: options.secret ?? CALLBOT_SECRET,
			body,
			createTs,
			requestID,
			uuid,
			algorithm: options.algorithm ?? 'MD5',
		}),
	};
}

export interface CapturedResponse {
	/** Who wrote the answer: the trigger itself (refusals) or n8n (what webhook() returned). */
	answeredBy?: 'trigger' | 'n8n';
	status?: number;
	headers?: Record<string, string>;
	body?: string;
	/** The body parsed as JSON, when it is. */
	json?: any;
}

export interface MockRequestOptions {
	parameters?: IDataObject;
	headers?: Record<string, string | string[] | undefined>;
	body?: Buffer | string;
	/** What getCredentials returns, or the error it throws. */
	credentials?: IDataObject | Error;
	staticData?: IDataObject;
	mode?: 'webhook' | 'manual';
	/** Simulates n8n having read the body already (other node versions / content types). */
	bodyAlreadyRead?: boolean;
	/** Makes readRawBody fail, as raw-body does on an oversized or aborted upload. */
	readError?: Error & { status?: number };
	/**
	 * Workflow id; a fresh one by default, so the trigger's in-process secret cache (keyed by
	 * workflow, node and credential) never carries over between unrelated tests.
	 */
	workflowId?: string;
}

let workflowCounter = 0;

/**
 * A hand-made IWebhookFunctions: only what the trigger calls. Node parameters get their
 * defaults the way n8n resolves them (NodeHelpers.getNodeParameters over the description).
 */
export function mockWebhookContext(options: MockRequestOptions) {
	const trigger = new NxCloudTrigger();
	const parameters = NodeHelpers.getNodeParameters(
		trigger.description.properties,
		(options.parameters ?? {}) as any,
		true,
		false,
		null,
		trigger.description,
	) as IDataObject;
	const body = options.body === undefined ? Buffer.alloc(0) : Buffer.from(options.body);
	const staticData: IDataObject = options.staticData ?? {};
	const response: CapturedResponse = {};
	const res = Object.assign(new EventEmitter(), {
		headersSent: false,
		statusCode: 200,
		writeHead(status: number, headers: Record<string, string>) {
			res.headersSent = true;
			res.statusCode = status;
			response.answeredBy ??= 'trigger';
			response.status = status;
			response.headers = headers;
			return res;
		},
		end(text: string) {
			response.body = text;
			try {
				response.json = JSON.parse(text);
			} catch {
				response.json = undefined;
			}
			res.emit('close');
			return res;
		},
	});
	let readCalls = 0;
	const request: any = {
		headers: options.headers ?? {},
		rawBody: options.bodyAlreadyRead ? body : undefined,
		async readRawBody() {
			readCalls += 1;
			if (options.readError) throw options.readError;
			request.rawBody = body;
		},
	};
	const logs: string[] = [];
	let credentialReads = 0;
	const workflowId = options.workflowId ?? `wf-${process.pid}-${++workflowCounter}`;
	const context = {
		getNodeParameter: (name: string, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getRequestObject: () => request,
		getResponseObject: () => res,
		async getCredentials() {
			credentialReads += 1;
			if (options.credentials instanceof Error) throw options.credentials;
			return options.credentials ?? CREDENTIALS;
		},
		getWorkflow: () => ({ id: workflowId, name: 'test', active: true }),
		getWorkflowStaticData: (type: string) => {
			if (type !== 'node') throw new Error(`unexpected static data type ${type}`);
			return staticData;
		},
		getMode: () => options.mode ?? 'webhook',
		getNode: () => ({
			id: 'node-1',
			name: 'NXCloud Trigger',
			type: 'n8n-nodes-nxcloud.nxCloudTrigger',
			typeVersion: 1,
			parameters,
			credentials: { nxCloudApi: { id: 'cred-1', name: 'NXCloud' } },
		}),
		logger: {
			debug: (message: string) => logs.push(`debug: ${message}`),
			info: (message: string) => logs.push(`info: ${message}`),
			warn: (message: string) => logs.push(`warn: ${message}`),
			error: (message: string) => logs.push(`error: ${message}`),
		},
	};
	/**
	 * What n8n 2.41 does with webhook()'s result (webhook-helpers.js, executeWebhook): nothing when
	 * the trigger answered itself; otherwise it stores the execution (when there is workflow data),
	 * reads webhookResponse and answers it with 200, or answers 500 when storing failed.
	 */
	const answerAsN8n = (result: IWebhookResponseData, { storeFails = false } = {}) => {
		if (result.noWebhookResponse === true) return;
		response.answeredBy = 'n8n';
		if (result.workflowData !== undefined && storeFails) {
			res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
			res.end(JSON.stringify({ message: 'There was a problem executing the workflow' }));
			return;
		}
		const body = result.webhookResponse as unknown;
		res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
		res.end(JSON.stringify(body));
	};
	return {
		trigger,
		context: context as unknown as IWebhookFunctions,
		answerAsN8n,
		response,
		staticData,
		logs,
		readCalls: () => readCalls,
		credentialReads: () => credentialReads,
		workflowId,
	};
}

/** Runs the trigger's webhook() on one mocked request, and answers it as n8n would. */
export async function deliver(options: MockRequestOptions & { storeFails?: boolean }) {
	const mock = mockWebhookContext(options);
	const result = await mock.trigger.webhook.call(mock.context);
	mock.answerAsN8n(result, { storeFails: options.storeFails });
	return { ...mock, result };
}
