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

/** An active workflow holding only the NXCloud Trigger, with the given parameters. */
export async function deployTrigger(
	n8n: N8nClient,
	credentialId: string,
	parameters: Record<string, unknown>,
	label: string,
): Promise<DeployedTrigger> {
	const webhookId = randomUUID();
	const workflow: WorkflowJson = {
		name: uniqueName(`NXCloud reliability ${label}`),
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				name: TRIGGER_NODE,
				type: NODE_TYPES.trigger,
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters,
				credentials: { nxCloudApi: { id: credentialId, name: 'reliability' } },
			},
		],
		connections: {},
	};
	const workflowId = await n8n.createWorkflow(workflow);
	await n8n.activateWorkflow(workflowId);
	const url = n8n.webhookUrl(`${webhookId}/webhook`);
	// An unsigned `{}` is refused with 401 once the trigger is live (Signature Check: Required).
	await n8n.waitForWebhook(url, 401);
	return { workflowId, url, parameters };
}
