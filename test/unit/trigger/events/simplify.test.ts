import type { IDataObject } from 'n8n-workflow';

import { splitCallbotCallback } from '../../../../nodes/NxCloud/trigger/events/callbot';
import { eventItemJson } from '../../../../nodes/NxCloud/trigger/events/items';
import {
	SIMPLIFIED_FIELDS,
	simplifiedKind,
	simplifyEventItem,
	simplifyOutputs,
} from '../../../../nodes/NxCloud/trigger/events/simplify';
import type { SplitEvent, TriggerSource } from '../../../../nodes/NxCloud/trigger/events/types';
import { splitWhatsAppPush } from '../../../../nodes/NxCloud/trigger/events/whatsapp';
import { fixture, fixtureNames } from './fixtures';

const EXTRAS = { receivedAt: '2026-12-02T10:00:00.000Z', signatureVerified: true };

/** The raw items the trigger emits for a fixture, then simplified. */
function itemsOf(source: TriggerSource, name: string) {
	const body = fixture(source, name);
	const events: SplitEvent[] =
		source === 'callbot' ? splitCallbotCallback(body) : splitWhatsAppPush(body);
	return events.map((event) => {
		const raw = eventItemJson(source, event, EXTRAS);
		return { body, raw, simplified: simplifyEventItem(raw) };
	});
}

/** Every string and number anywhere in a JSON value. */
function leaves(value: unknown, into: Array<string | number | boolean> = []) {
	if (Array.isArray(value)) value.forEach((v) => leaves(v, into));
	else if (value !== null && typeof value === 'object')
		Object.values(value).forEach((v) => leaves(v, into));
	else if (['string', 'number', 'boolean'].includes(typeof value))
		into.push(value as string | number | boolean);
	return into;
}

/** Fields whose value is computed rather than copied: checked on their own below. */
const TIME_FIELDS = new Set(['time', 'startTime', 'endTime']);
const DERIVED_FIELDS = new Set(['update', 'cost']);

/** Epoch seconds of the raw body, as numbers (NXCloud sends them as strings or numbers). */
function epochSeconds(body: unknown): number[] {
	return leaves(body)
		.map((v) => Number(v))
		.filter((n) => Number.isFinite(n) && n > 1e8);
}

/** The `price`s of the cost lines of a raw event (messages carry `cost`, the rest `costs[]`). */
function rawPrices(data: IDataObject): number[] {
	const lines = ([] as unknown[]).concat(data.costs ?? [], data.cost ?? []);
	return lines.map((line) => Number((line as IDataObject).price));
}

const cases: Array<[TriggerSource, string]> = [
	...fixtureNames('whatsapp').map((name) => ['whatsapp', name] as [TriggerSource, string]),
	...fixtureNames('callbot').map((name) => ['callbot', name] as [TriggerSource, string]),
];

describe('simplified trigger items, over every fixture', () => {
	it.each(cases)(
		'%s %s: exactly the kind’s keys, in order, values from the raw event',
		(source, name) => {
			for (const { body, raw, simplified } of itemsOf(source, name)) {
				const kind = simplifiedKind(String(raw.event));
				expect(kind).toBeDefined();
				expect(Object.keys(simplified)).toEqual([...SIMPLIFIED_FIELDS[kind!]]);
				const rawLeaves = leaves(body);
				for (const [key, value] of Object.entries(simplified)) {
					if (value === null) continue;
					if (TIME_FIELDS.has(key)) {
						expect(epochSeconds(body)).toContain(Date.parse(String(value)) / 1000);
					} else if (key === 'cost') {
						const prices = rawPrices(raw.data as IDataObject);
						expect(value).toBeCloseTo(
							prices.reduce((a, b) => a + b, 0),
							6,
						);
					} else if (!DERIVED_FIELDS.has(key)) {
						expect({ key, found: rawLeaves.includes(value as string | number | boolean) }).toEqual({
							key,
							found: true,
						});
					}
				}
			}
		},
	);
});

