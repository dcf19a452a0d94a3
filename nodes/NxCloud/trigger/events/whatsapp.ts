import type { IDataObject } from 'n8n-workflow';

import { asObject, isObject, pick, text } from './objects';
import type { SplitEvent, WhatsAppOutput } from './types';

/**
 * Envelope fields NXCloud puts next to `statuses`/`messages`/`calls` (docs/vendor-api.md §4.1). Older pushes carry
 * only some of them, so each is copied only when present.
 */
const ENVELOPE_KEYS = [
	'app_id',
	'business_phone',
	'merchant_phone',
	'channel',
	'messaging_product',
	'metadata',
	'wabaId',
] as const;

const STATUS_OUTPUTS: Record<string, WhatsAppOutput> = {
	sent: 'sent',
	delivered: 'delivered',
	read: 'read',
	failed: 'failed',
};

/** Management fields (docs/vendor-api.md §4.4, §4.5) and where they go; anything else is routed to Other. */
const FIELD_GROUPS: Record<string, { group: string; output: WhatsAppOutput }> = {
	message_template_status_update: { group: 'template', output: 'template' },
	message_template_quality_update: { group: 'template', output: 'template' },
	template_category_update: { group: 'template', output: 'template' },
	account_update: { group: 'account', output: 'account' },
	account_review_update: { group: 'account', output: 'account' },
	phone_number_name_update: { group: 'phone', output: 'phone' },
	phone_number_quality_update: { group: 'phone', output: 'phone' },
};

/** Lowercase word characters only, so event names stay predictable whatever NXCloud sends. */
function eventPart(value: unknown, fallback: string): string {
	const raw = text(value)
		?.toLowerCase()
		.replace(/[^a-z0-9_]+/g, '_');
	return raw && raw !== '_' ? raw : fallback;
}

function envelopeOf(body: IDataObject): IDataObject {
	return pick(body, ENVELOPE_KEYS);
}

/**
 * Business numbers named by the envelope (and by a management event's value, whose
 * `phone_number` is the business number an account event is about), deduplicated.
 */
function phonesOf(...sources: IDataObject[]): string[] {
	const phones: string[] = [];
	for (const source of sources) {
		const metadata = isObject(source.metadata) ? source.metadata : {};
		const candidates = [
			source.business_phone,
			source.merchant_phone,
			metadata.display_phone_number,
			source.phone_number,
		];
		for (const candidate of candidates) {
			const phone = text(candidate);
			if (phone !== undefined && !phones.includes(phone)) phones.push(phone);
		}
	}
	return phones;
}

/**
 * The contact a message (or status) is about: the one whose `wa_id` (or newer `user_id`) is the
 * sender / recipient, or the only contact of the push when nothing matches by id.
 */
function matchingContact(contacts: unknown, userId: string | undefined): IDataObject | undefined {
	if (!Array.isArray(contacts)) return undefined;
	const objects = contacts.filter(isObject);
	if (userId !== undefined) {
		const match = objects.find((c) => text(c.wa_id) === userId || text(c.user_id) === userId);
		if (match) return match;
	}
	return objects.length === 1 ? objects[0] : undefined;
}

function withContact(envelope: IDataObject, contact: IDataObject | undefined): IDataObject {
	return contact ? { ...envelope, contact } : { ...envelope };
}

function statusEvent(
	raw: unknown,
	body: IDataObject,
	envelope: IDataObject,
	phones: string[],
): SplitEvent {
	const data = asObject(raw);
	const status = eventPart(data.status, 'unknown');
	const output = STATUS_OUTPUTS[status];
	return {
		event: `status.${status}`,
		output: output ?? 'other',
		filterKey: output ? `status.${status}` : null,
		data,
		context: withContact(envelope, matchingContact(body.contacts, text(data.recipient_id))),
		businessPhones: phones,
		costs: data.costs,
	};
}

function messageEvent(
	raw: unknown,
	body: IDataObject,
	envelope: IDataObject,
	phones: string[],
): SplitEvent {
	const data = asObject(raw);
	return {
		event: `message.${eventPart(data.type, 'unknown')}`,
		output: 'message',
		filterKey: 'message',
		data,
		context: withContact(envelope, matchingContact(body.contacts, text(data.from))),
		businessPhones: phones,
		costs: data.cost,
	};
}

function callEvent(raw: unknown, envelope: IDataObject, phones: string[]): SplitEvent {
	const data = asObject(raw);
	return {
		event: 'call.record',
		output: 'call',
		filterKey: 'call',
		data,
		context: { ...envelope },
		businessPhones: phones,
		costs: data.costs,
	};
}

function fieldEvent(field: string, body: IDataObject, envelope: IDataObject): SplitEvent {
	const data = asObject(body.value);
	const known = FIELD_GROUPS[field];
	const name = eventPart(field, 'unknown');
	return {
		event: known ? `${known.group}.${name}` : `other.${name}`,
		output: known?.output ?? 'other',
		filterKey: known?.group ?? null,
		data,
		context: { ...envelope, field },
		businessPhones: phonesOf(data, envelope),
	};
}

/**
 * Splits one WhatsApp push (docs/vendor-api.md §4.1: flattened, not Meta's entry/changes envelope) into one event per
 * status, per inbound message and per call record, or one event for a `{field, value}` push.
 * A push of no known shape (or whose arrays are all empty) becomes a single `other.unknown`
 * event carrying the whole body: nothing NXCloud sends is silently dropped.
 */
export function splitWhatsAppPush(body: unknown): SplitEvent[] {
	if (!isObject(body)) {
		return [
			{
				event: 'other.unknown',
				output: 'other',
				filterKey: null,
				data: asObject(body),
				context: {},
				businessPhones: [],
			},
		];
	}
	const envelope = envelopeOf(body);
	const phones = phonesOf(envelope);
	const events: SplitEvent[] = [];
	if (Array.isArray(body.statuses)) {
		for (const status of body.statuses) events.push(statusEvent(status, body, envelope, phones));
	}
	if (Array.isArray(body.messages)) {
		for (const message of body.messages) events.push(messageEvent(message, body, envelope, phones));
	}
	if (Array.isArray(body.calls)) {
		for (const call of body.calls) events.push(callEvent(call, envelope, phones));
	}
	const field = text(body.field);
	if (field !== undefined) events.push(fieldEvent(field, body, envelope));
	if (events.length === 0) {
		events.push({
			event: 'other.unknown',
			output: 'other',
			filterKey: null,
			data: body,
			context: envelope,
			businessPhones: phones,
		});
	}
	return events;
}
