// Request bodies → model operations → response fields, one function per Callbot endpoint (§6).
// Handlers throw CallbotError for refusals; index.ts adds retCode/retMsg/responseID around
// what they return. Shapes marked "not retrieved" in the spec are our assumptions (README in index.ts).
import { isPlainObject } from '../http';
import {
	type Obj,
	type Range,
	formatError,
	inRange,
	invalidValue,
	optionalInt,
	optionalList,
	optionalObject,
	optionalRange,
	optionalString,
	optionalUrl,
	requireArray,
	requireInt,
	requireObject,
	requirePaging,
	requireProductId,
	requireString,
	tooManyElements,
} from './fields';
import type { CallbotModel, CallbotOrder, CallbotTask, ImportRow, NewTask } from './model';
import { CALL_STATUS, type CallDetail } from './results';

export interface EndpointLimits {
	/** callList rows per import/add/createAndCall and orderIDs per stopOrder. */
	maxImportRows: number;
	/** Largest `size` of the paged lists. */
	maxPageSize: number;
}

/** listOrderDetail accepts at most 500 orderIDs (§6 row 11); more is retCode 4001. */
export const ORDER_DETAIL_MAX = 500;

type Handler = (body: Obj, model: CallbotModel, limits: EndpointLimits) => Obj;

function parseNewTask(body: Obj): NewTask {
	const userTaskID = requireString(body, 'userTaskID');
	const sceneID = requireString(body, 'sceneID');
	const taskCreateSetting = optionalObject(body, 'taskCreateSetting') ?? {};
	const funcFlag = optionalObject(body, 'funcFlag') ?? {};
	const taskName =
		optionalString(taskCreateSetting, 'taskName', 'taskCreateSetting') ?? optionalString(body, 'taskName') ?? '';
	const taskCallbackUrl =
		optionalUrl(body, 'taskCallbackUrl') ?? optionalUrl(taskCreateSetting, 'taskCallbackUrl', 'taskCreateSetting') ?? '';
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
		return { name: requireString(param, 'name', at), value: requireString(param, 'value', at, true) };
	});
}

/**
 * callInfoList of addBatchCall / importBatchCall / createAndCall, with every field the vendor
 * marks required (seeds/callbot-batch-import-call.txt). A structural problem anywhere fails the
 * whole request; a bad phone or a reused orderID only fails that row (errList, in the model).
 */
function parseCallInfoList(body: Obj, maxRows: number): {
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
			other: requireString(item, 'other', base, true),
			userName: requireString(item, 'userName', base, true),
			customerName: requireString(item, 'customerName', base, true),
			params: parseParams(item, base),
		};
	}
	return { urls: { orderCallbackUrl, callCallbackUrl }, rows };
}

function requireFlag01(body: Obj, key: string, fallback: number): number {
	const value = optionalInt(body, key) ?? fallback;
	if (value !== 0 && value !== 1) throw invalidValue(key, `must be 0 or 1, got ${value}`);
	return value;
}

function page<T>(items: T[], paging: { page: number; size: number }): T[] {
	const start = (paging.page - 1) * paging.size;
	return items.slice(start, start + paging.size);
}

function taskStat(task: CallbotTask): Obj {
	let finishOrderCount = 0;
	let answerOrderCount = 0;
	let totalCall = 0;
	let totalAnswerCall = 0;
	for (const order of task.orders.values()) {
		if (order.state !== 'pending') finishOrderCount += 1;
		const answered = order.calls.filter((c) => c.callStatus === CALL_STATUS.answered).length;
		if (answered > 0) answerOrderCount += 1;
		totalCall += order.calls.length;
		totalAnswerCall += answered;
	}
	const totalOrderCount = task.orders.size;
	const ratio = (a: number, b: number): number => (b === 0 ? 0 : Math.round((a / b) * 100) / 100);
	return {
		answerOrderCount,
		finishOrderCount,
		totalOrderCount,
		finishRate: ratio(finishOrderCount, totalOrderCount),
		totalAnswerCall,
		totalCall,
		answerRate: ratio(totalAnswerCall, totalCall),
	};
}

function orderView(order: CallbotOrder, task: CallbotTask): Obj {
	return {
		orderID: order.orderID,
		userPhone: order.userPhone,
		userName: order.userName,
		customerName: order.customerName,
		sceneID: task.sceneID,
		userTaskID: task.userTaskID,
		taskID: task.taskID,
		finish: order.state !== 'pending',
		other: order.other,
		params: order.params,
	};
}

interface CallFilter {
	callID?: string[];
	intentID?: string[];
	intentName?: string[];
	intentTag?: string[];
	intentLevel?: number[];
	callStatus?: number[];
	turnTime?: Range;
	callDuration?: Range;
	startTs?: number;
	endTs?: number;
}

