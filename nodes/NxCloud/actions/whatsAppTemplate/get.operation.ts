import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { APP_KEY_FIELD, BUSINESS_PHONE_FIELD } from '../common/fields';
import { optionsCollection, readOptions, retryPolicy } from '../common/options';
import { forEachItem } from '../common/perItem';
import { TEMPLATE_FIELD, templateIdOf } from './templateFields';
import { collectTemplates } from './templateList';
import { templateScope } from './templateScope';

const properties: INodeProperties[] = [
	APP_KEY_FIELD,
	BUSINESS_PHONE_FIELD,
	TEMPLATE_FIELD,
	optionsCollection([], false),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppTemplate'], operation: ['get'] } },
	properties,
);

/**
 * One template by ID, with its status, quality and components. getTemplate has no ID filter
 * (§16), so the list is paged until the template turns up.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const scope = templateScope(this);
	return await forEachItem(this, items, async (i) => {
		const options = readOptions(this, i);
		const { appkey, business_phone } = await scope(i);
		const id = templateIdOf(this.getNodeParameter('template', i));
		const seen = await collectTemplates(
			this,
			{ appkey, businessPhone: business_phone, pageSize: 100 },
			retryPolicy(options, i, { retryAmbiguous: true }),
			Infinity,
			(template) => String(template.id) === id,
		);
		const found = seen.find((template) => String(template.id) === id);
		if (!found)
			throw new Error(
				`Template: no template with ID "${id}" on business phone ${business_phone} (${seen.length} templates checked)`,
			);
		return found;
	});
}
