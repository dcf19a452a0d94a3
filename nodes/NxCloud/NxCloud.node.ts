import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { nxCloudRequest } from './transport/nxCloudRequest';

export class NxCloud implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NXCloud',
		name: 'nxCloud',
		icon: { light: 'file:nxcloud.svg', dark: 'file:nxcloud.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'WhatsApp Calling settings and the Callbot AI outbound-call API of NXCloud',
		defaults: { name: 'NXCloud' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'nxCloudApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Callbot', value: 'callbot' }],
				default: 'callbot',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['callbot'] } },
				options: [
					{
						name: 'Ping',
						value: 'ping',
						description: 'Check that Callbot answers and accepts the credential',
						action: 'Ping callbot',
					},
				],
				default: 'ping',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const returnData: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const response = await nxCloudRequest.call(this, {
					product: 'callbot',
					path: '/callcentre/api/v3/ping',
					body: { data: 'n8n' },
				});
				returnData.push({ json: response as IDataObject, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					returnData.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			}
		}
		return [returnData];
	}
}
