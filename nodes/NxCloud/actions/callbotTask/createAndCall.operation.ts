import { randomUUID } from 'crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toText } from '../../shared/values';
import { runNumberBatch } from '../callbotCallList/numberBatch';
import { CALLBACK_URL_FIELDS, NUMBER_FIELDS } from '../callbotCallList/numberFields';
import { cautionNotice } from '../common/fields';
import { itemParameter } from '../common/itemParameter';
import { optionsCollection } from '../common/options';
import { PRODUCT_ID } from '../../transport/requests';
import {
	NEW_TASK_ID_FIELD,
	SCENE_ID_FIELD,
	readTaskSettings,
	requireSceneId,
	taskSettingFields,
} from './taskFields';

const properties: INodeProperties[] = [
	cautionNotice(
		'Caution: creates a task and imports the input items as its numbers in one request. Depending on the Startup Type the task may start dialling by itself: real phones ring.',
	),
	NEW_TASK_ID_FIELD,
	SCENE_ID_FIELD,
	...taskSettingFields(true, true),
	...NUMBER_FIELDS,
	...CALLBACK_URL_FIELDS,
	optionsCollection([], false),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['callbotTask'], operation: ['createAndCall'] } },
	properties,
);

/**
 * One createAndCall request per task: items whose User Task ID resolves to the same value share
 * it; an empty one gets a single generated UUID for the whole run. Every input item comes back
 * as one item for its number, carrying the new task's IDs.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	let generatedId: string | undefined;
	const generated = new Set<string>();
	const userTaskId = itemParameter(this, 'userTaskId', '');
	return await runNumberBatch(this, items, {
		endpoint: 'createAndCall',
		userTaskId: (i) => {
			const given = toText(userTaskId(i), 'User Task ID').trim();
			if (given !== '') return given;
			generatedId ??= randomUUID();
			generated.add(generatedId);
			return generatedId;
		},
		head: (i, userTaskID) => {
			return {
				productID: PRODUCT_ID,
				userTaskID,
				sceneID: requireSceneId(this, i),
				...readTaskSettings(this, i, 'createAndCall'),
			};
		},
		fromAnswer: (envelope): IDataObject => {
			const extra: IDataObject = {};
			if (envelope.taskID !== undefined) extra.taskID = envelope.taskID;
			if (envelope.taskStatus !== undefined) extra.taskStatus = envelope.taskStatus;
			if (typeof envelope.userTaskID === 'string')
				extra.userTaskIdGenerated = generated.has(envelope.userTaskID);
			return extra;
		},
	});
}
