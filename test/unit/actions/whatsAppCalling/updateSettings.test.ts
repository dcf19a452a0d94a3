// WhatsApp Calling → Update Settings on n8n-core's engine against the stand-in.
import type { CallingConfig } from '../../../support/standin';
import { BUSINESS_PHONE, CALLING } from '../../../fixtures/action/callingSeed';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

const HELD: CallingConfig = {
	status: 1,
	region: 'SG',
	icon_status: 1,
	permission_status: 1,
	recording_status: 1,
	hours_status: 1,
	hours_customize: {
		status: 'ENABLED',
		timezone_id: 'Etc/GMT-8',
		weekly_operating_hours: [{ day_of_week: 'FRIDAY', open_time: '1000', close_time: '1600' }],
	},
	customer_sip_addr: [{ host: '10.1.1.1', port: 5060, type: 1 }],
};

const held = (): CallingConfig | undefined => n8n.standIn.state.calling.config(BUSINESS_PHONE);
const UPDATE = { ...CALLING, operation: 'updateSettings' };

describe('Update Settings', () => {
	beforeEach(() => n8n.standIn.state.calling.setConfig(BUSINESS_PHONE, structuredClone(HELD)));

	it('changes only what was set: the call icon, everything else as NXCloud held it', async () => {
		const run = await n8n.run({ ...UPDATE, settingsToChange: { showCallIcon: false } });
		expect(run.error).toBeUndefined();
		expect(n8n.standIn.requests.map((r) => r.path)).toEqual([
			'/api/wa/calling/get',
			'/api/wa/calling/enable',
		]);
		expect(held()).toEqual({ ...HELD, icon_status: 0 });
		expect(run.items.map((item) => item.json)).toEqual([
			{ enabled: true, business_phone: BUSINESS_PHONE },
		]);
	});

	it('new business hours from the pickers replace the old ones; recording and SIP stay', async () => {
		const run = await n8n.run({
			...UPDATE,
			businessHours: 'custom',
			timezoneId: 'Etc/GMT-7',
			weeklyHours: { hours: [{ day: 'SATURDAY', openTime: '08:30', closeTime: '12:00' }] },
			holidays: {
				holiday: [{ date: '2026-12-25T00:00:00', startTime: '00:00', endTime: '23:59' }],
			},
		});
		expect(run.error).toBeUndefined();
		expect(held()).toEqual({
			...HELD,
			hours_customize: {
				status: 'ENABLED',
				timezone_id: 'Etc/GMT-7',
				weekly_operating_hours: [
					{ day_of_week: 'SATURDAY', open_time: '0830', close_time: '1200' },
				],
				holiday_schedule: [{ date: '2026-12-25', start_time: '0000', end_time: '2359' }],
			},
		});
	});

	it('new SIP addresses replace the old ones and a region code typed under "Other" is sent', async () => {
		const run = await n8n.run({
			...UPDATE,
			settingsToChange: {
				region: 'other',
				regionCode: 'HK',
				sipAddresses: { address: [{ host: '10.2.2.2', port: 5080, type: 2 }] },
			},
		});
		expect(run.error).toBeUndefined();
		expect(held()).toEqual({
			...HELD,
			region: 'HK',
			customer_sip_addr: [{ host: '10.2.2.2', port: 5080, type: 2 }],
		});
	});

	it('refuses a phone whose calling is off, without turning it on', async () => {
		n8n.standIn.state.calling.setStatus(BUSINESS_PHONE, 0);
		const run = await n8n.run({ ...UPDATE, settingsToChange: { recording: false } });
		expect(run.error?.message).toBe(
			'Calling is off for this business phone, and Update Settings does not turn it on (NXCloud saves settings only through its enable call, which turns calling on). Use Enable to turn it on.',
		);
		expect(n8n.standIn.requestsTo('/calling/enable')).toEqual([]);
		expect(held()).toEqual({ ...HELD, status: 0 });
	});

	it('refuses a phone that was never set up, and an update that changes nothing', async () => {
		n8n.standIn.reset();
		const never = await n8n.run({ ...UPDATE, settingsToChange: { recording: true } });
		expect(never.error?.message).toBe(
			'Calling was never set up for this business phone (NXCloud code 10013): use Enable to turn it on with its first settings',
		);
		const nothing = await n8n.run(UPDATE);
		expect(nothing.error?.message).toBe(
			'Nothing to update: add a setting under Settings to Change, or choose Business Hours other than Keep Current Hours',
		);
		expect(n8n.standIn.requestsTo('/calling/enable')).toEqual([]);
	});
});