function parseCallFilter(options: Obj | undefined): CallFilter {
	if (!options) return {};
	const base = 'options';
	return {
		callID: optionalList(options, 'callID', 'string', base),
		intentID: optionalList(options, 'intentID', 'string', base),
		intentName: optionalList(options, 'intentName', 'string', base),
		intentTag: optionalList(options, 'intentTag', 'string', base),
		intentLevel: optionalList(options, 'intentLevel', 'number', base),
		callStatus: optionalList(options, 'callStatus', 'number', base),
		turnTime: optionalRange(options, 'turnTime', base),
		callDuration: optionalRange(options, 'callDuration', base),
		startTs: optionalInt(options, 'startTs', base),
		endTs: optionalInt(options, 'endTs', base),
	};
}

const any = <T>(wanted: T[] | undefined, have: T[]): boolean =>
	!wanted || wanted.length === 0 || have.some((value) => wanted.includes(value));

function callMatches(call: CallDetail, f: CallFilter): boolean {
	return (
		any(f.callID, [call.callID]) &&
		any(f.callStatus, [call.callStatus]) &&
		any(f.intentID, call.intents.map((i) => i.intentID)) &&
		any(f.intentName, call.intents.map((i) => i.intentName)) &&
		any(f.intentTag, call.intents.map((i) => i.intentTag)) &&
		any(f.intentLevel, call.intents.map((i) => i.intentLevel)) &&
		inRange(call.turnTime, f.turnTime) &&
		inRange(call.callDuration, f.callDuration) &&
		(f.startTs === undefined || call.callStartTs >= f.startTs) &&
		(f.endTs === undefined || call.callStartTs <= f.endTs)
	);
}

/** True when any call-level filter is active; then orders with no call cannot match. */
function hasCallFilter(f: CallFilter): boolean {
	const lists = [f.callID, f.intentID, f.intentName, f.intentTag, f.intentLevel, f.callStatus];
	return (
		lists.some((list) => list !== undefined && list.length > 0) ||
		Boolean(f.turnTime?.enable) ||
		Boolean(f.callDuration?.enable) ||
		f.startTs !== undefined ||
		f.endTs !== undefined
	);
}

function lookup(body: Obj, model: CallbotModel): CallbotTask {
	return model.task(requireString(body, 'userTaskID'));
}

