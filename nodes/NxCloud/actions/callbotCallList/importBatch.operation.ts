import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { USER_TASK_ID_FIELD, cautionNotice } from '../common/fields';
import { optionsCollection } from '../common/options';
import { PRODUCT_ID } from '../../transport/requests';
import { runNumberBatch } from './numberBatch';
import { CALLBACK_URL_FIELDS, NUMBER_FIELDS } from './numberFields';
import { userTaskIdReader } from '../common/userTaskId';

export const IMPORT_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Gzip Request Body',
		name: 'gzipBody',
		type: 'boolean',
		default: false,
		description:
			'Whether to compress the request (Content-Encoding: gzip), which makes large lists much smaller on the wire. The uncompressed JSON is what gets signed; NXCloud does not document which bytes it checks, so this is off by default.',
	},
	{
		displayName: 'Wait If Import Running',
		name: 'waitIfImportRunning',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait and retry, with growing pauses, while NXCloud answers retCode 1001 (an earlier import of this task is still running). Off: fail at once with that reason.',
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 120,
		description: 'How long to keep waiting for a running import to finish',
	},
	{
		displayName: 'Check Result After Unclear Failure',
		name: 'checkAfterUnclearFailure',
		type: 'boolean',
		default: true,
		description:
			'Whether to ask NXCloud for the latest batch (Export Latest Batch, read-only) when the import\'s answer is lost (timeout, connection reset, server error), and report per row what NXCloud holds. An import is never sent twice: a second import would open another batch and drop the numbers of the first.',
	},
];

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

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const userTaskId = userTaskIdReader(this);
	return await runNumberBatch(this, items, {
		endpoint: 'importBatchCall',
		userTaskId,
		head: (_i, userTaskID) => ({ productID: PRODUCT_ID, userTaskID }),
	});
}
