import { splitCallbotCallback } from '../../../nodes/NxCloud/trigger/events/callbot';
import {
	admitKeys,
	redeliveryIdentity,
	redeliveryKey,
} from '../../../nodes/NxCloud/trigger/redelivery';
import { splitWhatsAppPush } from '../../../nodes/NxCloud/trigger/events/whatsapp';
import { fixture, fixtureBytes, fixtureNames } from './events/fixtures';

const wa = (body: unknown) => splitWhatsAppPush(body).map((e) => redeliveryKey('whatsapp', e));
const cb = (body: unknown) => splitCallbotCallback(body).map((e) => redeliveryKey('callbot', e));

describe('redelivery keys', () => {
	it('are 16 hex digits and the same for the same event', () => {
		const [key] = wa(fixture('whatsapp', 'status-sent'));
		expect(key).toMatch(/^[0-9a-f]{16}$/);
		expect(wa(fixture('whatsapp', 'status-sent'))).toEqual([key]);
	});

	it('identify a status by message id + status + errors + costs, not its timestamp', () => {
		const sent = wa({ statuses: [{ id: 'w1', status: 'sent', timestamp: '1' }] })[0];
		// The vendor calls `timestamp` the callback time: a retry may carry a new one.
		expect(wa({ statuses: [{ id: 'w1', status: 'sent', timestamp: '2' }] })[0]).toBe(sent);
		expect(
			wa({ statuses: [{ id: 'w1', status: 'sent', timestamp: '1', costs: [{ price: 1 }] }] })[0],
		).not.toBe(sent);
		expect(wa({ statuses: [{ id: 'w1', status: 'delivered' }] })[0]).not.toBe(sent);
		expect(wa({ statuses: [{ id: 'w2', status: 'sent' }] })[0]).not.toBe(sent);
	});

	it('identify a message by its id, whatever else changed', () => {
		expect(wa({ messages: [{ id: 'm', type: 'text', timestamp: '1' }] })).toEqual(
			wa({ messages: [{ id: 'm', type: 'text', timestamp: '2' }] }),
		);
		expect(wa({ messages: [{ id: 'm' }] })).not.toEqual(wa({ messages: [{ id: 'n' }] }));
	});

	it('tell a message from a status with the same id', () => {
		expect(wa({ messages: [{ id: 'x' }] })).not.toEqual(wa({ statuses: [{ id: 'x' }] }));
	});

	it('identify a template event by its whole content, so pauses without a time never collide', () => {
		const approved = fixture('whatsapp', 'template-status-approved');
		const key = wa(approved)[0];
		expect(wa(JSON.parse(JSON.stringify(approved)))[0]).toBe(key);
		expect(wa({ ...approved, value: { ...approved.value, reason: 'changed' } })[0]).not.toBe(key);
		expect(wa({ ...approved, value: { ...approved.value, time: 1713313468 } })[0]).not.toBe(key);
		expect(wa({ ...approved, value: { ...approved.value, event: 'PAUSED' } })[0]).not.toBe(key);
		// The vendor's PAUSED example has no `time`: a first and a second pause differ only in other_info.
		const paused = fixture('whatsapp', 'template-status-paused');
		const firstPause = {
			...paused,
			value: { ...paused.value, other_info: { ...paused.value.other_info, title: 'FIRST_PAUSE' } },
		};
		expect(wa(firstPause)).not.toEqual(wa(paused));
		const quality = fixture('whatsapp', 'template-quality');
		expect(wa({ ...quality, value: { ...quality.value, new_quality_score: 'RED' } })).not.toEqual(
			wa(quality),
		);
	});

	it('tell apart two failed statuses of one message that differ only in their errors (vendor examples)', () => {
		const a = fixture('whatsapp', 'status-failed-10000-meta-131056').statuses[0];
		const b = fixture('whatsapp', 'status-failed-10000-meta-131008').statuses[0];
		expect(a.id).toBe(b.id);
		expect(wa({ statuses: [a] })).not.toEqual(wa({ statuses: [b] }));
	});

	it('identify a call record by call_id', () => {
		const record = fixture('whatsapp', 'call-record');
		expect(wa({ calls: [{ ...record.calls[0], record: 'other' }] })).toEqual(wa(record));
	});

	it("fall back to the event's content, key order ignored, for events without an id", () => {
		const a = { field: 'account_update', value: { event: 'X', business_phone: '1', wabaId: '2' } };
		const b = { value: { wabaId: '2', business_phone: '1', event: 'X' }, field: 'account_update' };
		expect(wa(a)).toEqual(wa(b));
		expect(
			wa({ field: 'account_update', value: { event: 'Y', business_phone: '1', wabaId: '2' } }),
		).not.toEqual(wa(a));
		expect(redeliveryIdentity('whatsapp', splitWhatsAppPush(a)[0])).toContain('"event":"X"');
	});

	it('identify Callbot orders by order id + finish + call status, calls by call id + status', () => {
		const order = fixture('callbot', 'order-filled');
		const key = cb(order)[0];
		expect(cb({ ...order, other: 'changed' })[0]).toBe(key);
		expect(
			cb({ ...order, callInfoDetail: { ...order.callInfoDetail, callStatus: 2 } })[0],
		).not.toBe(key);
		const call = fixture('callbot', 'call-filled');
		expect(cb({ ...call, callInfoDetail: { ...call.callInfoDetail, hangupCause: 'x' } })).toEqual(
			cb(call),
		);
		expect(
			cb({ ...call, callInfoDetail: { ...call.callInfoDetail, callID: 'other' } }),
		).not.toEqual(cb(call));
	});

	it('identify a Callbot task report by task id + status + statistics', () => {
		const task = fixture('callbot', 'task-filled');
		expect(cb({ ...task, createTs: 1 })).toEqual(cb(task));
		expect(cb({ ...task, taskStatus: 3 })).not.toEqual(cb(task));
		expect(cb({ ...task, taskStat: { ...task.taskStat, finishOrderCount: 31 } })).not.toEqual(
			cb(task),
		);
	});

	it('use the content of the vendor examples, whose ids are empty', () => {
		const order = fixture('callbot', 'order');
		expect(cb({ ...order, other: 'changed' })).not.toEqual(cb(order));
	});
});

