// Callbot task pickers (Time Zone, Startup Type, Dispatch Type): what each option sends, that the
// numbers of workflows saved before the pickers are still sent unchanged, and the hints of the
// fields whose values NXCloud does not publish. Runs Create on n8n-core's engine against the stand-in.
import type {
	IDataObject,
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import {
	DISPATCH_TYPE_OPTIONS,
	STARTUP_TYPE_OPTIONS,
	TIME_ZONE_OPTIONS,
	utcOffsetLabel,
} from '../../../../nodes/NxCloud/actions/callbotTask/taskOptions';
import { taskSettingFields } from '../../../../nodes/NxCloud/actions/callbotTask/taskFields';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

function field(collection: string, name: string): INodeProperties {
	const fields = taskSettingFields(true, true);
	const found = (fields.find((f) => f.name === collection)?.options as INodeProperties[]).find(
		(f) => f.name === name,
	);
	if (!found) throw new Error(`${collection}.${name} missing`);
	return found;
}

/** The seconds an option label such as "UTC+05:30 (India, Sri Lanka)" stands for. */
function secondsOfLabel(label: string): number {
	const m = /^UTC([+-])(\d\d):(\d\d) \(/.exec(label);
	if (!m) throw new Error(`label without offset: ${label}`);
	return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
}

async function createWith(taskSettings: INodeParameters, manualCallSettings: INodeParameters = {}) {
	const { error } = await n8n.run({
		resource: 'callbotTask',
		operation: 'create',
		sceneId: 's1',
		userTaskId: `t-${Math.random()}`,
		taskSettings,
		manualCallSettings,
		options: { tries: 1, timeout: 5 },
	});
	expect(error).toBeUndefined();
	return n8n.standIn.requestsTo('/createTask').at(-1)!.json() as {
		taskCreateSetting: IDataObject & { manualCallSetting?: IDataObject };
	};
}

describe('Time Zone picker (zoneSecond)', () => {
	it('is a picker named without the wire unit, its default UTC', () => {
		const zone = field('taskSettings', 'zoneSecond');
		expect(zone).toMatchObject({ displayName: 'Time Zone', type: 'options', default: 0 });
		expect(zone.options).toBe(TIME_ZONE_OPTIONS);
		expect(zone.description).toMatch(/offset from UTC in seconds/);
	});

	it.each(TIME_ZONE_OPTIONS.map((o) => [o.name, o.value]))(
		'%s sends %i seconds, the offset its label names',
		(name, value) => {
			expect(secondsOfLabel(name as string)).toBe(value);
		},
	);

	it('offers each standard offset once, from UTC-12:00 to UTC+14:00 with the half and quarter hours', () => {
		const values = TIME_ZONE_OPTIONS.map((o) => o.value as number);
		expect(new Set(values).size).toBe(values.length);
		expect(Math.min(...values)).toBe(-12 * 3600);
		expect(Math.max(...values)).toBe(14 * 3600);
		for (const seconds of [28800, 19800, 20700, -18000, -12600, 34200])
			expect(values).toContain(seconds);
		expect(utcOffsetLabel(330)).toBe('UTC+05:30');
		expect(utcOffsetLabel(-210)).toBe('UTC-03:30');
	});

	it('sends the picked offset in seconds, as the number field did', async () => {
		const china = TIME_ZONE_OPTIONS.find((o) => o.name.startsWith('UTC+08:00'))!;
		const body = await createWith({ zoneSecond: china.value });
		expect(body.taskCreateSetting.zoneSecond).toBe(28800);
	});

	it('still sends an offset saved before the picker, also one not in the list', async () => {
		expect((await createWith({ zoneSecond: 3600 })).taskCreateSetting.zoneSecond).toBe(3600);
		expect((await createWith({ zoneSecond: 31500 })).taskCreateSetting.zoneSecond).toBe(31500);
	});
});

describe('Startup Type and Dispatch Type pickers', () => {
	it('are labelled options whose values are the numbers NXCloud takes', () => {
		const startup = field('taskSettings', 'startupType');
		expect(startup).toMatchObject({ type: 'options', default: 1 });
		expect((startup.options as INodePropertyOptions[]).map((o) => [o.name, o.value])).toEqual([
			['Manual', 1],
			['Scheduled', 2],
			['Immediate', 3],
			['None', 0],
		]);
		const dispatch = field('manualCallSettings', 'dispatchType');
		expect(dispatch).toMatchObject({ type: 'options', default: 0 });
		expect(DISPATCH_TYPE_OPTIONS.map((o) => [o.name, o.value])).toEqual([
			['None', 0],
			['Proportional', 1],
			['Predictive', 2],
		]);
		// The values come from NXCloud's NXCC API, not the Callbot pages: the hint says so.
		for (const f of [startup, dispatch]) expect(f.description).toMatch(/do not list the values/);
		expect(STARTUP_TYPE_OPTIONS.every((o) => typeof o.value === 'number')).toBe(true);
	});

	it('send the picked numbers', async () => {
		const body = await createWith({ startupType: 2 }, { dispatchType: 1, agentGroup: 'G' });
		expect(body.taskCreateSetting).toMatchObject({
			startupType: 2,
			manualCallSetting: { dispatchType: 1, agentGroup: 'G' },
		});
	});

	it('still send a number saved before the pickers that the list does not have', async () => {
		const body = await createWith({ startupType: 7 }, { dispatchType: 5 });
		expect(body.taskCreateSetting).toMatchObject({
			startupType: 7,
			manualCallSetting: { dispatchType: 5 },
		});
	});
});

describe('fields whose values NXCloud does not publish stay free, and say so', () => {
	it.each(['dialAtWeekDay', 'dialAtUpHour', 'dialAtDownHour'])('%s', async (name) => {
		const f = field('taskSettings', name);
		expect(f.type).toBe('string');
		expect(f.description).toMatch(/NXCloud does not publish the format/);
		const body = await createWith({ [name]: '1,2,3' });
		expect(body.taskCreateSetting[name]).toBe('1,2,3');
	});
});
