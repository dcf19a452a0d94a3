import type { INodePropertyOptions } from 'n8n-workflow';

import { NODE_TYPES } from '../e2e/paths';
import type { WorkflowJson, WorkflowNode } from '../e2e/types';
import { builtDescription, property, staticOptions } from './nodeDescription';

/**
 * The workflows the README screenshots show (test/ui/screenshots.test.ts), built from the BUILT
 * node descriptions so that renamed actions or labels show up in the next run without edits here.
 * Fixed ids and positions: the same run gives the same picture.
 */

/** A fixed webhook id, so the URL in the trigger screenshot is the same on every run. */
export const HERO_WEBHOOK_ID = '4f9d2c1e-7b3a-4e58-9a61-2c8f0d5b7e31';

/** Rows a user would have read from a CSV or a CRM: the input of the mapped Import. */
export const HERO_CONTACTS = [
	{ phone: '+86 133 0000 0001', name: 'Li Wei', company: 'Spring Tea House', crmId: 'CRM-1041' },
	{
		phone: '+86 133 0000 0002',
		name: 'Zhang Min',
		company: 'Harbour Logistics',
		crmId: 'CRM-1042',
	},
	{ phone: '+86 133 0000 0003', name: 'Chen Jie', company: 'Blue Lake Dental', crmId: 'CRM-1043' },
];

/**
 * Where the Import tells NXCloud to send its order and call callbacks: a Callbot trigger's
 * production URL, on the public host the screenshots show (scripts/screenshots.sh).
 */
export const HERO_CALLBACK_URL =
	'https://n8n.example.com/webhook/7c2e9b14-3d5a-4f60-8b17-9e4a0c6d2f58/webhook';

export type CredentialRef = { id: string; name: string };

function nodeVersion(file: 'NxCloud' | 'NxCloudTrigger'): number {
	const version = builtDescription(file).version;
	return Array.isArray(version) ? Math.max(...version) : version;
}

/** The action n8n names a node after when the user picks it in the node creator. */
export function actionName(resource: string, operation: string): string {
	const description = builtDescription('NxCloud');
	const option = staticOptions(property(description, 'operation', { resource })).find(
		(o: INodePropertyOptions) => o.value === operation,
	);
	if (!option) throw new Error(`The built NXCloud node has no operation ${resource}/${operation}`);
	return option.action ?? option.name;
}

/** The trigger on its defaults (WhatsApp, one output per event type) with a credential chosen. */
export function triggerWorkflow(name: string, credential: CredentialRef): WorkflowJson {
	const trigger: WorkflowNode = {
		id: 'a1c9e0d2-5b7f-4c3e-8d21-0f6a9b4c7e10',
		name: builtDescription('NxCloudTrigger').defaults.name ?? 'NXCloud Trigger',
		type: NODE_TYPES.trigger,
		typeVersion: nodeVersion('NxCloudTrigger'),
		position: [0, 0],
		parameters: {},
		webhookId: HERO_WEBHOOK_ID,
		credentials: { nxCloudApi: credential },
	};
	return { name, nodes: [trigger], connections: {} };
}

/**
 * Manual trigger → "Contacts" (a Code node returning HERO_CONTACTS, its output pinned so the
 * editor shows it as the Import's input without a run) → Import as New Batch, whose number fields
 * are mapped from the contacts' fields the way dragging them from the input panel does.
 */
export function mappedImportWorkflow(
	name: string,
	credential: CredentialRef,
): WorkflowJson & { pinData: Record<string, Array<{ json: Record<string, unknown> }>> } {
	const importName = actionName('callbotCallList', 'importBatch');
	const manual: WorkflowNode = {
		id: 'b2d0f1e3-6c8a-4d4f-9e32-1a7b0c5d8f21',
		name: 'When clicking ‘Execute workflow’',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const contacts: WorkflowNode = {
		id: 'c3e1a2f4-7d9b-4e5a-8f43-2b8c1d6e9a32',
		name: 'Contacts',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [220, 0],
		parameters: {
			jsCode: `return ${JSON.stringify(HERO_CONTACTS.map((json) => ({ json })))};`,
		},
	};
	const importBatch: WorkflowNode = {
		id: 'd4f2b3a5-8e0c-4f6b-9a54-3c9d2e7f0b43',
		name: importName,
		type: NODE_TYPES.action,
		typeVersion: nodeVersion('NxCloud'),
		position: [440, 0],
		parameters: {
			resource: 'callbotCallList',
			operation: 'importBatch',
			userTaskId: { __rl: true, mode: 'id', value: 'spring-campaign' },
			inputMode: 'mapEachField',
			phone: '={{ $json.phone }}',
			orderId: '={{ $json.crmId }}',
			userName: '={{ $json.name }}',
			customerName: '={{ $json.company }}',
			orderCallbackUrl: HERO_CALLBACK_URL,
			callCallbackUrl: HERO_CALLBACK_URL,
		},
		credentials: { nxCloudApi: credential },
	};
	return {
		name,
		nodes: [manual, contacts, importBatch],
		connections: {
			[manual.name]: { main: [[{ node: contacts.name, type: 'main', index: 0 }]] },
			[contacts.name]: { main: [[{ node: importBatch.name, type: 'main', index: 0 }]] },
		},
		pinData: { [contacts.name]: HERO_CONTACTS.map((json) => ({ json })) },
	};
}