describe('simplified trigger items, read off the vendor examples by hand', () => {
	const only = (source: TriggerSource, name: string) => itemsOf(source, name)[0].simplified;

	it('an inbound text message', () => {
		expect(only('whatsapp', 'message-text')).toEqual({
			from: '852xxxx705',
			name: 'Jay',
			type: 'text',
			text: '你好',
			messageId: 'ABGHhhdgYFCBnwIQNkLO2ipL1_ZpZ41mwgMHEg',
			replyToId: null,
			mediaId: null,
			time: '2022-09-13T07:23:51.000Z',
			businessPhone: '86176xxxx0819',
		});
	});

	it('an image carries its media id, a quoted reply the id of the message it quotes', () => {
		expect(only('whatsapp', 'message-image')).toMatchObject({
			type: 'image',
			text: null,
			mediaId: '2bc7102f-5491-40b1-a92f-338303eab9d3',
		});
		expect(only('whatsapp', 'message-text-quoted-reply')).toMatchObject({
			text: 'OK you',
			replyToId: 'wamid.d148508dce0149c9aca912ea6fb6035d',
		});
		expect(only('whatsapp', 'message-reaction')).toMatchObject({ type: 'reaction', text: '👍' });
		expect(only('whatsapp', 'message-location')).toMatchObject({ text: 'KFC (肯德基)' });
		expect(only('whatsapp', 'message-interactive-nfm-reply')).toMatchObject({ text: '已发送' });
	});

	it('a failed status names Meta’s code when NXCloud wraps one, and its title', () => {
		expect(only('whatsapp', 'status-failed-10000-meta-131000')).toEqual({
			messageId: 'wamid.db8cc8d4a8bb4a969df274e25857cca5',
			recipient: '96650xxxx431',
			status: 'failed',
			errorCode: 131000,
			errorTitle: 'Meta Error((#131000) Something went wrong)',
			cost: null,
			time: '2024-04-18T20:34:39.000Z',
			businessPhone: null,
		});
		expect(only('whatsapp', 'status-failed-131026')).toMatchObject({
			errorCode: 131026,
			errorTitle: 'Message Undeliverable.',
			businessPhone: '852xxxx3862',
		});
	});

	it('a sent status sums its cost lines in CNY', () => {
		expect(only('whatsapp', 'status-sent')).toMatchObject({ status: 'sent', cost: 0.1381 });
	});

	it('a call record, a template, an account review', () => {
		expect(only('whatsapp', 'call-record')).toEqual({
			callId: 'ae5b182f-f37b-123e-dcb0-42010a34f811',
			from: 'xxx',
			to: 'xxx',
			duration: 55,
			endReason: 'Busy Here',
			recordingUrl: 'https://xxx',
			cost: 1.2948,
			currency: 'EUR',
			startTime: '2025-08-14T06:35:16.000Z',
			endTime: '2025-08-14T06:35:19.000Z',
			businessPhone: 'xxx',
		});
		expect(only('whatsapp', 'template-quality')).toEqual({
			templateName: 'simon_def2',
			language: 'en_US',
			templateId: '301336xxxx511624',
			update: 'quality',
			value: 'YELLOW',
			previousValue: 'UNKNOWN',
			reason: null,
			time: '2024-10-31T15:55:45.000Z',
			businessPhone: '852xxxx3867',
		});
		expect(only('whatsapp', 'template-status-approved')).toMatchObject({
			update: 'status',
			value: 'APPROVED',
			previousValue: null,
			reason: 'NONE',
		});
		expect(only('whatsapp', 'account-review-approved')).toEqual({
			update: 'review',
			event: 'APPROVED',
			phoneNumber: null,
			wabaId: '1049513xxxx7327',
			time: null,
			businessPhone: '1669xxxx193',
		});
	});

	it('Callbot order, call and task callbacks', () => {
		expect(only('callbot', 'order-filled')).toEqual({
			orderId: 'order-20261123-0042',
			phone: '8613800138000',
			name: 'Li Lei',
			finished: true,
			callId: 'C9f1e2d3',
			callStatus: 1,
			duration: 55,
			intent: 'interested',
			recordingUrl: 'https://example.invalid/rec/C9f1e2d3.mp3',
			other: 'crm-42',
			endTime: '2025-11-23T09:01:00.000Z',
			userTaskId: '2f6c1a7e-task-0001',
		});
		expect(only('callbot', 'call-filled')).toMatchObject({
			callId: 'C9f1e2d2',
			callingNumber: '85230001234',
			recordingUrl: null,
			intent: null,
		});
		expect(only('callbot', 'task-filled')).toEqual({
			userTaskId: '2f6c1a7e-task-0001',
			taskId: 'T202611230001',
			taskStatus: 2,
			totalNumbers: 100,
			finishedNumbers: 30,
			answeredNumbers: 12,
			finishRate: 0.3,
			answerRate: 0.29,
			time: '2025-11-23T08:00:00.000Z',
		});
	});
});

describe('what Simplify leaves alone', () => {
	it('keeps events of no known kind raw (the Other output)', () => {
		const [unknown] = splitWhatsAppPush({ surprise: true });
		const raw = eventItemJson('whatsapp', unknown, EXTRAS);
		expect(simplifyEventItem(raw)).toBe(raw);
		const [deleted] = splitWhatsAppPush({ statuses: [{ id: 'x', status: 'deleted' }] });
		// An unknown status is still a status: it gets the status fields.
		expect(Object.keys(simplifyEventItem(eventItemJson('whatsapp', deleted, EXTRAS)))).toEqual([
			...SIMPLIFIED_FIELDS.status,
		]);
	});

	it('keeps the media download outcome and the binary, after the fields', () => {
		const [event] = splitWhatsAppPush(fixture('whatsapp', 'message-image'));
		const json = { ...eventItemJson('whatsapp', event, EXTRAS), mediaDownload: { ok: true } };
		const binary = { data: { data: '', mimeType: 'image/jpeg' } };
		const outputs = [[{ json, binary, pairedItem: { item: 0 } }]];
		simplifyOutputs(outputs);
		expect(Object.keys(outputs[0][0].json)).toEqual([
			...SIMPLIFIED_FIELDS.message,
			'mediaDownload',
		]);
		expect(outputs[0][0].binary).toBe(binary);
		expect(outputs[0][0].pairedItem).toEqual({ item: 0 });
	});
});
