import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { USER_TASK_ID_FIELD, cautionNotice } from '../common/fields';
import { optionsCollection } from '../common/options';
import { PRODUCT_ID } from '../../transport/requests';
import { runNumberBatch } from './numberBatch';
import { CALLBACK_URL_FIELDS, NUMBER_FIELDS } from './numberFields';
import { userTaskIdReader } from '../common/userTaskId';

const properties: INodeProperties[] = [
	cautionNotice(
		'Caution: if the task is running, the added numbers are dialled at once: real phones ring. Numbers already in the task stay.',
	),
	USER_TASK_ID_FIELD,
	...NUMBER_FIELDS,
	...CALLBACK_URL_FIELDS,
	optionsCollection([], false),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['callbotCallList'], operation: ['addNumbers'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const userTaskId = userTaskIdReader(this);
	return await runNumberBatch(this, items, {
		endpoint: 'addBatchCall',
		userTaskId,
		head: (_i, userTaskID) => ({ productID: PRODUCT_ID, userTaskID }),
	});
}
