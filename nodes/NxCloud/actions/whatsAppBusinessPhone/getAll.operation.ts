import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requirePhone } from '../../shared/phone';
import { toList } from '../../shared/values';
import { actionAppKey } from '../common/appKey';
import { APP_KEY_FIELD } from '../common/fields';
import { optionsCollection, readOptions, retryPolicy } from '../common/options';
import { forEachItem } from '../common/perItem';
import { listPhones } from './phoneList';

const properties: INodeProperties[] = [
	APP_KEY_FIELD,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Business Phones',
				name: 'businessPhones',
				type: 'string',
				default: '',
				placeholder: 'e.g. 8613300000000, 85266123456',
				description:
					'Only these numbers (comma-separated, with country code). Empty: every number of the application.',
			},
		],
	},
	optionsCollection([], false),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppBusinessPhone'], operation: ['getAll'] } },
	properties,
);

/** getPhone (§15): one item per number with its display name, status, quality rating and tier. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const appKey = actionAppKey(this);
	return await forEachItem(this, items, async (i) => {
		const options = readOptions(this, i);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const only = toList(filters.businessPhones, 'Business Phones').map((phone) =>
			requirePhone(phone, 'Business Phones'),
		);
		return await listPhones(
			this,
			await appKey(i),
			only,
			retryPolicy(options, i, { retryAmbiguous: true }),
		);
	});
}
