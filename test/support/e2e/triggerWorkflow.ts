import { randomUUID } from 'node:crypto';

import type { N8nClient } from './n8nClient';
import { uniqueName } from './n8nClient';
import { NODE_TYPES } from './paths';
import type { WorkflowJson } from './types';

export const TRIGGER_NODE = 'NXCloud Trigger';

export interface DeployedTrigger {
	workflowId: string;
	/** Production webhook URL. */
	url: string;
	/** The trigger's parameters, as deployed. */
	parameters: Record<string, unknown>;
}

/** The no-op that `downstreamOutput` hangs off the trigger. */
export const DOWNSTREAM_NODE = 'Next Step';

export interface TriggerWorkflowOptions {
	/** Hang a no-op off this output, so an execution also shows which branch ran. */
	downstreamOutput?: number;
}

/** A workflow holding the NXCloud Trigger with the given parameters (not created in n8n). */
export function triggerWorkflow(
	webhookId: string,
	credentialId: string,
	parameters: Record<string, unknown>,
	label: string,
	options: TriggerWorkflowOptions = {},
): WorkflowJson {
	const workflow: WorkflowJson = {
		name: uniqueName(`NXCloud ${label}`),
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				name: TRIGGER_NODE,
				type: NODE_TYPES.trigger,
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters,
				credentials: { nxCloudApi: { id: credentialId, name: label } },
			},
		],
		connections: {},
	};
	const branch = options.downstreamOutput;
	if (branch !== undefined) {
		workflow.nodes.push({
			name: DOWNSTREAM_NODE,
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [300, 0],
			parameters: {},
		});
		workflow.connections[TRIGGER_NODE] = {
			main: Array.from({ length: branch + 1 }, (_, i) =>
				i === branch ? [{ node: DOWNSTREAM_NODE, type: 'main', index: 0 }] : [],
			),
		};
	}
	return workflow;
}

/** The trigger's workflow, created and activated, once its production webhook answers. */
export async function deployTrigger(
	n8n: N8nClient,
	credentialId: string,
	parameters: Record<string, unknown>,
	label: string,
	options: TriggerWorkflowOptions = {},
): Promise<DeployedTrigger> {
	const webhookId = randomUUID();
	const workflowId = await n8n.createWorkflow(
		triggerWorkflow(webhookId, credentialId, parameters, label, options),
	);
	await n8n.activateWorkflow(workflowId);
	const url = n8n.webhookUrl(`${webhookId}/webhook`);
	// An unsigned `{}` is refused with 401 once the trigger is live (Signature Check: Required).
	await n8n.waitForWebhook(url, 401);
	return { workflowId, url, parameters };
}
