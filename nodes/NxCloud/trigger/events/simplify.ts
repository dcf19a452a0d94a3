import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { epochToIso } from '../../shared/timestamps';
import type { FlatValue } from '../../shared/flatItem';
import { firstObject, flatItem, isObject, objectAt } from '../../shared/flatItem';
import { text } from './objects';

/**
 * The trigger's Simplify option: one flat item per event with the few fields a workflow maps,
 * always the same keys in the same order for an event kind (null where the event has no value).
 * It shapes the item at the very end: signature checks, redelivery keys, filtering, routing and
 * media download all work on the raw event first. Events of no known kind stay raw.
 */
export const SIMPLIFIED_FIELDS = {
	message: [
		'from',
		'name',
		'type',
		'text',
		'messageId',
		'replyToId',
		'mediaId',
		'time',
		'businessPhone',
	],
	status: [
		'messageId',
		'recipient',
		'status',
		'errorCode',
		'errorTitle',
		'cost',
		'time',
		'businessPhone',
	],
	call: [
		'callId',
		'from',
		'to',
		'duration',
		'endReason',
		'recordingUrl',
		'cost',
		'currency',
		'startTime',
		'endTime',
		'businessPhone',
	],
	template: [
		'templateName',
		'language',
		'templateId',
		'update',
		'value',
		'previousValue',
		'reason',
		'time',
		'businessPhone',
	],
	account: ['update', 'event', 'phoneNumber', 'wabaId', 'time', 'businessPhone'],
	phone: ['update', 'event', 'displayName', 'currentLimit', 'reason', 'time', 'businessPhone'],
	callbotOrder: [
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
		'endTime',
		'userTaskId',
	],
	callbotCall: [
		'callId',
		'orderId',
		'phone',
		'name',
		'callingNumber',
		'callStatus',
		'duration',
		'intent',
		'recordingUrl',
		'other',
		'endTime',
		'userTaskId',
	],
	callbotTask: [
		'userTaskId',
		'taskId',
		'taskStatus',
		'totalNumbers',
		'finishedNumbers',
		'answeredNumbers',
		'finishRate',
		'answerRate',
		'time',
	],
} as const;

export type SimplifiedKind = keyof typeof SIMPLIFIED_FIELDS;

/** Message types whose object carries a media id and an optional caption (§4.3). */
const MEDIA_TYPES = ['image', 'voice', 'audio', 'video', 'document', 'sticker'];

function isoTime(value: unknown): FlatValue {
	return epochToIso(value) ?? null;
}

/** In key order, so the item's keys follow SIMPLIFIED_FIELDS whatever order they were computed in. */
function ordered(kind: SimplifiedKind, values: Record<string, unknown>): IDataObject {
	return flatItem(SIMPLIFIED_FIELDS[kind], values);
}

/**
 * What the user wrote or picked: the body of a text, the caption of a media message, the title of
 * a button or list reply, the body of a flow reply, the text of a template button, the emoji of a
 * reaction, the name (else address) of a location. Null for the rest (orders, unsupported).
 */
function messageText(data: IDataObject, type: string): unknown {
	if (type === 'text') return objectAt(data, 'text').body;
	if (MEDIA_TYPES.includes(type)) return objectAt(data, type).caption;
	if (type === 'button') return objectAt(data, 'button').text;
	if (type === 'reaction') return objectAt(data, 'reaction').emoji;
	if (type === 'location') {
		const location = objectAt(data, 'location');
		return location.name ?? location.address;
	}
	if (type === 'interactive') {
		const interactive = objectAt(data, 'interactive');
		const kind = text(interactive.type);
		const reply = kind === undefined ? {} : objectAt(interactive, kind);
		return reply.title ?? reply.body;
	}
	return undefined;
}

function simplifyMessage(json: IDataObject, data: IDataObject, context: IDataObject): IDataObject {
	const type = text(data.type) ?? '';
	const profile = objectAt(objectAt(context, 'contact'), 'profile');
	return ordered('message', {
		from: data.from,
		name: profile.name,
		type: data.type,
		text: messageText(data, type),
		messageId: data.id,
		replyToId: objectAt(data, 'context').id,
		mediaId: MEDIA_TYPES.includes(type) ? objectAt(data, type).id : undefined,
		time: isoTime(data.timestamp),
		businessPhone: json.businessPhone,
	});
}

function simplifyStatus(json: IDataObject, data: IDataObject): IDataObject {
	const error = firstObject(data.errors);
	const cost = isObject(json.cost) ? json.cost : {};
	return ordered('status', {
		messageId: data.id,
		recipient: data.recipient_id,
		status: data.status,
		// NXCloud wraps Meta's errors as code 10000 with Meta's code in meta_code: that one says more.
		errorCode: error.meta_code ?? error.code,
		errorTitle: error.title,
		cost: cost.priceCny,
		time: isoTime(data.timestamp),
		businessPhone: json.businessPhone,
	});
}

function simplifyCall(json: IDataObject, data: IDataObject): IDataObject {
	const cost = isObject(json.cost) ? json.cost : {};
	return ordered('call', {
		callId: data.call_id,
		from: data.from,
		to: data.to,
		duration: data.call_duration,
		endReason: data.end_reason,
		recordingUrl: data.record,
		cost: cost.price,
		currency: cost.currency,
		startTime: isoTime(data.start_time),
		endTime: isoTime(data.end_time),
		businessPhone: json.businessPhone,
	});
}