describe('redelivery keys over every vendor example', () => {
	const keyed = (source: 'whatsapp' | 'callbot') =>
		fixtureNames(source).flatMap((name) => {
			const bytes = fixtureBytes(source, name);
			const split = source === 'whatsapp' ? splitWhatsAppPush : splitCallbotCallback;
			return split(JSON.parse(bytes.toString('utf8'))).map((event, i) => ({
				label: `${name}#${i}`,
				content: JSON.stringify(event.data),
				key: redeliveryKey(source, event),
				again: redeliveryKey(source, split(JSON.parse(bytes.toString('utf8')))[i]),
			}));
		});

	it.each(['whatsapp', 'callbot'] as const)(
		'%s: no two distinct examples share a key; a byte-identical redelivery does',
		(source) => {
			const events = keyed(source);
			expect(events.length).toBeGreaterThan(source === 'whatsapp' ? 50 : 3);
			const byKey = new Map<string, { label: string; content: string }>();
			const collisions: string[] = [];
			for (const event of events) {
				expect(event.again).toBe(event.key);
				const earlier = byKey.get(event.key);
				if (earlier && earlier.content !== event.content)
					collisions.push(`${earlier.label} = ${event.label}`);
				byKey.set(event.key, event);
			}
			expect(collisions).toEqual([]);
		},
	);
});

describe('admitKeys', () => {
	it('admits unseen keys and appends them to the window', () => {
		expect(admitKeys(['a', 'b'], ['x'], 10)).toEqual({
			fresh: [true, true],
			window: ['x', 'a', 'b'],
			changed: true,
		});
	});

	it('refuses keys in the window and repeats inside one push', () => {
		expect(admitKeys(['x', 'a', 'a'], ['x'], 10)).toEqual({
			fresh: [false, true, false],
			window: ['x', 'a'],
			changed: true,
		});
	});

	it('reports no change when everything was seen', () => {
		expect(admitKeys(['x'], ['x', 'y'], 10)).toEqual({
			fresh: [false],
			window: ['x', 'y'],
			changed: false,
		});
	});

	it('forgets the oldest keys beyond the window size', () => {
		const result = admitKeys(['d', 'e'], ['a', 'b', 'c'], 3);
		expect(result.window).toEqual(['c', 'd', 'e']);
		// 'a' was forgotten, so a redelivery of it now gets through: the window's documented limit.
		expect(admitKeys(['a'], result.window, 3).fresh).toEqual([true]);
	});

	it('shrinks a window that is larger than a newly lowered size', () => {
		expect(admitKeys(['a'], ['a', 'b', 'c'], 2)).toEqual({
			fresh: [false],
			window: ['b', 'c'],
			changed: true,
		});
	});
});
