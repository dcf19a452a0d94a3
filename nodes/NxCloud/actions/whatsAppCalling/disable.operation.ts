import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { APP_KEY_FIELD, BUSINESS_PHONE_FIELD, cautionNotice } from '../common/fields';
import { optionsCollection } from '../common/options';
import { runPhoneRequest } from './phoneRequest';

const properties: INodeProperties[] = [
	cautionNotice(
		'Caution: this turns WhatsApp calling off for the business phone at once: users can no longer call it.',
	),
	APP_KEY_FIELD,
	BUSINESS_PHONE_FIELD,
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppCalling'], operation: ['disable'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPhoneRequest(this, items, 'disable', (envelope, itemIndex) => {
		// code 0 with data.disabled false is the vendor's "disabling failed" (https://github.com/nxtele/http-api-document/wiki/wa-calling-disable).
		const data = envelope.data as IDataObject | undefined;
		if (data && data.disabled === false) {
			throw new NodeApiError(this.getNode(), envelope as JsonObject, {
				message: 'NXCloud did not disable calling (data.disabled is false)',
				description: `The request was accepted but calling stays on. Retry later; if it persists, contact NXCloud support. Trace ID: ${String(envelope.traceId ?? 'none')}`,
				itemIndex,
			});
		}
	});
}