const handlers: Record<string, Handler> = {
	createTask(body, model) {
		requireProductId(body);
		const task = model.createTask(parseNewTask(body));
		return { taskID: task.taskID, userTaskID: task.userTaskID, taskStatus: task.taskStatus };
	},

	createAndCall(body, model, limits) {
		requireProductId(body);
		const input = parseNewTask(body);
		const { urls, rows } = parseCallInfoList(body, limits.maxImportRows);
		const task = model.createTask(input);
		const result = model.addOrders(task, rows, urls, false);
		return { taskID: task.taskID, userTaskID: task.userTaskID, taskStatus: task.taskStatus, ...result };
	},

	addBatchCall(body, model, limits) {
		requireProductId(body);
		const userTaskID = requireString(body, 'userTaskID');
		const { urls, rows } = parseCallInfoList(body, limits.maxImportRows);
		return { ...model.addOrders(model.task(userTaskID), rows, urls, false) };
	},

	importBatchCall(body, model, limits) {
		requireProductId(body);
		const userTaskID = requireString(body, 'userTaskID');
		const { urls, rows } = parseCallInfoList(body, limits.maxImportRows);
		return { ...model.addOrders(model.task(userTaskID), rows, urls, true) };
	},

	exportBatchCall(body, model) {
		requireProductId(body);
		const task = lookup(body, model);
		model.assertNotImporting(task);
		const batch = task.latestBatch;
		const callList: Obj[] = [];
		for (const orderID of batch?.orderIDs ?? []) {
			const order = task.orders.get(orderID);
			if (!order) continue; // deleted by stopOrder/mgrTaskStatus delCall
			const last = order.calls[order.calls.length - 1];
			callList.push({
				orderID,
				userPhone: order.userPhone,
				other: order.other,
				callID: last?.callID ?? '',
				callStatus: last?.callStatus ?? CALL_STATUS.notDialled,
				callStartTs: last?.callStartTs ?? 0,
				intents: last?.intents ?? [],
			});
		}
		return { totalCount: callList.length, batchID: batch?.batchID ?? '', callList };
	},

	mgrTaskStatus(body, model) {
		requireProductId(body);
		const task = lookup(body, model);
		const taskOperate = requireInt(body, 'taskOperate');
		if (taskOperate < 1 || taskOperate > 3) throw invalidValue('taskOperate', `must be 1, 2 or 3, got ${taskOperate}`);
		model.operate(task, taskOperate, requireFlag01(body, 'delCall', 0));
		return { taskID: task.taskID, taskStatus: task.taskStatus };
	},

	updateTask(body, model) {
		requireProductId(body);
		const task = lookup(body, model);
		model.update(task, {
			taskCreateSetting: optionalObject(body, 'taskCreateSetting'),
			funcFlag: optionalObject(body, 'funcFlag'),
		});
		return { taskID: task.taskID, userTaskID: task.userTaskID };
	},

	listTask(body, model, limits) {
		requireProductId(body);
		const paging = requirePaging(body, limits.maxPageSize);
		const q = optionalObject(body, 'queryConditions') ?? {};
		const base = 'queryConditions';
		const statuses = optionalList(q, 'taskStatus', 'number', base);
		const names = optionalList(q, 'taskName', 'string', base);
		const ids = optionalList(q, 'userTaskID', 'string', base);
		const sceneID = optionalString(q, 'sceneID', base);
		const startTs = optionalInt(q, 'startTs', base);
		const endTs = optionalInt(q, 'endTs', base);
		const tasks = [...model.tasks.values()].filter(
			(t) =>
				any(statuses, [t.taskStatus]) &&
				any(names, [t.taskName]) &&
				any(ids, [t.userTaskID]) &&
				(sceneID === undefined || sceneID === '' || t.sceneID === sceneID) &&
				(startTs === undefined || t.createTs >= startTs) &&
				(endTs === undefined || t.createTs <= endTs),
		);
		const taskData = page(tasks, paging).map((t) => ({
			userTaskID: t.userTaskID,
			taskID: t.taskID,
			sceneID: t.sceneID,
			taskName: t.taskName,
			taskStatus: t.taskStatus,
			createTs: t.createTs,
			other: t.other,
			taskStat: taskStat(t),
		}));
		return { totalCount: tasks.length, page: paging.page, size: paging.size, taskData };
	},

	listCall(body, model, limits) {
		requireProductId(body);
		const task = lookup(body, model);
		const paging = requirePaging(body, limits.maxPageSize);
		const filter = parseCallFilter(optionalObject(body, 'options'));
		const rows: Obj[] = [];
		for (const order of task.orders.values()) {
			for (const call of order.calls) {
				if (!callMatches(call, filter)) continue;
				const { orderID, userPhone } = order;
				rows.push({ ...call, orderID, userPhone, userTaskID: task.userTaskID, taskID: task.taskID });
			}
		}
		return { totalCount: rows.length, page: paging.page, size: paging.size, callList: page(rows, paging) };
	},

	listOrder(body, model, limits) {
		requireProductId(body);
		const task = lookup(body, model);
		const paging = requirePaging(body, limits.maxPageSize);
		const options = optionalObject(body, 'options') ?? {};
		const orderIDs = optionalList(options, 'orderID', 'string', 'options');
		const finishRaw = options.finish;
		if (finishRaw !== undefined && finishRaw !== null && typeof finishRaw !== 'boolean') {
			throw formatError('options.finish', 'a boolean');
		}
		const filter = parseCallFilter(options);
		const callFiltered = hasCallFilter(filter);
		const rows: Obj[] = [];
		for (const order of task.orders.values()) {
			if (!any(orderIDs, [order.orderID])) continue;
			if (typeof finishRaw === 'boolean' && (order.state !== 'pending') !== finishRaw) continue;
			const last = order.calls[order.calls.length - 1];
			if (callFiltered && (!last || !callMatches(last, filter))) continue;
			rows.push({ ...orderView(order, task), callInfoDetail: last ?? null });
		}
		return { totalCount: rows.length, page: paging.page, size: paging.size, orderList: page(rows, paging) };
	},

	stopOrder(body, model, limits) {
		requireProductId(body);
		const task = lookup(body, model);
		const orderIDs = requireArray(body, 'orderIDs');
		if (orderIDs.length === 0) throw invalidValue('orderIDs', 'must not be empty');
		if (orderIDs.length > limits.maxImportRows) throw tooManyElements('orderIDs', orderIDs.length, limits.maxImportRows);
		orderIDs.forEach((id, i) => {
			if (typeof id !== 'string') throw formatError(`orderIDs[${i}]`, 'a string');
		});
		return { ...model.stop(task, orderIDs as string[], requireFlag01(body, 'delCall', 0)) };
	},

	listOrderDetail(body, model) {
		requireProductId(body);
		const task = lookup(body, model);
		const orderList = requireArray(body, 'orderList');
		if (orderList.length > ORDER_DETAIL_MAX) throw tooManyElements('orderList', orderList.length, ORDER_DETAIL_MAX);
		const orderDetailList: Obj[] = [];
		orderList.forEach((id, i) => {
			if (typeof id !== 'string') throw formatError(`orderList[${i}]`, 'a string');
			const order = task.orders.get(id);
			if (order) orderDetailList.push({ ...orderView(order, task), callInfoDetailList: order.calls });
		});
		return { orderDetailList };
	},
};

export const CALLBOT_ENDPOINTS = ['ping', ...Object.keys(handlers)];

export function callbotHandler(name: string): Handler | undefined {
	return Object.prototype.hasOwnProperty.call(handlers, name) ? handlers[name] : undefined;
}
