// WhatsApp Calling → Enable on n8n-core's engine against the stand-in.
import { BUSINESS_PHONE, CALLING } from '../../../fixtures/action/callingSeed';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

describe('Enable', () => {
	it('sends every field, outputs data, and NXCloud stores the settings', async () => {
		const { items: output, error } = await n8n.run({
			...CALLING,
			operation: 'enable',
			region: 'SG',
			showCallIcon: true,
			callbackPermission: true,
			recording: false,
			sipAddresses: { address: [{ host: '10.1.1.1', port: 5060, type: 2 }] },
			businessHours: 'custom',
			timezoneId: 'Etc/GMT-8',
			weeklyHours: { hours: [{ day: 'MONDAY', openTime: '09:00', closeTime: '18:00' }] },
			holidays: {},
		});
		expect(error).toBeUndefined();
		const [request] = n8n.standIn.requestsTo('/calling/enable');
		expect(request.code).toBe(0);
		expect(request.json()).toEqual({
			appkey: 'pem28kje',
			business_phone: BUSINESS_PHONE,
			region: 'SG',
			icon_status: 1,
			permission_status: 1,
			recording_status: 0,
			hours_status: 1,
			hours_customize: {
				status: 'ENABLED',
				timezone_id: 'Etc/GMT-8',
				weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1800' }],
			},
			customer_sip_addr: [{ host: '10.1.1.1', port: 5060, type: 2 }],
		});
		expect(output.map((item) => item.json)).toEqual([
			{ enabled: true, business_phone: BUSINESS_PHONE },
		]);
		expect(n8n.standIn.state.calling.config(BUSINESS_PHONE)).toMatchObject({
			status: 1,
			region: 'SG',
			customer_sip_addr: [{ host: '10.1.1.1', port: 5060, type: 2 }],
		});
	});

	it('a bad field stops the node naming the field and the item, after the items before it were sent', async () => {
		const run = await n8n.run(
			{
				...CALLING,
				operation: 'enable',
				region: 'SG',
				businessHours: 'none',
				sipAddresses: { address: [{ host: '={{ $json.host }}', port: 5060, type: 1 }] },
			},
			[{ host: '10.0.0.1' }, { host: 'sip.example.com' }],
		);
		expect(run.error?.message).toBe(
			'SIP address 1: host "sip.example.com" is not an IP address (NXCloud takes IPs only, no domain names)',
		);
		expect(run.error?.context?.itemIndex).toBe(1);
		expect(n8n.standIn.requestsTo('/calling/enable').map((r) => r.code)).toEqual([0]);
		expect(run.items).toEqual([]);
	});
});

describe('Enable, values saved before the pickers', () => {
	it('free-text Region and Time Zone and a typed holiday date still go out as before', async () => {
		const run = await n8n.run({
			...CALLING,
			operation: 'enable',
			region: 'SINGAPORE',
			sipAddresses: { address: [{ host: '10.1.1.1', port: 5060, type: 1 }] },
			businessHours: 'custom',
			timezoneId: 'Asia/Singapore',
			weeklyHours: { hours: [{ day: 'MONDAY', openTime: '0900', closeTime: '1800' }] },
			holidays: { holiday: [{ date: '2026-01-01', startTime: '00:00', endTime: '23:59' }] },
		});
		expect(run.error).toBeUndefined();
		expect(n8n.standIn.requestsTo('/calling/enable')[0].json()).toMatchObject({
			region: 'SINGAPORE',
			hours_customize: {
				timezone_id: 'Asia/Singapore',
				holiday_schedule: [{ date: '2026-01-01', start_time: '0000', end_time: '2359' }],
			},
		});
	});

	it('the pickers: "Other Region Code", a UTC offset and a picked date become the wire values', async () => {
		const run = await n8n.run({
			...CALLING,
			operation: 'enable',
			region: 'other',
			regionCode: 'ID',
			sipAddresses: { address: [{ host: '10.1.1.1', port: 5060, type: 1 }] },
			businessHours: 'custom',
			timezoneId: '={{ "UTC+7" }}',
			weeklyHours: { hours: [{ day: 'SUNDAY', openTime: '10:00', closeTime: '14:00' }] },
			holidays: {
				holiday: [{ date: '2026-05-01T00:00:00', startTime: '00:00', endTime: '12:00' }],
			},
		});
		expect(run.error).toBeUndefined();
		expect(n8n.standIn.requestsTo('/calling/enable')[0].json()).toMatchObject({
			region: 'ID',
			hours_customize: {
				timezone_id: 'Etc/GMT-7',
				weekly_operating_hours: [{ day_of_week: 'SUNDAY', open_time: '1000', close_time: '1400' }],
				holiday_schedule: [{ date: '2026-05-01', start_time: '0000', end_time: '1200' }],
			},
		});
	});
});
