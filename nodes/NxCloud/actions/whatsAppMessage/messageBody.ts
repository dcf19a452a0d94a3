import type { IDataObject } from 'n8n-workflow';

import { requirePhone } from '../../shared/phone';
import { toText } from '../../shared/values';
import { LIMITS, checkLength } from './limits';

/**
 * Bodies of `POST /api/wa/mt` (§12), built from what the user typed. Pure: every check that can
 * fail happens here, before anything is sent, and the error names the field.
 */

export const MESSAGE_TYPES = [
	'text',
	'image',
	'video',
	'audio',
	'document',
	'sticker',
	'location',
	'buttons',
	'list',
	'reaction',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** Media types that carry a caption (Meta: image, video, document). */
const CAPTIONED: ReadonlySet<string> = new Set(['image', 'video', 'document']);

export interface MediaInput {
	source: 'link' | 'id';
	link?: unknown;
	id?: unknown;
	caption?: unknown;
	fileName?: unknown;
}

export interface InteractiveInput {
	header?: unknown;
	body?: unknown;
	footer?: unknown;
	buttons?: Array<{ id?: unknown; title?: unknown }>;
	listButton?: unknown;
	rows?: Array<{ section?: unknown; id?: unknown; title?: unknown; description?: unknown }>;
}

export interface SendInput {
	appKey: unknown;
	businessPhone: unknown;
	to: unknown;
	type: MessageType;
	text?: unknown;
	previewUrl?: boolean;
	media?: MediaInput;
	location?: { latitude?: unknown; longitude?: unknown; name?: unknown; address?: unknown };
	interactive?: InteractiveInput;
	reaction?: { messageId?: unknown; metaMessageId?: unknown; emoji?: unknown };
}

export interface SendOptions {
	/** Id of the message to quote (`context.message_id`). */
	replyTo?: unknown;
	cusMessageId?: unknown;
	drWebhook?: unknown;
	bizOpaqueCallbackData?: unknown;
}

const trimmed = (value: unknown, field: string): string => toText(value, field).trim();

function required(value: unknown, field: string, what: string): string {
	const text = trimmed(value, field);
	if (text === '') throw new Error(`${field} is empty: ${what}`);
	return text;
}

function httpUrl(value: string, field: string): string {
	if (!/^https?:\/\/[^\s/]+/i.test(value))
		throw new Error(`${field} must be an http(s) URL, got "${value}"`);
	return value;
}

/** The fields every message carries, in the vendor's order (§12.1). */
export function messageHead(appKey: unknown, businessPhone: unknown, to: unknown): IDataObject {
	const appkey = trimmed(appKey, 'App Key');
	if (appkey === '')
		throw new Error('App Key is empty: give the NXCloud WhatsApp application key (e.g. pem28kje)');
	return {
		appkey,
		business_phone: requirePhone(businessPhone, 'Business Phone'),
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to: requirePhone(to, 'Recipient Phone'),
	};
}

function textObject(input: SendInput): IDataObject {
	// Not trimmed: leading spaces and new lines are part of what the user wants to say.
	const body = toText(input.text, 'Text');
	if (body.trim() === '') throw new Error('Text is empty: give the message to send');
	checkLength(body, LIMITS.text, 'Text');
	return { body, preview_url: input.previewUrl === true };
}

/** `{link}` or `{id}` of a media object; exactly one, as the vendor lists them (§12.2). */
export function mediaReference(
	source: 'link' | 'id',
	link: unknown,
	id: unknown,
	field: string,
): IDataObject {
	if (source === 'link') {
		const url = trimmed(link, `${field} Link`);
		if (url === '')
			throw new Error(
				`${field} Link is empty: give an http(s) URL of the file, or choose "Media ID" as the source`,
			);
		return { link: httpUrl(url, `${field} Link`) };
	}
	const mediaId = trimmed(id, `${field} ID`);
	if (mediaId === '')
		throw new Error(
			`${field} ID is empty: give the media ID of an uploaded file, or choose "Link" as the source`,
		);
	return { id: mediaId };
}

function mediaObject(type: MediaType, media: MediaInput | undefined): IDataObject {
	const input = media ?? { source: 'link' };
	const object = mediaReference(input.source, input.link, input.id, 'Media');
	if (CAPTIONED.has(type)) {
		const caption = toText(input.caption, 'Caption');
		if (caption.trim() !== '') {
			checkLength(caption, LIMITS.caption, 'Caption');
			object.caption = caption;
		}
	}
	if (type === 'document') {
		const fileName = trimmed(input.fileName, 'File Name');
		if (fileName !== '') object.filename = fileName;
	}
	return object;
}

function coordinate(value: unknown, field: string, bound: number): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number)) {
		throw new Error(`${field} must be a number, got ${JSON.stringify(value ?? null)}`);
	}
	if (Math.abs(number) > bound)
		throw new Error(`${field} must be between -${bound} and ${bound}, got ${number}`);
	return number;
}

