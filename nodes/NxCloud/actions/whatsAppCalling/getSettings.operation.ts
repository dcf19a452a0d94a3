import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { APP_KEY_FIELD, BUSINESS_PHONE_FIELD } from '../common/fields';
import { optionsCollection } from '../common/options';
import { runPhoneRequest } from './phoneRequest';

const properties: INodeProperties[] = [APP_KEY_FIELD, BUSINESS_PHONE_FIELD, optionsCollection()];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppCalling'], operation: ['getSettings'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPhoneRequest(this, items, 'get');
}
