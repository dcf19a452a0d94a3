import { NODE_TYPES } from './paths';
import type { WorkflowJson, WorkflowNode } from './types';

/** Name of the NXCloud node in the runner workflow (and in its execution's runData). */
export const ACTION_NODE_NAME = 'NXCloud';
const WEBHOOK_NODE_NAME = 'Receive Items';
const SPLIT_NODE_NAME = 'One Item Each';

export interface ActionNodeOptions {
	/** ID of an `nxCloudApi` credential; omit to run the node without one. */
	credentialId?: string;
	/** The NXCloud node's parameters (resource, operation, fields; expressions like `={{ $json.phone }}` work). */
	parameters: Record<string, unknown>;
	/** Node settings: onError, retryOnFail, typeVersion, or another node type (e.g. the trigger's sibling). */
	node?: Partial<
		Pick<
			WorkflowNode,
			'type' | 'typeVersion' | 'onError' | 'retryOnFail' | 'maxTries' | 'waitBetweenTries'
		>
	>;
	/** Workflow name; must be unique (n8n refuses duplicate names). */
	name: string;
}

/**
 * `Webhook (POST, answers with every item of the last node) → Split Out body.items → NXCloud`.
 * Posting `{ runId, items: [...] }` to the production URL runs the NXCloud node once with those
 * items as its input. Split Out, unlike a Code node, needs no task runner, so a run costs ~0.2 s.
 */
export function actionWorkflow(webhookPath: string, options: ActionNodeOptions): WorkflowJson {
	const action: WorkflowNode = {
		name: ACTION_NODE_NAME,
		type: NODE_TYPES.action,
		typeVersion: 1,
		position: [480, 0],
		parameters: options.parameters,
		...options.node,
	};
	if (options.credentialId)
		action.credentials = { nxCloudApi: { id: options.credentialId, name: 'e2e' } };
	return {
		name: options.name,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				name: WEBHOOK_NODE_NAME,
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: webhookPath,
				parameters: {
					httpMethod: 'POST',
					path: webhookPath,
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
			},
			{
				name: SPLIT_NODE_NAME,
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [240, 0],
				parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} },
			},
			action,
		],
		connections: {
			[WEBHOOK_NODE_NAME]: { main: [[{ node: SPLIT_NODE_NAME, type: 'main', index: 0 }]] },
			[SPLIT_NODE_NAME]: { main: [[{ node: ACTION_NODE_NAME, type: 'main', index: 0 }]] },
		},
	};
}

/** The `runId` a run posted, read back from the webhook node's output in an execution. */
export function runIdOf(
	runData: Record<string, Array<{ data?: { main?: unknown[] } }>>,
): string | undefined {
	const first = runData[WEBHOOK_NODE_NAME]?.[0]?.data?.main?.[0] as
		Array<{ json?: { body?: { runId?: string } } }> | undefined;
	return first?.[0]?.json?.body?.runId;
}
