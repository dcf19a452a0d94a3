import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { MESSAGING_PRODUCT, whatsAppRequest } from '../../transport/whatsApp';
import { APP_KEY_FIELD, BUSINESS_PHONE_FIELD, cautionNotice } from '../common/fields';
import { optionsCollection, readOptions, retryPolicy } from '../common/options';
import { forEachItem } from '../common/perItem';
import { TEMPLATE_NAME_FIELD, templateNameOf } from './templateFields';
import { templateScope } from './templateScope';

const properties: INodeProperties[] = [
	cautionNotice(
		'Deletes the template in every language. WhatsApp blocks its name for 30 days afterwards.',
	),
	APP_KEY_FIELD,
	BUSINESS_PHONE_FIELD,
	TEMPLATE_NAME_FIELD,
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppTemplate'], operation: ['delete'] } },
	properties,
);

/** deleteTemplate (§18.4), by name: all languages go. Deleting twice ends the same, so retried. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const scope = templateScope(this);
	return await forEachItem(this, items, async (i) => {
		const options = readOptions(this, i);
		const name = templateNameOf(this.getNodeParameter('templateName', i));
		const body: IDataObject = { ...(await scope(i)), messaging_product: MESSAGING_PRODUCT, name };
		const envelope = await whatsAppRequest(
			this,
			'deleteTemplate',
			'deleteTemplate',
			body,
			retryPolicy(options, i, { retryAmbiguous: true }),
		);
		if (options.fullResponse === true) return envelope;
		const data = (envelope.data ?? {}) as IDataObject;
		return { name, success: data.success ?? null };
	});
}
