import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callbotOutput } from '../../transport/envelope';
import { callbackUrl, toText } from '../../shared/values';
import { optionsCollection, readOptions, retryPolicy } from '../common/options';
import { forEachItem } from '../common/perItem';
import { PRODUCT_ID, callbotRequest } from '../../transport/requests';
import {
	NEW_TASK_ID_FIELD,
	SCENE_ID_FIELD,
	readNewTaskIds,
	readTaskSettings,
	taskSettingFields,
} from './taskFields';

const properties: INodeProperties[] = [
	NEW_TASK_ID_FIELD,
	SCENE_ID_FIELD,
	...taskSettingFields(false, false),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Free Text (Other)',
				name: 'other',
				type: 'string',
				default: '',
				description:
					'Free text kept with the task (other). NXCloud does not say whether it returns it in callbacks; per-number text that comes back in the callbacks is Passthrough to Callbacks of the numbers.',
			},
			{
				displayName: 'Order Callback URL',
				name: 'orderCallbackUrl',
				type: 'string',
				default: '',
				description: 'Where NXCloud posts each finished order of this task',
			},
			{
				displayName: 'Task Callback URL',
				name: 'taskCallbackUrl',
				type: 'string',
				default: '',
				description: 'Where NXCloud posts task status changes',
			},
		],
	},
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['callbotTask'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const options = readOptions(this, i);
		const { userTaskID, generated, sceneID } = readNewTaskIds(this, i);
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body: IDataObject = {
			productID: PRODUCT_ID,
			userTaskID,
			sceneID,
			...readTaskSettings(this, i, 'createTask'),
		};
		if (extra.other !== undefined) body.other = toText(extra.other, 'Free Text (Other)');
		if (extra.taskCallbackUrl !== undefined)
			body.taskCallbackUrl = callbackUrl(extra.taskCallbackUrl, 'Task Callback URL');
		if (extra.orderCallbackUrl !== undefined)
			body.orderCallbackUrl = callbackUrl(extra.orderCallbackUrl, 'Order Callback URL');
		// Not resent after an unclear failure: the second try would be refused as a duplicate
		// userTaskID even though the first created the task, which misreports the outcome.
		const envelope = await callbotRequest(
			this,
			'createTask',
			body,
			retryPolicy(options, i, { retryAmbiguous: false, ambiguousCodes: [5001] }),
		);
		return {
			userTaskID,
			userTaskIdGenerated: generated,
			...callbotOutput(envelope, options.fullResponse === true),
		};
	});
}
