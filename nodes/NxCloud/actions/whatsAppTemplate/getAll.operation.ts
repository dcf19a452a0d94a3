import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toText } from '../../shared/values';
import { APP_KEY_FIELD, BUSINESS_PHONE_FIELD } from '../common/fields';
import { optionsCollection, readOptions, retryPolicy } from '../common/options';
import { forEachItem } from '../common/perItem';
import { collectTemplates } from './templateList';
import { templateScope } from './templateScope';

const properties: INodeProperties[] = [
	APP_KEY_FIELD,
	BUSINESS_PHONE_FIELD,
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only the template of this exact name, in all its languages',
			},
		],
	},
	optionsCollection(
		[
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 20,
				description:
					'How many templates to ask NXCloud for per request while paging (NXCloud default 20)',
			},
		],
		false,
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppTemplate'], operation: ['getAll'] } },
	properties,
);

/** getTemplate (§16), paged with the `after` cursor: one item per template and language. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const scope = templateScope(this);
	return await forEachItem(this, items, async (i) => {
		const options = readOptions(this, i);
		const { appkey, business_phone } = await scope(i);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const name = toText(filters.name, 'Name').trim();
		const returnAll = this.getNodeParameter('returnAll', i, false) === true;
		const limit = returnAll ? Infinity : Number(this.getNodeParameter('limit', i, 50));
		const pageSize = Number(options.pageSize ?? 20);
		return await collectTemplates(
			this,
			{
				appkey,
				businessPhone: business_phone,
				name: name || undefined,
				pageSize: Number.isFinite(pageSize) && pageSize > 0 ? pageSize : 20,
			},
			retryPolicy(options, i, { retryAmbiguous: true }),
			limit,
		);
	});
}
