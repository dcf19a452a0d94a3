import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callListQuery } from './listFilters';
import { USER_TASK_ID_FIELD, pageSizeOption, pagingFields } from '../common/fields';
import { optionsCollection } from '../common/options';
import { runPagedList } from '../common/paged';
import { PRODUCT_ID } from '../../transport/requests';
import { CALL_FILTER_FIELDS } from './filterFields';
import { requireUserTaskId } from '../common/userTaskId';
import { outputShapeProperties, shapeOutput } from '../common/outputShape';
import { NUMBER_FIELDS, NUMBER_RAW_FIELDS, simplifyNumber } from './simplified';

const properties: INodeProperties[] = [
	USER_TASK_ID_FIELD,
	...pagingFields(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Order IDs',
				name: 'orderIds',
				type: 'string',
				default: '',
				description: 'Only these order IDs (comma-separated)',
			},
			{
				displayName: 'Finished',
				name: 'finished',
				type: 'options',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Finished Only', value: 'finished' },
					{ name: 'Unfinished Only', value: 'unfinished' },
				],
				default: 'any',
				description: 'Whether NXCloud is done with the number (no more calls will be made)',
			},
			...CALL_FILTER_FIELDS,
		],
	},
	...outputShapeProperties(NUMBER_FIELDS, NUMBER_RAW_FIELDS),
	optionsCollection([pageSizeOption('numbers')]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['callbotCallList'], operation: ['getAllNumbers'] } },
	properties,
);

/** listOrder: one item per number (order) with its last call. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const numbers = await runPagedList(this, items, {
		endpoint: 'listOrder',
		// Not shown by the vendor page: the likely names, in order.
		rowsKeys: [
			'orderList',
			'orderDataList',
			'orderData',
			'orderInfoList',
			'list',
			'data',
			'rows',
			'records',
		],
		body: (i) =>
			callListQuery(
				PRODUCT_ID,
				requireUserTaskId(this, i),
				this.getNodeParameter('filters', i, {}) as IDataObject,
			),
	});
	return shapeOutput(this, numbers, simplifyNumber);
}
