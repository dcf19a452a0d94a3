import type { IExecuteFunctions } from 'n8n-workflow';

import { toText } from '../../shared/values';
import { itemParameter } from './itemParameter';
import { locatorValue } from './locator';

function checked(value: unknown): string {
	const id = toText(locatorValue(value), 'User Task ID').trim();
	if (id === '') throw new Error('User Task ID is empty: give the userTaskID of the Callbot task');
	return id;
}

/** The User Task ID of item `itemIndex`; throws naming the field when empty. */
export function requireUserTaskId(ctx: IExecuteFunctions, itemIndex: number): string {
	return checked(ctx.getNodeParameter('userTaskId', itemIndex, ''));
}

/** The same for every item of a run, evaluating the parameter only when it is an expression. */
export function userTaskIdReader(ctx: IExecuteFunctions): (itemIndex: number) => string {
	const read = itemParameter(ctx, 'userTaskId', '');
	return (itemIndex) => checked(read(itemIndex));
}
