// Read-side helpers of the list endpoints: paging, task statistics, order rows, call filters.
import { type Obj, type Range, inRange, optionalInt, optionalList, optionalRange } from './fields';
import type { CallbotOrder, CallbotTask } from './model';
import { CALL_STATUS, type CallDetail } from './results';

export function page<T>(items: T[], paging: { page: number; size: number }): T[] {
	const start = (paging.page - 1) * paging.size;
	return items.slice(start, start + paging.size);
}

export function taskStat(task: CallbotTask): Obj {
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

export function orderView(order: CallbotOrder, task: CallbotTask): Obj {
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

export interface CallFilter {
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

export function parseCallFilter(options: Obj | undefined): CallFilter {
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

export const any = <T>(wanted: T[] | undefined, have: T[]): boolean =>
	!wanted || wanted.length === 0 || have.some((value) => wanted.includes(value));

export function callMatches(call: CallDetail, f: CallFilter): boolean {
	return (
		any(f.callID, [call.callID]) &&
		any(f.callStatus, [call.callStatus]) &&
		any(
			f.intentID,
			call.intents.map((i) => i.intentID),
		) &&
		any(
			f.intentName,
			call.intents.map((i) => i.intentName),
		) &&
		any(
			f.intentTag,
			call.intents.map((i) => i.intentTag),
		) &&
		any(
			f.intentLevel,
			call.intents.map((i) => i.intentLevel),
		) &&
		inRange(call.turnTime, f.turnTime) &&
		inRange(call.callDuration, f.callDuration) &&
		(f.startTs === undefined || call.callStartTs >= f.startTs) &&
		(f.endTs === undefined || call.callStartTs <= f.endTs)
	);
}

/** True when any call-level filter is active; then orders with no call cannot match. */
export function hasCallFilter(f: CallFilter): boolean {
	const lists = [f.callID, f.intentID, f.intentName, f.intentTag, f.intentLevel, f.callStatus];
	return (
		lists.some((list) => list !== undefined && list.length > 0) ||
		Boolean(f.turnTime?.enable) ||
		Boolean(f.callDuration?.enable) ||
		f.startTs !== undefined ||
		f.endTs !== undefined
	);
}
