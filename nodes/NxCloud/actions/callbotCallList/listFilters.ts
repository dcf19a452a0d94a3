import type { IDataObject } from 'n8n-workflow';

import { toIntegerList, toList, toNumber, toUnixSeconds } from '../../shared/values';

/**
 * `options` / `queryConditions` of the Callbot lists (docs/vendor-api.md §6 rows 7–9) from a "Filters" collection.
 * Only filters the user set are sent. List filters accept an array or comma-separated text.
 */
const LIST_FILTERS: Array<[string, string, 'text' | 'integer']> = [
	['callIds', 'callID', 'text'],
	['orderIds', 'orderID', 'text'],
	['intentIds', 'intentID', 'text'],
	['intentNames', 'intentName', 'text'],
	['intentTags', 'intentTag', 'text'],
	['intentLevels', 'intentLevel', 'integer'],
	['callStatuses', 'callStatus', 'integer'],
];

/** An unset bound (empty) is no bound; a set one must be a number. */
function bound(value: unknown, field: string): number | undefined {
	return value === undefined || value === null || value === '' ? undefined : toNumber(value, field);
}

/** `{gt, lt, enable}`: the vendor's range filter (exclusive bounds), enabled when a bound is set. */
export function rangeFilter(
	moreThan: unknown,
	lessThan: unknown,
	field: string,
): IDataObject | undefined {
	const gt = bound(moreThan, `${field} more than`);
	const lt = bound(lessThan, `${field} less than`);
	if (gt === undefined && lt === undefined) return undefined;
	if (gt !== undefined && lt !== undefined && lt <= gt) {
		throw new Error(
			`${field}: "less than" (${lt}) must be above "more than" (${gt}), or no row can match`,
		);
	}
	const range: IDataObject = { enable: true };
	if (gt !== undefined) range.gt = gt;
	if (lt !== undefined) range.lt = lt;
	return range;
}

/** Filters of listCall (`options`) and listOrder (`options`, plus `finish`). */
export function callFilters(filters: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [param, key, kind] of LIST_FILTERS) {
		if (filters[param] === undefined) continue;
		const list =
			kind === 'integer' ? toIntegerList(filters[param], param) : toList(filters[param], param);
		if (list.length > 0) out[key] = list;
	}
	const turnTime = rangeFilter(filters.turnsMoreThan, filters.turnsLessThan, 'Turns');
	if (turnTime) out.turnTime = turnTime;
	const callDuration = rangeFilter(
		filters.durationMoreThan,
		filters.durationLessThan,
		'Call duration',
	);
	if (callDuration) out.callDuration = callDuration;
	const startTs = toUnixSeconds(filters.startedAfter, 'Started After');
	const endTs = toUnixSeconds(filters.startedBefore, 'Started Before');
	if (startTs !== undefined) out.startTs = startTs;
	if (endTs !== undefined) out.endTs = endTs;
	if (filters.finished === 'finished') out.finish = true;
	else if (filters.finished === 'unfinished') out.finish = false;
	return out;
}

/** The body of listCall and listOrder (without page/size): the task and its filters. */
export function callListQuery(
	productID: string,
	userTaskID: string,
	filters: IDataObject,
): IDataObject {
	// options always sent, {} when there is no filter: the vendor page lists it without saying it may be left out.
	return { productID, userTaskID, options: callFilters(filters) };
}

/** queryConditions of listTask. */
export function taskFilters(filters: IDataObject): IDataObject {
	const out: IDataObject = {};
	if (Array.isArray(filters.taskStatuses) && filters.taskStatuses.length > 0) {
		out.taskStatus = (filters.taskStatuses as unknown[]).map((status) => Number(status));
	}
	const names = toList(filters.taskNames, 'Task Names');
	if (names.length > 0) out.taskName = names;
	const ids = toList(filters.userTaskIds, 'User Task IDs');
	if (ids.length > 0) out.userTaskID = ids;
	if (typeof filters.sceneId === 'string' && filters.sceneId.trim() !== '')
		out.sceneID = filters.sceneId.trim();
	const startTs = toUnixSeconds(filters.createdAfter, 'Created After');
	const endTs = toUnixSeconds(filters.createdBefore, 'Created Before');
	if (startTs !== undefined) out.startTs = startTs;
	if (endTs !== undefined) out.endTs = endTs;
	return out;
}
