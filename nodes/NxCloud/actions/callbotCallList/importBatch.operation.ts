import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { USER_TASK_ID_FIELD, cautionNotice } from '../common/fields';
import { optionsCollection } from '../common/options';
import { PRODUCT_ID } from '../../transport/requests';
import { runNumberBatch } from './numberBatch';
import { CALLBACK_URL_FIELDS, IMPORT_OPTIONS, NUMBER_FIELDS } from './numberFields';
import { userTaskIdReader } from '../common/userTaskId';

const properties: INodeProperties[] = [
	cautionNotice(
		'Caution: every import opens a new batch, and the numbers of the previous batch that were not dialled yet are removed from the task. All input items go out as one batch. If the task is running, the numbers are dialled at once: real phones ring.',
	),
	USER_TASK_ID_FIELD,
	...NUMBER_FIELDS,
	...CALLBACK_URL_FIELDS,
	optionsCollection(IMPORT_OPTIONS, false),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['callbotCallList'], operation: ['importBatch'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const userTaskId = userTaskIdReader(this);
	return await runNumberBatch(this, items, {
		endpoint: 'importBatchCall',
		userTaskId,
		head: (_i, userTaskID) => ({ productID: PRODUCT_ID, userTaskID }),
	});
}
