import type { IExecuteFunctions } from 'n8n-workflow';

import { toText } from '../../helpers/text';

/** The User Task ID of item `itemIndex`; throws naming the field when empty. */
export function requireUserTaskId(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = toText(ctx.getNodeParameter('userTaskId', itemIndex, ''), 'User Task ID').trim();
	if (id === '') throw new Error('User Task ID is empty: give the userTaskID of the Callbot task');
	return id;
}