/** Which change a template event reports, and its new and previous value. */
function templateChange(field: string, value: IDataObject): [string, unknown, unknown] {
	if (field === 'message_template_quality_update')
		return ['quality', value.new_quality_score, value.previous_quality_score];
	if (field === 'template_category_update')
		return ['category', value.new_category, value.previous_category];
	return ['status', value.event, undefined];
}

function simplifyTemplate(json: IDataObject, data: IDataObject, field: string): IDataObject {
	const [update, value, previousValue] = templateChange(field, data);
	return ordered('template', {
		templateName: data.message_template_name,
		language: data.message_template_language,
		templateId: data.message_template_id,
		update,
		value,
		previousValue,
		reason: data.reason,
		time: isoTime(data.time),
		businessPhone: json.businessPhone,
	});
}

function simplifyAccount(json: IDataObject, data: IDataObject, field: string): IDataObject {
	return ordered('account', {
		update: field === 'account_review_update' ? 'review' : 'account',
		// An account review reports its outcome as `decision`, other account events as `event`.
		event: data.event ?? data.decision,
		phoneNumber: data.phone_number,
		wabaId: data.wabaId,
		time: isoTime(data.time),
		businessPhone: json.businessPhone,
	});
}

function simplifyPhone(json: IDataObject, data: IDataObject, field: string): IDataObject {
	return ordered('phone', {
		update: field === 'phone_number_quality_update' ? 'quality' : 'name',
		event: data.event ?? data.decision,
		displayName: data.requested_verified_name ?? data.display_phone_number,
		currentLimit: data.current_limit,
		reason: data.rejection_reason,
		time: isoTime(data.time),
		businessPhone: json.businessPhone,
	});
}

function simplifyCallbotCall(data: IDataObject, kind: 'callbotOrder' | 'callbotCall'): IDataObject {
	const call = objectAt(data, 'callInfoDetail');
	return ordered(kind, {
		orderId: data.orderID,
		phone: data.userPhone,
		name: data.userName,
		finished: data.finish,
		callId: call.callID,
		callingNumber: call.callingNumber,
		callStatus: call.callStatus,
		duration: call.callDuration,
		intent: firstObject(call.intents).intentName,
		recordingUrl: call.callAudioUrl,
		other: data.other,
		endTime: isoTime(call.callEndTs),
		userTaskId: data.userTaskID,
	});
}

function simplifyCallbotTask(data: IDataObject): IDataObject {
	const stat = objectAt(data, 'taskStat');
	return ordered('callbotTask', {
		userTaskId: data.userTaskID,
		taskId: data.taskID,
		taskStatus: data.taskStatus,
		totalNumbers: stat.totalOrderCount,
		finishedNumbers: stat.finishOrderCount,
		answeredNumbers: stat.answerOrderCount,
		finishRate: stat.finishRate,
		answerRate: stat.answerRate,
		time: isoTime(data.createTs),
	});
}

/** The kind of simplified item an event becomes, from its dotted name; undefined stays raw. */
export function simplifiedKind(event: string): SimplifiedKind | undefined {
	const group = event.split('.')[0];
	if (event === 'callbot.order') return 'callbotOrder';
	if (event === 'callbot.call') return 'callbotCall';
	if (event === 'callbot.task') return 'callbotTask';
	if (group === 'message' || group === 'status' || group === 'template') return group;
	if (group === 'account' || group === 'phone') return group;
	if (event === 'call.record') return 'call';
	return undefined;
}

/**
 * The simplified JSON of one emitted item (the raw item of events/items.ts, after media download),
 * or the item unchanged for events of no known kind (Other). A media download's outcome
 * (`mediaDownload`) is kept, after the fields.
 */
export function simplifyEventItem(json: IDataObject): IDataObject {
	const event = typeof json.event === 'string' ? json.event : '';
	const kind = simplifiedKind(event);
	if (kind === undefined) return json;
	const data = isObject(json.data) ? json.data : {};
	const context = isObject(json.context) ? json.context : {};
	const field = text(context.field) ?? '';
	let simplified: IDataObject;
	switch (kind) {
		case 'message':
			simplified = simplifyMessage(json, data, context);
			break;
		case 'status':
			simplified = simplifyStatus(json, data);
			break;
		case 'call':
			simplified = simplifyCall(json, data);
			break;
		case 'template':
			simplified = simplifyTemplate(json, data, field);
			break;
		case 'account':
			simplified = simplifyAccount(json, data, field);
			break;
		case 'phone':
			simplified = simplifyPhone(json, data, field);
			break;
		case 'callbotTask':
			simplified = simplifyCallbotTask(data);
			break;
		default:
			simplified = simplifyCallbotCall(data, kind);
	}
	if (json.mediaDownload !== undefined) simplified.mediaDownload = json.mediaDownload;
	return simplified;
}

/** Simplifies every item of every output in place (binary data and pairing are kept). */
export function simplifyOutputs(outputs: INodeExecutionData[][]): void {
	for (const items of outputs) {
		for (const item of items) item.json = simplifyEventItem(item.json);
	}
}
