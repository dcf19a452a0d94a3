// Shared body parsing for the Callbot endpoints that create tasks and import orders.
import { isPlainObject } from '../http';
import {
	type Obj,
	formatError,
	invalidValue,
	optionalInt,
	optionalObject,
	optionalString,
	optionalUrl,
	requireArray,
	requireObject,
	requireString,
	tooManyElements,
} from './fields';
import type { ImportRow, NewTask } from './model';

export function parseNewTask(body: Obj): NewTask {
	const userTaskID = requireString(body, 'userTaskID');
	const sceneID = requireString(body, 'sceneID');
	const taskCreateSetting = optionalObject(body, 'taskCreateSetting') ?? {};
	const funcFlag = optionalObject(body, 'funcFlag') ?? {};
	const taskName =
		optionalString(taskCreateSetting, 'taskName', 'taskCreateSetting') ??
		optionalString(body, 'taskName') ??
		'';
	const taskCallbackUrl =
		optionalUrl(body, 'taskCallbackUrl') ??
		optionalUrl(taskCreateSetting, 'taskCallbackUrl', 'taskCreateSetting') ??
		'';
	return {
		userTaskID,
		sceneID,
		taskName,
		other: optionalString(body, 'other') ?? '',
		taskCreateSetting,
		funcFlag,
		taskCallbackUrl,
		orderCallbackUrl: optionalUrl(body, 'orderCallbackUrl') ?? '',
	};
}

function parseParams(item: Obj, base: string): ImportRow['params'] {
	const params = requireArray(item, 'params', base);
	return params.map((param, j) => {
		const at = `${base}.params[${j}]`;
		if (!isPlainObject(param)) throw formatError(at, 'an object');
		return {
			name: requireString(param, 'name', at),
			value: requireString(param, 'value', at, true),
		};
	});
}

/**
 * callInfoList of addBatchCall / importBatchCall / createAndCall, with every field the vendor
 * marks required (the vendor's Callbot-batchImportCall page, docs/vendor-api.md §6 row 12). A structural problem anywhere fails the
 * whole request; a bad phone or a reused orderID only fails that row (errList, in the model).
 */
export function parseCallInfoList(
	body: Obj,
	maxRows: number,
): {
	urls: { orderCallbackUrl: string; callCallbackUrl: string };
	rows: ImportRow[];
} {
	const info = requireObject(body, 'callInfoList');
	const orderCallbackUrl = optionalUrl(info, 'orderCallbackUrl', 'callInfoList', true) as string;
	const callCallbackUrl = optionalUrl(info, 'callCallbackUrl', 'callInfoList', true) as string;
	const list = requireArray(info, 'callList', 'callInfoList');
	if (list.length === 0) throw invalidValue('callInfoList.callList', 'must not be empty');
	if (list.length > maxRows) throw tooManyElements('callInfoList.callList', list.length, maxRows);
	const rows = new Array<ImportRow>(list.length);
	for (let i = 0; i < list.length; i++) {
		const item = list[i];
		const base = `callInfoList.callList[${i}]`;
		if (!isPlainObject(item)) throw formatError(base, 'an object');
		rows[i] = {
			// Empty orderID / malformed userPhone are row errors (errList), not request errors.
			orderID: requireString(item, 'orderID', base, true),
			userPhone: requireString(item, 'userPhone', base, true),
			// Required, and only userName/customerName are documented as "may be an empty string".
			other: requireString(item, 'other', base),
			userName: requireString(item, 'userName', base, true),
			customerName: requireString(item, 'customerName', base, true),
			params: parseParams(item, base),
		};
	}
	return { urls: { orderCallbackUrl, callCallbackUrl }, rows };
}

export function requireFlag01(body: Obj, key: string, fallback: number): number {
	const value = optionalInt(body, key) ?? fallback;
	if (value !== 0 && value !== 1) throw invalidValue(key, `must be 0 or 1, got ${value}`);
	return value;
}
