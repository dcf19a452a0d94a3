import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callbotOutput } from '../../transport/envelope';
import { requireUserTaskId } from '../common/userTaskId';
import { USER_TASK_ID_FIELD } from '../common/fields';
import { optionsCollection, readOptions, retryPolicy } from '../common/options';
import { forEachItem } from '../common/perItem';
import { PRODUCT_ID, callbotRequest } from '../../transport/requests';
import { readTaskSettings, taskSettingFields } from './taskFields';

const properties: INodeProperties[] = [
	{
		displayName:
			'Only paused or not yet started tasks can be updated, and only their settings and functions. Changes to phone encryption and SMS do not apply to numbers already imported and take about 5 minutes.',
		name: 'updateNotice',
		type: 'notice',
		default: '',
	},
	USER_TASK_ID_FIELD,
	...taskSettingFields(true, true),
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['callbotTask'], operation: ['update'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const options = readOptions(this, i);
		const userTaskID = requireUserTaskId(this, i);
		const changes = readTaskSettings(this, i, 'createAndCall');
		if (Object.keys(changes).length === 0) {
			throw new Error(
				'Nothing to update: add at least one Task Settings, Manual Call Settings, Functions or SMS Rules entry',
			);
		}
		const body: IDataObject = { productID: PRODUCT_ID, userTaskID, ...changes };
		// Setting the same values twice ends in the same state: safe to resend.
		const envelope = await callbotRequest(
			this,
			'updateTask',
			body,
			retryPolicy(options, i, { retryAmbiguous: true }),
		);
		return { userTaskID, ...callbotOutput(envelope, options.fullResponse === true) };
	});
}
