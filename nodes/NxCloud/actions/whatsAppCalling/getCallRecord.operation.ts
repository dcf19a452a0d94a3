import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { APP_KEY_FIELD, BUSINESS_PHONE_FIELD } from '../common/fields';
import { optionsCollection } from '../common/options';
import { runPhoneRequest } from './phoneRequest';

const properties: INodeProperties[] = [
	APP_KEY_FIELD,
	BUSINESS_PHONE_FIELD,
	{
		displayName: 'Call ID',
		name: 'callId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. outgoing:wacid.HBgN…',
		description: 'The call_id of the call, as the NXCloud calls webhook (NXCloud Trigger) delivers it',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppCalling'], operation: ['getCallRecord'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runPhoneRequest(this, items, 'query');
}
