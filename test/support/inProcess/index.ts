/**
 * Our nodes on n8n-core's real execution engine, in the test process — the layer n8n itself tests
 * its nodes with (NodeTestHarness in n8n's core package), between pure-function unit tests and the
 * e2e tests inside a real n8n server. A workflow Input → NXCloud runs on WorkflowExecute with the
 * real execution contexts: n8n fills parameter defaults and drops hidden parameters, evaluates
 * expressions per item, pairs items, applies "On Error", stores binary data, and signs each request
 * with the credential type's own `authenticate`. HTTP goes to the strict stand-in NXCloud on
 * loopback, so whatever NXCloud would refuse is refused here too.
 *
 *   const n8n = useInProcessN8n();                 // once per test file: stand-in + engine
 *   const run = await n8n.run({ resource: 'callbotTask', operation: 'start', userTaskId: 't' });
 *   run.items; run.error; n8n.standIn.requestsTo('/mgrTaskStatus');
 *
 * Loading n8n-core costs a few seconds per test file, so group a resource's cases by operation,
 * one file each, rather than one file per case.
 */
import { randomBytes } from 'node:crypto';

import type { ICredentialDataDecryptedObject, INodeParameters, OnError } from 'n8n-workflow';

import { startStandIn, type StandIn, type StandInOptions } from '../standin';
import { NX_CLOUD_NODE_TYPE, startEngine, type Engine } from './engine';
import { startTriggerEndpoint, type TriggerEndpoint, type TriggerOptions } from './webhook';
import {
	NX_CLOUD_NODE,
	runChain,
	runWorkflow,
	type ChainNode,
	type ChainRun,
	type GivenItem,
	type NodeRun,
} from './runWorkflow';

export { BINARY_READER_NODE_TYPE, type InputBinary, type InputItem } from './testNodes';
export { NX_CLOUD_NODE_TYPE, NX_CLOUD_TRIGGER_NODE_TYPE } from './engine';
export {
	INPUT_NODE,
	NX_CLOUD_NODE,
	outputsOf,
	type ChainNode,
	type ChainRun,
	type GivenItem,
	type NodeRun,
} from './runWorkflow';

export { TRIGGER_NODE, type Delivery, type TriggerEndpoint, type TriggerOptions } from './webhook';

export const BUSINESS_PHONE = '8613300000000';
export const APP_KEY = 'pem28kje';

export interface RunExtras {
	onError?: OnError;
	/** Replaces fields of the credential for this run (e.g. a wrong secret). */
	credentials?: ICredentialDataDecryptedObject;
	then?: ChainNode[];
	/** The NXCloud node's typeVersion (default 1). */
	typeVersion?: number;
}

export interface InProcessN8n {
	readonly standIn: StandIn;
	readonly engine: Engine;
	/** The credential as stored: both halves filled in, both hosts at the stand-in. */
	readonly credentials: ICredentialDataDecryptedObject;
	/** Input → NXCloud (→ extras.then). */
	run(parameters: INodeParameters, items?: GivenItem[], extras?: RunExtras): Promise<NodeRun>;
	/** Input → the given nodes, none of them necessarily ours (with the credential set up). */
	runChain(items: GivenItem[], chain: ChainNode[]): Promise<ChainRun>;
	/**
	 * Counts, by parameter name, the NXCloud node's reads of its parameters on n8n's real execute
	 * context, from now until stop(), which returns the counts.
	 */
	countParameterReads(): { stop(): Map<string, number> };
	/**
	 * The trigger's webhook() behind a loopback URL, on n8n-core's WebhookContext, with the
	 * credential as stored (extras replace fields of it). Closed after the test file.
	 */
	triggerEndpoint(
		options?: Omit<TriggerOptions, 'credentials'>,
		credentials?: ICredentialDataDecryptedObject,
	): Promise<TriggerEndpoint>;
}

/**
 * Registers beforeAll/afterAll: a stand-in NXCloud with a fresh account and one bound business
 * phone, and n8n-core's services. `beforeEach` resets the stand-in's state, requests and faults.
 */
export function useInProcessN8n(standInOptions: Partial<StandInOptions> = {}): InProcessN8n {
	let standIn: StandIn | undefined;
	let engine: Engine | undefined;
	let credentials: ICredentialDataDecryptedObject = {};
	const endpoints: TriggerEndpoint[] = [];
	const account = {
		accessKey: `ak${randomBytes(6).toString('hex')}`,
		accessSecret: randomBytes(16).toString('hex'),
		callbotUuid: randomBytes(16).toString('hex'),
		callbotSecretKey: randomBytes(16).toString('hex'),
	};

	beforeAll(async () => {
		[standIn, engine] = await Promise.all([
			startStandIn({
				...account,
				boundPhones: [{ business_phone: BUSINESS_PHONE, appkey: APP_KEY }],
				...standInOptions,
			}),
			startEngine(),
		]);
		credentials = { ...account, openApiBaseUrl: standIn.url, callbotBaseUrl: standIn.url };
	}, 60_000);
	afterAll(async () => {
		await Promise.all(endpoints.map(async (endpoint) => await endpoint.close()));
		await standIn?.close();
		engine?.dispose();
	});
	beforeEach(() => standIn?.reset());

	const started = <T>(value: T | undefined, what: string): T => {
		if (value === undefined)
			throw new Error(`${what} is not started: call useInProcessN8n() at the top of the test file`);
		return value;
	};
	return {
		get standIn() {
			return started(standIn, 'the stand-in');
		},
		get engine() {
			return started(engine, 'the engine');
		},
		get credentials() {
			return credentials;
		},
		run: async (parameters, items, extras = {}) =>
			await runWorkflow(started(engine, 'the engine'), {
				parameters,
				items,
				onError: extras.onError,
				credentials: { ...credentials, ...extras.credentials },
				then: extras.then,
				typeVersion: extras.typeVersion,
			}),
		runChain: async (items, chain) => {
			const running = started(engine, 'the engine');
			running.credentialsHelper.set('cred-chain', 'nxCloudApi', credentials);
			return await runChain(
				running,
				items,
				chain.map((link) =>
					link.type === NX_CLOUD_NODE_TYPE ? { credentialId: 'cred-chain', ...link } : link,
				),
			);
		},
		triggerEndpoint: async (options = {}, extra = {}) => {
			const endpoint = await startTriggerEndpoint(started(engine, 'the engine'), {
				...options,
				credentials: { ...credentials, ...extra },
			});
			endpoints.push(endpoint);
			return endpoint;
		},
		countParameterReads: () => {
			const prototype = started(engine, 'the engine').core.ExecuteContext.prototype as unknown as {
				_getNodeParameter(name: string): unknown;
			};
			const spy = jest.spyOn(prototype, '_getNodeParameter');
			return {
				stop: () => {
					const counts = new Map<string, number>();
					spy.mock.calls.forEach(([name], k) => {
						if ((spy.mock.contexts[k] as { node?: { name?: string } }).node?.name !== NX_CLOUD_NODE)
							return;
						counts.set(name, (counts.get(name) ?? 0) + 1);
					});
					spy.mockRestore();
					return counts;
				},
			};
		},
	};
}
