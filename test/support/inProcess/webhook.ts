// The trigger's webhook() behind a real loopback HTTP endpoint, called the way n8n's webhook service
// calls it: one n8n-core WebhookContext per request, built on the workflow as n8n loads it for that
// request (the node's saved static data included), with n8n's request and response objects. What
// follows webhook() is n8n 2.41's for a webhook answered 'onReceived' (webhook-helpers.js,
// executeWebhook, and live-webhooks.js): when webhook() returned workflow data, n8n stores the
// execution, then reads the answer, then saves the static data if it changed (only then) and
// answers; otherwise it saves and answers at once.
//
// Not n8n-core but n8n's server (packages/cli) gives a webhook request its `readRawBody()`; the
// reader below does what that middleware does for our node: inflate gzip/deflate bodies, else read
// Content-Length bytes, and remember them as `rawBody`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	IWebhookData,
	IWebhookResponseData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { additionalData } from './additionalData';
import { NX_CLOUD_TRIGGER_NODE_TYPE, type Engine } from './engine';

export const TRIGGER_NODE = 'NXCloud Trigger';

export interface Delivery {
	/** What webhook() returned (workflowData: the items per output that would start an execution). */
	result?: IWebhookResponseData;
	/** What webhook() threw (n8n would answer 500 and record a failed execution). */
	error?: Error;
	/** Whether n8n saved the node's static data after this request. */
	staticDataSaved: boolean;
	/** Whether n8n stored an execution for this request (it had workflow data), before answering. */
	executionStored: boolean;
}

export interface TriggerEndpoint {
	/** POST here as NXCloud would (e.g. with standIn.sender). */
	url: string;
	/** One per request, in arrival order. */
	deliveries: Delivery[];
	/** The node's static data as n8n last saved it. */
	savedStaticData(): IDataObject;
	close(): Promise<void>;
}

export interface TriggerOptions {
	/** The stored credential (decrypted). */
	credentials: ICredentialDataDecryptedObject;
	parameters?: INodeParameters;
	/** 'webhook': the production URL of an active workflow; 'manual': "Listen for test event". */
	mode?: WorkflowExecuteMode;
}

type RawBodyRequest = IncomingMessage & { rawBody?: Buffer; readRawBody?: () => Promise<void> };

function attachRawBodyReader(req: RawBodyRequest): void {
	req.readRawBody = async () => {
		if (req.rawBody) return;
		const encoding = req.headers['content-encoding'];
		const stream: Readable =
			encoding === 'gzip'
				? req.pipe(createGunzip())
				: encoding === 'deflate'
					? req.pipe(createInflate())
					: req;
		const chunks: Buffer[] = [];
		for await (const chunk of stream) chunks.push(chunk as Buffer);
		req.rawBody = Buffer.concat(chunks);
	};
}

let webhookIds = 0;

export async function startTriggerEndpoint(
	engine: Engine,
	options: TriggerOptions,
): Promise<TriggerEndpoint> {
	const { core } = engine;
	const mode = options.mode ?? 'webhook';
	const webhookId = `hook-${++webhookIds}`;
	const workflowId = `wf-trigger-${process.pid}-${webhookIds}`;
	const credentialId = `cred-${webhookId}`;
	engine.credentialsHelper.set(credentialId, 'nxCloudApi', options.credentials);
	const node: INode = {
		id: 'trigger',
		name: TRIGGER_NODE,
		type: NX_CLOUD_TRIGGER_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters: options.parameters ?? {},
		credentials: { nxCloudApi: { id: credentialId, name: 'NXCloud account' } },
	};
	const trigger = engine.nodeTypes.getByNameAndVersion(NX_CLOUD_TRIGGER_NODE_TYPE, 1);
	const description = trigger.description.webhooks![0];
	let saved: IDataObject = {};
	const deliveries: Delivery[] = [];

	const handle = async (req: RawBodyRequest, res: ServerResponse): Promise<void> => {
		attachRawBodyReader(req);
		// As n8n loads the workflow for each request: saved parameters and saved static data.
		const loadedStaticData = structuredClone(saved);
		const workflowParameters = {
			id: workflowId,
			name: 'Trigger test',
			nodes: [structuredClone(node)],
			connections: {},
			active: mode === 'webhook',
			nodeTypes: engine.nodeTypes,
			settings: { executionOrder: 'v1' as const },
		};
		const workflow = new Workflow({ ...workflowParameters, staticData: loadedStaticData });
		const hooks = new core.ExecutionLifecycleHooks(mode, '', {
			id: workflowId,
			name: 'Trigger test',
			active: false,
			activeVersionId: null,
			isArchived: false,
			nodes: [node],
			connections: {},
			createdAt: new Date(),
			updatedAt: new Date(),
		});
		const data = additionalData(
			engine.credentialsHelper,
			hooks,
			'',
			new core.ExternalSecretsProxy(),
		);
		data.httpRequest = req as never;
		data.httpResponse = res as never;
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: TRIGGER_NODE,
			path: `${webhookId}/webhook`,
			webhookDescription: description,
			workflowId,
			workflowExecuteAdditionalData: data,
			webhookId,
			isTest: mode === 'manual',
		};
		const context = new core.WebhookContext(
			workflow,
			workflow.getNode(TRIGGER_NODE)!,
			data,
			mode,
			webhookData,
			[],
			null,
		);
		const delivery: Delivery = { staticDataSaved: false, executionStored: false };
		deliveries.push(delivery);
		const saveStaticDataIfChanged = () => {
			if (workflow.staticData.__dataChanged !== true) return;
			// n8n stores it as JSON in its database.
			saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
			delete saved.__dataChanged;
			workflow.staticData.__dataChanged = false;
			delivery.staticDataSaved = true;
		};
		const answer = (status: number, body: unknown) => {
			if (res.headersSent) return;
			res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
			res.end(JSON.stringify(body));
		};
		let result: IWebhookResponseData;
		try {
			result = await trigger.webhook!.call(context);
			delivery.result = result;
		} catch (error) {
			// n8n answers 500 (unless the node already answered) and saves no static data.
			delivery.error = error as Error;
			answer(500, { message: delivery.error.message });
			return;
		}
		if (result.noWebhookResponse === true) {
			// The node answered itself.
			saveStaticDataIfChanged();
			return;
		}
		if (result.workflowData === undefined) {
			saveStaticDataIfChanged();
			answer(200, result.webhookResponse ?? { message: 'Webhook call received' });
			return;
		}
		// WorkflowRunner.run() stores the execution; on the way it builds a Workflow over the same
		// static data object, which clears its change flag (n8n-workflow's ObservableObject.create).
		new Workflow({ ...workflowParameters, staticData: loadedStaticData });
		delivery.executionStored = true;
		// extractWebhookOnReceivedResponse(): 'noData' sends nothing, a set responseData is sent as
		// is, else what webhook() returned as webhookResponse.
		const responseData = description.responseData;
		const body =
			responseData === 'noData'
				? undefined
				: responseData
					? responseData
					: (result.webhookResponse ?? { message: 'Workflow was started' });
		saveStaticDataIfChanged();
		answer(200, body);
	};

	const server = createServer((req, res) => {
		handle(req, res).catch((error: Error) => {
			// A fault of the harness, not of the node: fail loudly.
			process.nextTick(() => {
				throw error;
			});
			if (!res.writableEnded) res.destroy();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/${webhookId}/webhook`,
		deliveries,
		savedStaticData: () => structuredClone(saved),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
