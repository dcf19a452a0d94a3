import {
	epochToIso,
	isTimestampKey,
	isoTimestamps,
} from '../../../nodes/NxCloud/shared/timestamps';
import { fixture } from '../trigger/events/fixtures';

describe('epochToIso', () => {
	it.each([
		[1660019986, '2022-08-09T04:39:46.000Z'],
		['1660019986', '2022-08-09T04:39:46.000Z'],
		['1655710885431', '2022-06-20T07:41:25.431Z'],
		[1655710885431, '2022-06-20T07:41:25.431Z'],
	])('%p -> %s (seconds and milliseconds told apart by size)', (value, iso) => {
		expect(epochToIso(value)).toBe(iso);
	});

	it.each([
		0,
		'0',
		'TIMESTAMP',
		'',
		null,
		undefined,
		-5,
		12345,
		'12.5',
		'October 22, 2025',
		Number.NaN,
	])('%p is not a time', (value) => {
		expect(epochToIso(value)).toBeUndefined();
	});
});

describe('isTimestampKey: one rule for the trigger and the actions', () => {
	it.each([
		'timestamp',
		'expiration_timestamp',
		'time',
		'expiration',
		'start_time',
		'end_time',
		'createTs',
		'callStartTs',
		'smsSendTs',
		'manualCallStart',
		'manualCallAnswer',
		'manualCallEnd',
	])('%s holds an epoch time', (key) => {
		expect(isTimestampKey(key)).toBe(true);
	});

	it.each([
		'Ts',
		'call_duration',
		'callDuration',
		'agentCallElapsed',
		'manualCallResult',
		'timezone_id',
		'times',
	])('%s does not', (key) => {
		expect(isTimestampKey(key)).toBe(false);
	});
});

describe('isoTimestamps', () => {
	it('mirrors the status timestamps at their paths', () => {
		expect(isoTimestamps(fixture('whatsapp', 'status-sent').statuses[0])).toEqual({
			timestamp: '2022-08-09T04:39:46.000Z',
			conversation: { expiration_timestamp: '2022-08-10T04:40:00.000Z' },
		});
	});

	it("converts a template event's integer time and a call record's start and end", () => {
		expect(isoTimestamps(fixture('whatsapp', 'template-status-approved').value)).toEqual({
			time: '2024-04-17T00:24:27.000Z',
		});
		expect(isoTimestamps(fixture('whatsapp', 'call-record').calls[0])).toEqual({
			start_time: '2025-08-14T06:35:16.000Z',
			end_time: '2025-08-14T06:35:19.000Z',
		});
	});

	it('converts Callbot *Ts fields, keeps array positions and skips zero placeholders', () => {
		expect(isoTimestamps(fixture('callbot', 'order-filled'))).toEqual({
			callInfoDetail: {
				callStartTs: '2025-11-23T09:00:00.000Z',
				callAnswerTs: '2025-11-23T09:00:05.000Z',
				callEndTs: '2025-11-23T09:01:00.000Z',
				sms: [{ smsSendTs: '2025-11-23T09:01:10.000Z' }],
			},
		});
		expect(isoTimestamps(fixture('callbot', 'task-filled'))).toEqual({
			createTs: '2025-11-23T08:00:00.000Z',
		});
		expect(isoTimestamps({ list: [{ a: 1 }, { timestamp: '1660019986' }] })).toEqual({
			list: [null, { timestamp: '2022-08-09T04:39:46.000Z' }],
		});
	});

	it('is undefined when there is nothing to convert (vendor zeros and placeholders)', () => {
		expect(isoTimestamps(fixture('callbot', 'order'))).toBeUndefined();
		expect(
			isoTimestamps(fixture('whatsapp', 'account-update-account-restriction').value),
		).toBeUndefined();
		expect(isoTimestamps('1660019986')).toBeUndefined();
	});

	it('does not take durations for times', () => {
		expect(
			isoTimestamps({
				call_duration: 1660019986,
				callDuration: 1660019986,
				agentCallElapsed: 1660019986,
			}),
		).toBeUndefined();
	});
});
