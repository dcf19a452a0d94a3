import type { IDataObject } from 'n8n-workflow';

import { firstObject, flatItem, lastObject, objectAt } from '../../shared/flatItem';
import { epochToIso } from '../../shared/timestamps';

/**
 * Simplify for the Callbot call-list reads: flat items with the fields a workflow maps, always
 * the same keys in the same order (null where NXCloud sent nothing), named as the trigger's
 * simplified Callbot callbacks are. Raw field lists are NXCloud's (docs/vendor-api.md §6).
 */

function iso(value: unknown): string | null {
	return epochToIso(value) ?? null;
}

export const CALL_FIELDS = [
	'callId',
	'orderId',
	'phone',
	'callingNumber',
	'callStatus',
	'duration',
	'startTime',
	'hangupCause',
	'intent',
	'recordingUrl',
	'userTaskId',
] as const;

export const CALL_RAW_FIELDS = [
	'agent',
	'callAnswerTs',
	'callAudioUrl',
	'callDuration',
	'callEndTs',
	'callID',
	'callStartTs',
	'callStatus',
	'callingNumber',
	'hangupCause',
	'intents',
	'lineAddress',
	'orderID',
	'sms',
	'taskID',
	'termSipCode',
	'userPhone',
	'userTaskID',
] as const;

/** One row of Get Many Calls (listCall). */
export function simplifyCall(row: IDataObject): IDataObject {
	return flatItem(CALL_FIELDS, {
		callId: row.callID,
		orderId: row.orderID,
		phone: row.userPhone,
		callingNumber: row.callingNumber,
		callStatus: row.callStatus,
		duration: row.callDuration,
		startTime: iso(row.callStartTs),
		hangupCause: row.hangupCause,
		intent: firstObject(row.intents).intentName,
		recordingUrl: row.callAudioUrl,
		userTaskId: row.userTaskID,
	});
}

export const NUMBER_FIELDS = [
	'orderId',
	'phone',
	'name',
	'finished',
	'callId',
	'callStatus',
	'duration',
	'intent',
	'recordingUrl',
	'other',
	'userTaskId',
] as const;

export const NUMBER_RAW_FIELDS = [
	'callInfoDetail',
	'customerName',
	'finish',
	'orderID',
	'other',
	'params',
	'sceneID',
	'taskID',
	'userName',
	'userPhone',
	'userTaskID',
] as const;

/** One row of Get Many Numbers (listOrder): the number and its last call. */
export function simplifyNumber(row: IDataObject): IDataObject {
	const call = objectAt(row, 'callInfoDetail');
	return flatItem(NUMBER_FIELDS, {
		orderId: row.orderID,
		phone: row.userPhone,
		name: row.userName,
		finished: row.finish,
		callId: call.callID,
		callStatus: call.callStatus,
		duration: call.callDuration,
		intent: firstObject(call.intents).intentName,
		recordingUrl: call.callAudioUrl,
		other: row.other,
		userTaskId: row.userTaskID,
	});
}

export const NUMBER_DETAIL_FIELDS = [
	'orderId',
	'found',
	'phone',
	'name',
	'finished',
	'calls',
	'lastCallStatus',
	'lastDuration',
	'lastIntent',
	'lastRecordingUrl',
	'other',
	'userTaskId',
] as const;

export const NUMBER_DETAIL_RAW_FIELDS = [
	'callInfoDetailList',
	'finish',
	'found',
	'orderID',
	'other',
	'sceneID',
	'taskID',
	'userName',
	'userPhone',
	'userTaskID',
] as const;

/** One item of Get Number Details (listOrderDetail): the number, how many calls, the last one. */
export function simplifyNumberDetails(row: IDataObject): IDataObject {
	const calls = Array.isArray(row.callInfoDetailList) ? row.callInfoDetailList : [];
	const last = lastObject(calls);
	return flatItem(NUMBER_DETAIL_FIELDS, {
		orderId: row.orderID,
		found: row.found,
		phone: row.userPhone,
		name: row.userName,
		finished: row.finish,
		calls: row.found === true ? calls.length : undefined,
		lastCallStatus: last.callStatus,
		lastDuration: last.callDuration,
		lastIntent: firstObject(last.intents).intentName,
		lastRecordingUrl: last.callAudioUrl,
		other: row.other,
		userTaskId: row.userTaskID,
	});
}

export const EXPORT_FIELDS = [
	'orderId',
	'phone',
	'callId',
	'callStatus',
	'startTime',
	'intent',
	'other',
	'batchId',
	'userTaskId',
] as const;

export const EXPORT_RAW_FIELDS = [
	'batchID',
	'callID',
	'callStartTs',
	'callStatus',
	'intents',
	'orderID',
	'other',
	'totalCount',
	'userPhone',
	'userTaskID',
] as const;

/** One row of Export Latest Batch (exportBatchCall). */
export function simplifyExportRow(row: IDataObject): IDataObject {
	return flatItem(EXPORT_FIELDS, {
		orderId: row.orderID,
		phone: row.userPhone,
		callId: row.callID,
		callStatus: row.callStatus,
		startTime: iso(row.callStartTs),
		intent: firstObject(row.intents).intentName,
		other: row.other,
		batchId: row.batchID,
		userTaskId: row.userTaskID,
	});
}
