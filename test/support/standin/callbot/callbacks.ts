// Bodies NXCloud would POST to your callback URLs for an order (docs/vendor-api.md §7.1–§7.3), built from the model
// so e2e tests can send realistic callbacks with StandIn.sender.callbotCallback.
import type { Obj } from './fields';
import type { CallbotModel, CallbotOrder, CallbotTask } from './model';
import { taskStat } from './views';

export interface CallbackPayloads {
	/** docs/vendor-api.md §7.1, callbackType 1. */
	task: Obj;
	/** docs/vendor-api.md §7.2. callbackType is the string "2": the enum says 2 = order, the example shows a string. */
	order: Obj;
	/** docs/vendor-api.md §7.3, callbackType 3 (integer; inferred), only when the order has a call. */
	call?: Obj;
}

function taskBody(task: CallbotTask): Obj {
	return {
		callbackType: 1,
		userTaskID: task.userTaskID,
		taskID: task.taskID,
		sceneID: task.sceneID,
		taskStatus: task.taskStatus,
		createTs: task.createTs,
		taskStat: taskStat(task),
	};
}

function orderBody(
	order: CallbotOrder,
	task: CallbotTask,
	callbackType: string | number,
	withLine: boolean,
): Obj {
	const last = order.calls[order.calls.length - 1];
	let callInfoDetail: Obj | undefined;
	if (last) {
		// turnTime is our filter field, not part of the documented callback.
		const { callingNumber, lineAddress, ...rest } = last;
		const detail: Obj = { ...rest, params: order.params };
		delete detail.turnTime;
		callInfoDetail = withLine ? { ...detail, callingNumber, lineAddress } : detail;
	}
	return {
		callbackType,
		orderID: order.orderID,
		userPhone: order.userPhone,
		userName: order.userName,
		sceneID: task.sceneID,
		userTaskID: task.userTaskID,
		taskID: task.taskID,
		finish: order.state !== 'pending',
		other: order.other,
		callInfoDetail: callInfoDetail ?? {},
	};
}

export function callbackPayloads(model: CallbotModel, orderID: string): CallbackPayloads {
	const order = model.orders.get(orderID);
	if (!order) throw new Error(`stand-in: no live order "${orderID}"`);
	const task = model.tasks.get(order.userTaskID)!;
	const payloads: CallbackPayloads = {
		task: taskBody(task),
		order: orderBody(order, task, '2', false),
	};
	if (order.calls.length > 0) payloads.call = orderBody(order, task, 3, true);
	return payloads;
}
