import type { IDataObject } from 'n8n-workflow';

import { asObject, isObject, pick, text } from './objects';
import type { CallbotOutput, SplitEvent } from './types';

const CONTEXT_KEYS = ['callbackType', 'userTaskID', 'taskID', 'sceneID'] as const;

/**
 * Which callback a body is, by its shape (docs/vendor-api.md §7). `callbackType` is not used: the vendor prints it
 * as a string in one example and a number in the others, and never documents the call value.
 * - `taskStat` → task status callback (docs/vendor-api.md §7.1);
 * - `callInfoDetail` carrying `callingNumber` or `lineAddress` → per-call callback (docs/vendor-api.md §7.3);
 * - `callInfoDetail` or `orderID` otherwise → order callback (docs/vendor-api.md §7.2);
 * - anything else → Other.
 */
export function classifyCallbotCallback(body: IDataObject): CallbotOutput {
	if (body.taskStat !== undefined) return 'task';
	const detail = body.callInfoDetail;
	if (
		isObject(detail) &&
		(detail.callingNumber !== undefined || detail.lineAddress !== undefined)
	) {
		return 'call';
	}
	if (detail !== undefined || body.orderID !== undefined) return 'order';
	return 'other';
}

/**
 * One Callbot callback is one event. The business number is the caller id NXCloud dialled from
 * (`callingNumber`), when the callback names it.
 */
export function splitCallbotCallback(body: unknown): SplitEvent[] {
	const data = asObject(body);
	const output = classifyCallbotCallback(data);
	const detail = isObject(data.callInfoDetail) ? data.callInfoDetail : {};
	const callingNumber = text(detail.callingNumber);
	return [
		{
			event: `callbot.${output === 'other' ? 'unknown' : output}`,
			output,
			filterKey: output === 'other' ? null : output,
			data,
			context: pick(data, CONTEXT_KEYS),
			businessPhones: callingNumber === undefined ? [] : [callingNumber],
		},
	];
}
