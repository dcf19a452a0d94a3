import {
	callFilters,
	rangeFilter,
	taskFilters,
} from '../../../../nodes/NxCloud/actions/callbotCallList/listFilters';
import {
	funcFlag,
	taskCreateSetting,
} from '../../../../nodes/NxCloud/actions/callbotTask/taskSettings';
import {
	chunk,
	toIntegerList,
	toList,
	toUnixSeconds,
} from '../../../../nodes/NxCloud/shared/values';

describe('taskCreateSetting', () => {
	it('sends only the fields set, with the vendor types', () => {
		expect(
			taskCreateSetting(
				{
					taskName: 'Renewals',
					startupType: 2,
					startupAt: '2026-03-01T08:00:00Z',
					zoneSecond: '28800',
					dialAtUpHour: '09',
					maxCall: 3,
				},
				{ agentGroup: 'G1', dispatchType: 1, ratioCallRate: 1.5 },
			),
		).toEqual({
			taskName: 'Renewals',
			dialAtUpHour: '09',
			startupType: 2,
			zoneSecond: 28800,
			maxCall: 3,
			startupAt: 1772352000,
			manualCallSetting: { agentGroup: 'G1', dispatchType: 1, ratioCallRate: 1.5 },
		});
		expect(taskCreateSetting({}, {})).toBeUndefined();
	});

	it('names a field with a wrong type', () => {
		expect(() => taskCreateSetting({ maxRingTime: 2.5 })).toThrow(
			'maxRingTime must be a whole number, got 2.5',
		);
		expect(() => taskCreateSetting({ taskCallbackUrl: 'nope' })).toThrow(
			'taskCallbackUrl must be an http(s) URL, got "nope"',
		);
		expect(() => taskCreateSetting({}, { predictCallRate: 'fast' })).toThrow(
			'predictCallRate must be a number, got "fast"',
		);
	});
});

describe('funcFlag', () => {
	const rules = [{ smsId: 's1', intentIds: 'i1, i2', intentNames: 'Interested' }];

	it('spells the SMS rule keys as each endpoint page does', () => {
		expect(funcFlag({ roundRedial: true }, rules, 'createTask')).toEqual({
			roundRedial: true,
			smsFuncFlag: [{ smsId: 's1', intentId: ['i1', 'i2'], intentName: ['Interested'] }],
		});
		expect(funcFlag({}, rules, 'createAndCall')).toEqual({
			smsFuncFlag: [{ smsID: 's1', intentID: ['i1', 'i2'], intentName: ['Interested'] }],
		});
		expect(funcFlag({}, [], 'createTask')).toBeUndefined();
	});

	it('refuses an SMS rule without an SMS ID', () => {
		expect(() => funcFlag({}, [{ smsId: ' ' }], 'createTask')).toThrow(
			'SMS rule 1: SMS ID is empty',
		);
	});
});

describe('filters', () => {
	it('builds listCall/listOrder options from the set filters only', () => {
		expect(
			callFilters({
				callIds: 'c1,c2',
				intentLevels: '1, 2',
				callStatuses: [1],
				intentTags: '',
				turnsMoreThan: 2,
				durationLessThan: 60,
				startedAfter: '2026-01-01T00:00:00Z',
				finished: 'unfinished',
			}),
		).toEqual({
			callID: ['c1', 'c2'],
			intentLevel: [1, 2],
			callStatus: [1],
			turnTime: { enable: true, gt: 2 },
			callDuration: { enable: true, lt: 60 },
			startTs: 1767225600,
			finish: false,
		});
		expect(callFilters({ finished: 'any' })).toEqual({});
	});

	it('refuses an empty range and non-numbers by name', () => {
		expect(() => rangeFilter(10, 5, 'Turns')).toThrow(
			'Turns: "less than" (5) must be above "more than" (10), or no row can match',
		);
		expect(() => callFilters({ intentLevels: 'high' })).toThrow(
			'intentLevels must hold whole numbers, got "high"',
		);
	});

	it('builds listTask queryConditions', () => {
		expect(
			taskFilters({
				taskStatuses: [2, 5],
				taskNames: 'a,b',
				sceneId: ' s ',
				userTaskIds: ['t1'],
				createdBefore: 1767225600000,
			}),
		).toEqual({
			taskStatus: [2, 5],
			taskName: ['a', 'b'],
			userTaskID: ['t1'],
			sceneID: 's',
			endTs: 1767225600,
		});
	});
});

describe('text helpers', () => {
	it('splits lists and chunks', () => {
		expect(toList(' a, b ,,\nc', 'x')).toEqual(['a', 'b', 'c']);
		expect(toList(['a', 1], 'x')).toEqual(['a', '1']);
		expect(() => toList([{}], 'Order IDs')).toThrow(
			'Order IDs must be a list of text values, got an entry of type object',
		);
		expect(toIntegerList('1,2', 'x')).toEqual([1, 2]);
		expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(chunk([], 500)).toEqual([]);
	});

	it('reads dates as Unix seconds', () => {
		expect(toUnixSeconds('2026-01-01T00:00:00Z', 'd')).toBe(1767225600);
		expect(toUnixSeconds(1767225600, 'd')).toBe(1767225600);
		expect(toUnixSeconds('', 'd')).toBeUndefined();
		expect(() => toUnixSeconds('soon', 'Started After')).toThrow(
			'Started After must be a date and time',
		);
	});
});
