// One workflow run on n8n-core's WorkflowExecute, in manual mode as a user clicking "Execute
// workflow" would run it: Input (the test's items) → a chain of nodes, each fed by the first
// output of the one before. `runWorkflow` is the usual chain: Input → NXCloud (→ more nodes).
import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	IConnections,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
	IRunData,
	OnError,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { additionalData } from './additionalData';
import { NX_CLOUD_NODE_TYPE, type Engine } from './engine';
import { encodeInputItems, INPUT_NODE_TYPE, type InputItem } from './testNodes';

export const NX_CLOUD_NODE = 'NXCloud';
export const INPUT_NODE = 'Input';

export interface ChainNode {
	name: string;
	type: string;
	/** As the editor saves them; n8n fills in defaults and drops parameters that are not shown. */
	parameters?: INodeParameters;
	/** The node's "On Error" setting (default: stop the workflow). */
	onError?: OnError;
	/** The id of the NXCloud credential the node uses, if it uses one. */
	credentialId?: string;
	/** The node's typeVersion as saved (default 1). */
	typeVersion?: number;
}

export type GivenItem = InputItem | InputItem['json'];

export interface RunOptions {
	/** The NXCloud node's parameters. */
	parameters: INodeParameters;
	/** Input items (default: one empty item). */
	items?: GivenItem[];
	onError?: OnError;
	credentials?: ICredentialDataDecryptedObject;
	/** Nodes after the NXCloud node. */
	then?: ChainNode[];
	/** The NXCloud node's typeVersion (default 1, as the workflows saved before 1.1). */
	typeVersion?: number;
}

export interface ChainRun {
	/** Every node's run data, by node name. */
	runData: IRunData;
	run: IRun;
	workflow: Workflow;
}

export interface NodeRun extends ChainRun {
	/** Items of the NXCloud node's first output (the error output's items are in `outputs[1]`). */
	items: INodeExecutionData[];
	outputs: INodeExecutionData[][];
	/** The error that stopped the node, as n8n recorded it. */
	error?: ExecutionError;
	/** The NXCloud node as n8n ran it, parameters with n8n's defaults filled in. */
	node: INode;
}

let executions = 0;

const asInputItem = (item: GivenItem): InputItem =>
	'json' in item && typeof item.json === 'object' && item.json !== null && !Array.isArray(item.json)
		? (item as InputItem)
		: { json: item as InputItem['json'] };

/** The outputs of a node's first run (empty outputs as []). */
export function outputsOf(runData: IRunData, nodeName: string): INodeExecutionData[][] {
	return (runData[nodeName]?.[0]?.data?.main ?? []).map(
		(output: INodeExecutionData[] | null) => output ?? [],
	);
}

export async function runChain(
	engine: Engine,
	givenItems: GivenItem[],
	chain: ChainNode[],
): Promise<ChainRun> {
	const { core } = engine;
	const items = givenItems.map(asInputItem);
	const nodes: INode[] = [
		{
			id: 'input',
			name: INPUT_NODE,
			type: INPUT_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: encodeInputItems(items) },
		},
	];
	const connections: IConnections = {};
	let previous = INPUT_NODE;
	for (const [k, link] of chain.entries()) {
		nodes.push({
			id: `node-${k}`,
			name: link.name,
			type: link.type,
			typeVersion: link.typeVersion ?? 1,
			position: [200 * (k + 1), 0],
			parameters: structuredClone(link.parameters ?? {}),
			...(link.credentialId
				? { credentials: { nxCloudApi: { id: link.credentialId, name: 'NXCloud account' } } }
				: {}),
			...(link.onError ? { onError: link.onError } : {}),
		});
		connections[previous] = { main: [[{ node: link.name, type: 'main', index: 0 }]] };
		previous = link.name;
	}

	const settings = { executionOrder: 'v1' as const };
	const workflowData = {
		id: 'wf-in-process',
		name: 'In-process test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes,
		connections,
		settings,
		createdAt: new Date(),
		updatedAt: new Date(),
	};
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections,
		active: false,
		nodeTypes: engine.nodeTypes,
		settings,
	});

	const executionId = String(++executions);
	const hooks = new core.ExecutionLifecycleHooks('manual', executionId, workflowData);
	let resolveFinished: (run: IRun) => void = () => undefined;
	const finished = new Promise<IRun>((resolve) => (resolveFinished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveFinished(run));

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: workflow.getNode(INPUT_NODE)!, data: { main: [[{ json: {} }]] }, source: null },
			],
		},
	});
	const data = additionalData(
		engine.credentialsHelper,
		hooks,
		executionId,
		new core.ExternalSecretsProxy(),
	);
	await new core.WorkflowExecute(data, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	const run = await finished;
	const runData = run.data.resultData.runData;
	const inputError = runData[INPUT_NODE]?.[0]?.error;
	if (inputError) throw new Error(`the harness's Input node failed: ${inputError.message}`);
	return { run, runData, workflow };
}

export async function runWorkflow(engine: Engine, options: RunOptions): Promise<NodeRun> {
	const credentialId = `cred-run-${executions + 1}`;
	engine.credentialsHelper.set(credentialId, 'nxCloudApi', options.credentials ?? {});
	const nxCloud: ChainNode = {
		name: NX_CLOUD_NODE,
		type: NX_CLOUD_NODE_TYPE,
		parameters: options.parameters,
		onError: options.onError,
		credentialId,
		typeVersion: options.typeVersion,
	};
	const chain = await runChain(engine, options.items ?? [{}], [nxCloud, ...(options.then ?? [])]);
	const task = chain.runData[NX_CLOUD_NODE]?.[0];
	if (!task) throw new Error('the NXCloud node did not run');
	const outputs = outputsOf(chain.runData, NX_CLOUD_NODE);
	return {
		...chain,
		items: outputs[0] ?? [],
		outputs,
		error: task.error,
		node: chain.workflow.getNode(NX_CLOUD_NODE)!,
	};
}