function locationObject(input: SendInput): IDataObject {
	const location = input.location ?? {};
	const object: IDataObject = {
		latitude: coordinate(location.latitude, 'Latitude', 90),
		longitude: coordinate(location.longitude, 'Longitude', 180),
	};
	const name = trimmed(location.name, 'Location Name');
	const address = trimmed(location.address, 'Address');
	if (name !== '') object.name = name;
	if (address !== '') object.address = address;
	return object;
}

function limited(value: unknown, field: string, max: number, what: string): string {
	const text = required(value, field, what);
	checkLength(text, max, field);
	return text;
}

function interactiveFrame(input: InteractiveInput, type: 'button' | 'list'): IDataObject {
	const object: IDataObject = { type };
	const header = trimmed(input.header, 'Header Text');
	if (header !== '') {
		checkLength(header, LIMITS.interactiveHeader, 'Header Text');
		object.header = { type: 'text', text: header };
	}
	object.body = {
		text: limited(
			input.body,
			'Body Text',
			LIMITS.interactiveBody,
			'give the text shown above the choices',
		),
	};
	const footer = trimmed(input.footer, 'Footer Text');
	if (footer !== '') {
		checkLength(footer, LIMITS.interactiveFooter, 'Footer Text');
		object.footer = { text: footer };
	}
	return object;
}

function unique(values: string[], field: string): void {
	const seen = new Set<string>();
	for (const value of values) {
		if (seen.has(value))
			throw new Error(`${field} "${value}" is used twice; WhatsApp needs each one to be unique`);
		seen.add(value);
	}
}

function buttonsObject(input: InteractiveInput): IDataObject {
	const object = interactiveFrame(input, 'button');
	const entries = input.buttons ?? [];
	if (entries.length === 0 || entries.length > LIMITS.buttons) {
		throw new Error(`Buttons: give 1 to ${LIMITS.buttons} reply buttons, got ${entries.length}`);
	}
	const buttons = entries.map((entry, k) => {
		const title = limited(
			entry.title,
			`Button ${k + 1} Title`,
			LIMITS.buttonTitle,
			'give the label of the button',
		);
		// The ID comes back in the user's button_reply; default to the title so a tap is recognisable.
		const id = trimmed(entry.id, `Button ${k + 1} ID`) || title;
		checkLength(id, LIMITS.buttonId, `Button ${k + 1} ID`);
		return { type: 'reply', reply: { id, title } };
	});
	unique(
		buttons.map((b) => b.reply.id),
		'Button ID',
	);
	unique(
		buttons.map((b) => b.reply.title),
		'Button title',
	);
	object.action = { buttons };
	return object;
}

