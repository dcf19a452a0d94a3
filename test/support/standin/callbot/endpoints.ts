// Request bodies → model operations → response fields, one function per Callbot endpoint (docs/vendor-api.md §6).
// Handlers throw CallbotError for refusals; index.ts adds retCode/retMsg/responseID around
// what they return. Shapes marked "not retrieved" in the spec are our assumptions (README in index.ts).
import {
	type Obj,
	formatError,
	invalidValue,
	optionalInt,
	optionalList,
	optionalObject,
	optionalString,
	requireArray,
	requireInt,
	requireObject,
	requirePaging,
	requireProductId,
	requireString,
	tooManyElements,
} from './fields';
import type { CallbotModel, CallbotTask } from './model';
import { parseCallInfoList, parseNewTask, requireFlag01 } from './parse';
import { CALL_STATUS } from './results';
import {
	any,
	callMatches,
	hasCallFilter,
	orderView,
	page,
	parseCallFilter,
	taskStat,
} from './views';

export interface EndpointLimits {
	/** callList rows per import/add/createAndCall and orderIDs per stopOrder. */
	maxImportRows: number;
	/** Largest `size` of the paged lists. */
	maxPageSize: number;
}

/** listOrderDetail accepts at most 500 orderIDs (docs/vendor-api.md §6 row 11); more is retCode 4001. */
export const ORDER_DETAIL_MAX = 500;

type Handler = (body: Obj, model: CallbotModel, limits: EndpointLimits) => Obj;

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
		return {
			taskID: task.taskID,
			userTaskID: task.userTaskID,
			taskStatus: task.taskStatus,
			...result,
		};
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
		if (taskOperate < 1 || taskOperate > 3)
			throw invalidValue('taskOperate', `must be 1, 2 or 3, got ${taskOperate}`);
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
		// Required (必选 是) on the vendor's taskList page, every field inside it optional.
		const q = requireObject(body, 'queryConditions');
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
				rows.push({
					...call,
					orderID,
					userPhone,
					userTaskID: task.userTaskID,
					taskID: task.taskID,
				});
			}
		}
		return {
			totalCount: rows.length,
			page: paging.page,
			size: paging.size,
			callList: page(rows, paging),
		};
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
		return {
			totalCount: rows.length,
			page: paging.page,
			size: paging.size,
			orderList: page(rows, paging),
		};
	},

	stopOrder(body, model, limits) {
		requireProductId(body);
		const task = lookup(body, model);
		const orderIDs = requireArray(body, 'orderIDs');
		if (orderIDs.length === 0) throw invalidValue('orderIDs', 'must not be empty');
		if (orderIDs.length > limits.maxImportRows)
			throw tooManyElements('orderIDs', orderIDs.length, limits.maxImportRows);
		orderIDs.forEach((id, i) => {
			if (typeof id !== 'string') throw formatError(`orderIDs[${i}]`, 'a string');
		});
		return { ...model.stop(task, orderIDs as string[], requireFlag01(body, 'delCall', 0)) };
	},

	listOrderDetail(body, model) {
		requireProductId(body);
		const task = lookup(body, model);
		const orderList = requireArray(body, 'orderList');
		if (orderList.length > ORDER_DETAIL_MAX)
			throw tooManyElements('orderList', orderList.length, ORDER_DETAIL_MAX);
		const orderDetailList: Obj[] = [];
		orderList.forEach((id, i) => {
			if (typeof id !== 'string') throw formatError(`orderList[${i}]`, 'a string');
			const order = task.orders.get(id);
			if (order)
				orderDetailList.push({ ...orderView(order, task), callInfoDetailList: order.calls });
		});
		return { orderDetailList };
	},
};

export const CALLBOT_ENDPOINTS = ['ping', ...Object.keys(handlers)];

export function callbotHandler(name: string): Handler | undefined {
	return Object.prototype.hasOwnProperty.call(handlers, name) ? handlers[name] : undefined;
}
