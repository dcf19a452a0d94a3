import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { MESSAGING_PRODUCT, whatsAppRequest } from '../../transport/whatsApp';
import { APP_KEY_FIELD, BUSINESS_PHONE_FIELD } from '../common/fields';
import { optionsCollection, readOptions, retryPolicy } from '../common/options';
import { forEachItem } from '../common/perItem';
import {
	CATEGORIES,
	CATEGORY_OPTIONS,
	COMPONENTS_FIELD,
	TEMPLATE_FIELD,
	componentsOf,
	templateIdOf,
} from './templateFields';
import { templateScope } from './templateScope';

const properties: INodeProperties[] = [
	APP_KEY_FIELD,
	BUSINESS_PHONE_FIELD,
	TEMPLATE_FIELD,
	{
		...COMPONENTS_FIELD,
		description: `${COMPONENTS_FIELD.description} The new components replace all old ones.`,
	},
	optionsCollection([
		{
			displayName: 'Category',
			name: 'category',
			type: 'options',
			options: CATEGORY_OPTIONS,
			default: 'UTILITY',
			description: 'New category; NXCloud accepts a change only for a rejected template',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppTemplate'], operation: ['update'] } },
	properties,
);

/**
 * updateTemplate (§18.3): the full new components of one template. Sending the same update twice
 * ends in the same template, so a lost answer may be retried. (Meta allows one edit of an
 * approved template per 24 hours.)
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const scope = templateScope(this);
	return await forEachItem(this, items, async (i) => {
		const options = readOptions(this, i);
		const body: IDataObject = {
			...(await scope(i)),
			messaging_product: MESSAGING_PRODUCT,
			template_id: templateIdOf(this.getNodeParameter('template', i)),
			components: componentsOf(this.getNodeParameter('components', i, '')),
		};
		if (options.category !== undefined) {
			const category = String(options.category).toUpperCase();
			if (!(CATEGORIES as readonly string[]).includes(category))
				throw new Error(`Category must be one of ${CATEGORIES.join(', ')}`);
			body.category = category;
		}
		const envelope = await whatsAppRequest(
			this,
			'updateTemplate',
			'updateTemplate',
			body,
			retryPolicy(options, i, { retryAmbiguous: true }),
		);
		if (options.fullResponse === true) return envelope;
		const data = (envelope.data ?? {}) as IDataObject;
		return { id: data.id ?? body.template_id, updated: true };
	});
}