function listObject(input: InteractiveInput): IDataObject {
	const object = interactiveFrame(input, 'list');
	const entries = input.rows ?? [];
	if (entries.length === 0 || entries.length > LIMITS.rows) {
		throw new Error(`Rows: give 1 to ${LIMITS.rows} list rows, got ${entries.length}`);
	}
	const sections: Array<{ title: string; rows: IDataObject[] }> = [];
	entries.forEach((entry, k) => {
		const label = `Row ${k + 1}`;
		const title = limited(
			entry.title,
			`${label} Title`,
			LIMITS.rowTitle,
			'give the text of the row',
		);
		const id = trimmed(entry.id, `${label} ID`) || title;
		checkLength(id, LIMITS.rowId, `${label} ID`);
		const row: IDataObject = { id, title };
		const description = trimmed(entry.description, `${label} Description`);
		if (description !== '') {
			checkLength(description, LIMITS.rowDescription, `${label} Description`);
			row.description = description;
		}
		const sectionTitle = trimmed(entry.section, `${label} Section`);
		checkLength(sectionTitle, LIMITS.sectionTitle, `${label} Section`);
		// Rows with the same section title are grouped, in the order the sections first appear.
		let section = sections.find((s) => s.title === sectionTitle);
		if (!section) sections.push((section = { title: sectionTitle, rows: [] }));
		section.rows.push(row);
	});
	if (sections.length > 1 && sections.some((s) => s.title === '')) {
		throw new Error('Row Section: with more than one section, every row needs a section title');
	}
	unique(
		sections.flatMap((s) => s.rows.map((r) => String(r.id))),
		'Row ID',
	);
	object.action = {
		button: limited(
			input.listButton,
			'List Button Text',
			LIMITS.listButton,
			'give the label of the button that opens the list',
		),
		sections: sections.map((s) =>
			s.title === '' ? { rows: s.rows } : { title: s.title, rows: s.rows },
		),
	};
	return object;
}

function reactionObject(input: SendInput): IDataObject {
	const reaction = input.reaction ?? {};
	const messageId = required(
		reaction.messageId,
		'Message ID',
		'give the ID of the message to react to',
	);
	const emoji = required(reaction.emoji, 'Emoji', 'give one emoji, e.g. 👍');
	// The vendor's reaction table marks meta_message_id required too; for an inbound message the
	// id is Meta's own wamid, so it is the default.
	const metaMessageId = trimmed(reaction.metaMessageId, 'Meta Message ID') || messageId;
	return { message_id: messageId, meta_message_id: metaMessageId, emoji };
}

/** The type-specific part: `{type, <type>: {...}}`. */
export function messageContent(input: SendInput): IDataObject {
	switch (input.type) {
		case 'text':
			return { type: 'text', text: textObject(input) };
		case 'image':
		case 'video':
		case 'audio':
		case 'document':
		case 'sticker':
			return { type: input.type, [input.type]: mediaObject(input.type, input.media) };
		case 'location':
			return { type: 'location', location: locationObject(input) };
		case 'buttons':
			return { type: 'interactive', interactive: buttonsObject(input.interactive ?? {}) };
		case 'list':
			return { type: 'interactive', interactive: listObject(input.interactive ?? {}) };
		case 'reaction':
			return { type: 'reaction', reaction: reactionObject(input) };
		default:
			throw new Error(
				`Message Type "${String(input.type)}" is not one of ${MESSAGE_TYPES.join(', ')}`,
			);
	}
}

/** `context`, `cus_message_id`, `dr_webhook`, `biz_opaque_callback_data` (§12.1), when given. */
export function sendExtras(options: SendOptions): IDataObject {
	const extras: IDataObject = {};
	const replyTo = trimmed(options.replyTo, 'Quote Message ID');
	if (replyTo !== '') extras.context = { message_id: replyTo };
	const cusMessageId = trimmed(options.cusMessageId, 'Custom Message ID');
	if (cusMessageId !== '') extras.cus_message_id = cusMessageId;
	const drWebhook = trimmed(options.drWebhook, 'Status Webhook URL');
	if (drWebhook !== '') extras.dr_webhook = httpUrl(drWebhook, 'Status Webhook URL');
	const opaque = toText(options.bizOpaqueCallbackData, 'Tracking Data');
	if (opaque !== '') {
		checkLength(opaque, LIMITS.bizOpaqueCallbackData, 'Tracking Data');
		extras.biz_opaque_callback_data = opaque;
	}
	return extras;
}

/** The whole `/api/wa/mt` body of a free-form message. */
export function sendBody(input: SendInput, options: SendOptions): IDataObject {
	const head = messageHead(input.appKey, input.businessPhone, input.to);
	const content = messageContent(input);
	const extras = sendExtras(options);
	if (input.type === 'reaction' && extras.context) {
		throw new Error(
			'Quote Message ID: a reaction cannot quote a message; it names its message in Message ID',
		);
	}
	return { ...head, ...extras, ...content };
}
