import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export class NxCloudTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NXCloud Trigger',
		name: 'nxCloudTrigger',
		icon: { light: 'file:nxcloud.svg', dark: 'file:nxcloud.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["source"]}}',
		description: 'Starts the workflow on NXCloud WhatsApp webhook pushes and Callbot callbacks',
		defaults: { name: 'NXCloud Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'nxCloudApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: 'Source',
				name: 'source',
				type: 'options',
				options: [
					{ name: 'WhatsApp Webhook', value: 'whatsapp' },
					{ name: 'Callbot Callback', value: 'callbot' },
				],
				default: 'whatsapp',
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const body = this.getBodyData();
		return { workflowData: [[{ json: body }]] };
	}
}
