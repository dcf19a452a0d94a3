import {
	classifyCallbotCallback,
	splitCallbotCallback,
} from '../../../../nodes/NxCloud/trigger/events/callbot';
import { fixture, fixtureNames } from './fixtures';

const EXPECTED: Record<string, [event: string, output: string, businessPhone: string | null]> = {
	task: ['callbot.task', 'task', null],
	'task-filled': ['callbot.task', 'task', null],
	// Not a vendor example: the examples' pinned "task finished" callback (status 3), same shape.
	'task-finished': ['callbot.task', 'task', null],
	order: ['callbot.order', 'order', null],
	'order-filled': ['callbot.order', 'order', null],
	call: ['callbot.call', 'call', null],
	'call-filled': ['callbot.call', 'call', '85230001234'],
};

describe('splitCallbotCallback: the docs/vendor-api.md §7 examples', () => {
	it('has an expectation for every fixture', () => {
		expect(fixtureNames('callbot')).toEqual(Object.keys(EXPECTED).sort());
	});

	it.each(Object.entries(EXPECTED))('%s -> %j', (name, [event, output, phone]) => {
		const body = fixture('callbot', name);
		const events = splitCallbotCallback(body);
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ event, output, filterKey: output });
		expect(events[0].businessPhones[0] ?? null).toBe(phone);
		expect(events[0].data).toEqual(body);
		expect(events[0].context).toEqual({
			callbackType: body.callbackType,
			userTaskID: body.userTaskID,
			taskID: body.taskID,
			sceneID: body.sceneID,
		});
	});
});

describe('classifyCallbotCallback: by shape, not by callbackType', () => {
	it('ignores callbackType, which the vendor prints as a string and a number', () => {
		// The docs/vendor-api.md §7.2 order example says callbackType "1", the task value, and is still an order.
		expect(classifyCallbotCallback(fixture('callbot', 'order'))).toBe('order');
		expect(classifyCallbotCallback({ ...fixture('callbot', 'task'), callbackType: '2' })).toBe(
			'task',
		);
	});

	it('needs callingNumber or lineAddress for a call callback', () => {
		expect(
			classifyCallbotCallback({ callInfoDetail: { callID: 'c', lineAddress: '1.2.3.4' } }),
		).toBe('call');
		expect(classifyCallbotCallback({ callInfoDetail: { callID: 'c', callingNumber: '852' } })).toBe(
			'call',
		);
		expect(classifyCallbotCallback({ callInfoDetail: { callID: 'c' } })).toBe('order');
	});

	it('treats an orderID alone as an order and anything else as Other', () => {
		expect(classifyCallbotCallback({ orderID: 'o1' })).toBe('order');
		expect(classifyCallbotCallback({ hello: 1 })).toBe('other');
		expect(splitCallbotCallback({ hello: 1 })[0]).toMatchObject({
			event: 'callbot.unknown',
			output: 'other',
			filterKey: null,
		});
		expect(splitCallbotCallback('text')[0]).toMatchObject({
			output: 'other',
			data: { value: 'text' },
		});
	});
});
