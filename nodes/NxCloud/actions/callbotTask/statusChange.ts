import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callbotOutput } from '../../transport/envelope';
import { requireUserTaskId } from '../common/userTaskId';
import { USER_TASK_ID_FIELD, cautionNotice } from '../common/fields';
import { optionsCollection, readOptions, retryPolicy } from '../common/options';
import { forEachItem } from '../common/perItem';
import { PRODUCT_ID, callbotRequest } from '../../transport/requests';

/** mgrTaskStatus taskOperate values (docs/vendor-api.md §6 row 5). */
export const TASK_OPERATE = { start: 1, pause: 2, complete: 3 } as const;
export type TaskOperation = keyof typeof TASK_OPERATE;

const CAUTION: Record<TaskOperation, string> = {
	start: 'Caution: starting the task dials its numbers: real phones ring.',
	pause: 'Pausing stops new calls until the task is started again.',
	complete: 'Caution: a completed task cannot be started again.',
};

export function statusChangeDescription(operation: TaskOperation): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: ['callbotTask'], operation: [operation] } }, [
		cautionNotice(CAUTION[operation]),
		USER_TASK_ID_FIELD,
		{
			displayName: 'Delete Undialled Numbers',
			name: 'deleteUndialled',
			type: 'boolean',
			default: false,
			description:
				'Whether NXCloud also deletes the numbers of the task that were not dialled yet (delCall 1). Use with care.',
		},
		optionsCollection(),
	]);
}

export async function changeStatus(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	operation: TaskOperation,
): Promise<INodeExecutionData[]> {
	return await forEachItem(ctx, items, async (i) => {
		const options = readOptions(ctx, i);
		const userTaskID = requireUserTaskId(ctx, i);
		const delCall = ctx.getNodeParameter('deleteUndialled', i, false) === true ? 1 : 0;
		// Asking for the same status twice ends in the same state: safe to resend.
		const envelope = await callbotRequest(
			ctx,
			'mgrTaskStatus',
			{ productID: PRODUCT_ID, userTaskID, taskOperate: TASK_OPERATE[operation], delCall },
			retryPolicy(options, i, { retryAmbiguous: true }),
		);
		return { userTaskID, ...callbotOutput(envelope, options.fullResponse === true) };
	});
}
