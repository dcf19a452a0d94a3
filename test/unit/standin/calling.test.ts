// WhatsApp Calling behaviour (docs/vendor-api.md §3): state transitions and body validation codes.
import type { StandIn } from '../../support/standin';
import { APPKEY, PHONE, callOpen, start } from './client';

const ref = { appkey: APPKEY, business_phone: PHONE };
const enableBody = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
	...ref,
	region: 'SG',
	icon_status: 1,
	permission_status: 1,
	recording_status: 0,
	hours_status: 0,
	customer_sip_addr: [{ host: '34.56.78.90', port: 8080, type: 1 }],
	...extra,
});
const hours = {
	status: 'ENABLED',
	timezone_id: 'Etc/GMT-8',
	weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1800' }],
	holiday_schedule: [{ date: '2026-01-01', start_time: '0000', end_time: '2359' }],
};

let standIn: StandIn;
beforeAll(async () => {
	standIn = await start();
});
beforeEach(() => standIn.reset());
afterAll(() => standIn.close());

async function codeOf(op: string, body: object): Promise<{ code: number; message: string }> {
	const { code, message } = (await callOpen(standIn, op, body)).json();
	return { code, message };
}

describe('lifecycle', () => {
	it('enable → get shows the config with status 1 → disable → status 0', async () => {
		const enabled = (
			await callOpen(standIn, 'enable', enableBody({ hours_status: 1, hours_customize: hours }))
		).json();
		expect(enabled).toMatchObject({
			code: 0,
			message: 'Success',
			data: { enabled: true, business_phone: PHONE },
		});

		const got = (await callOpen(standIn, 'get', ref)).json();
		expect(got.code).toBe(0);
		expect(got.data).toEqual({
			business_phone: PHONE,
			status: 1,
			region: 'SG',
			icon_status: 1,
			permission_status: 1,
			recording_status: 0,
			hours_status: 1,
			hours_customize: hours,
			customer_sip_addr: [{ host: '34.56.78.90', port: 8080, type: 1 }],
			nx_sip_addr: [{ region: 'SG', ip_list: expect.any(Array), fqdn: expect.any(Array) }],
		});

		const disabled = (await callOpen(standIn, 'disable', ref)).json();
		expect(disabled).toEqual({
			code: 0,
			message: 'Success',
			data: { disabled: true, business_phone: PHONE },
			traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
		});
		expect((await callOpen(standIn, 'get', ref)).json().data.status).toBe(0);
		expect(standIn.state.calling.config(PHONE)!.status).toBe(0);
	});

	it('enabling again replaces the settings', async () => {
		await callOpen(standIn, 'enable', enableBody());
		await callOpen(standIn, 'enable', enableBody({ region: 'US', icon_status: 0 }));
		expect(standIn.state.calling.config(PHONE)).toMatchObject({
			region: 'US',
			icon_status: 0,
			status: 1,
		});
	});

	it('get / disable before any enable → 10013', async () => {
		expect(await codeOf('get', ref)).toEqual({ code: 10013, message: 'Calling setting not exist' });
		expect(await codeOf('disable', ref)).toEqual({
			code: 10013,
			message: 'Calling setting not exist',
		});
	});

	it('a phone not bound, or bound to another app → 10003 with the vendor message', async () => {
		const notBound = { code: 10003, message: 'WhatsApp business phone is not bind app' };
		expect(await codeOf('disable', { appkey: APPKEY, business_phone: '8613311111111' })).toEqual(
			notBound,
		);
		expect(await codeOf('enable', enableBody({ appkey: 'otherapp' }))).toEqual(notBound);
		const res = (
			await callOpen(standIn, 'disable', { appkey: APPKEY, business_phone: '8613311111111' })
		).json();
		expect(res).not.toHaveProperty('data');
	});

	it('enable on a phone seeded in arrears (status 2) → 1102', async () => {
		standIn.state.calling.setConfig(PHONE, { ...(enableBody() as any), status: 2 });
		expect(await codeOf('enable', enableBody())).toEqual({
			code: 1102,
			message: 'Insufficient balance',
		});
	});

	it('query returns a seeded call record, and an empty list for an unknown call_id', async () => {
		standIn.state.calling.addCallRecord(PHONE, {
			call_id: 'outgoing:wacid.ABC',
			call_duration: 12,
		});
		const found = (
			await callOpen(standIn, 'query', { ...ref, call_id: 'outgoing:wacid.ABC' })
		).json();
		expect(found.code).toBe(0);
		expect(found.data).toMatchObject({
			business_phone: PHONE,
			app_id: expect.any(Number),
			wabaId: expect.any(String),
		});
		expect(found.data.calls).toEqual([
			expect.objectContaining({
				call_id: 'outgoing:wacid.ABC',
				call_duration: 12,
				bill_type: '6+6',
			}),
		]);
		const missing = (await callOpen(standIn, 'query', { ...ref, call_id: 'nope' })).json();
		expect(missing.data.calls).toEqual([]);
	});
});

describe('validation', () => {
	it.each([
		['disable', { business_phone: PHONE }, 'appkey'],
		['disable', { appkey: APPKEY }, 'business_phone'],
		['get', { appkey: APPKEY, business_phone: '' }, 'business_phone'],
		['query', ref, 'call_id'],
		['enable', { ...enableBody(), region: undefined }, 'region'],
		['enable', { ...enableBody(), icon_status: undefined }, 'icon_status'],
		['enable', { ...enableBody(), hours_status: null }, 'hours_status'],
		['enable', { ...enableBody(), customer_sip_addr: undefined }, 'customer_sip_addr'],
		['enable', enableBody({ hours_status: 1 }), 'hours_customize'],
		[
			'enable',
			enableBody({ customer_sip_addr: [{ host: '1.2.3.4', type: 1 }] }),
			'customer_sip_addr[0].port',
		],
		[
			'enable',
			enableBody({
				hours_status: 1,
				hours_customize: { status: 'ENABLED', timezone_id: 'Etc/GMT-8' },
			}),
			'hours_customize.weekly_operating_hours',
		],
	])('%s, case %# → 9000 naming the missing field', async (op, body, field) => {
		expect(await codeOf(op, body)).toEqual({
			code: 9000,
			message: `Request parameter error: ${field} is required`,
		});
	});

	it.each(['+8613300000000', '86 133', '123', 'abc12345678'])(
		'business_phone %p → 9002',
		async (phone) => {
			expect(await codeOf('get', { appkey: APPKEY, business_phone: phone })).toEqual({
				code: 9002,
				message: 'Phone number error',
			});
		},
	);

	it.each([
		['icon_status', 2],
		['permission_status', '1'],
		['recording_status', true],
		['hours_status', -1],
	])('%s = %p → 10015', async (field, value) => {
		expect(await codeOf('enable', enableBody({ [field]: value }))).toEqual({
			code: 10015,
			message: `${field} not in (0, 1)`,
		});
	});

	const sip = (entries: unknown): Record<string, unknown> =>
		enableBody({ customer_sip_addr: entries });
	const hoursWith = (patch: Record<string, unknown>): Record<string, unknown> =>
		enableBody({ hours_status: 1, hours_customize: { ...hours, ...patch } });

	it.each([
		['sip not an array', sip('1.2.3.4:5060'), 'customer_sip_addr'],
		['sip empty', sip([]), 'customer_sip_addr'],
		[
			'six sip entries',
			sip([1, 2, 3, 4, 5, 6].map((i) => ({ host: `10.0.0.${i}`, port: 5060, type: 1 }))),
			'customer_sip_addr',
		],
		[
			'a domain host',
			sip([{ host: 'sip.example.com', port: 5060, type: 1 }]),
			'customer_sip_addr[0].host',
		],
		['port 0', sip([{ host: '1.2.3.4', port: 0, type: 1 }]), 'customer_sip_addr[0].port'],
		['port 65536', sip([{ host: '1.2.3.4', port: 65536, type: 1 }]), 'customer_sip_addr[0].port'],
		[
			'port as string',
			sip([{ host: '1.2.3.4', port: '5060', type: 1 }]),
			'customer_sip_addr[0].port',
		],
		['type 4', sip([{ host: '1.2.3.4', port: 5060, type: 4 }]), 'customer_sip_addr[0].type'],
		[
			'duplicate host+port',
			sip([
				{ host: '1.2.3.4', port: 5060, type: 1 },
				{ host: '1.2.3.4', port: 5060, type: 2 },
			]),
			'customer_sip_addr[1]',
		],
		['hours status OPEN', hoursWith({ status: 'OPEN' }), 'hours_customize.status'],
		[
			'day FUNDAY',
			hoursWith({
				weekly_operating_hours: [{ day_of_week: 'FUNDAY', open_time: '0900', close_time: '1800' }],
			}),
			'hours_customize.weekly_operating_hours[0].day_of_week',
		],
		[
			'open 9:00',
			hoursWith({
				weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '9:00', close_time: '1800' }],
			}),
			'hours_customize.weekly_operating_hours[0].open_time',
		],
		[
			'close before open',
			hoursWith({
				weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '1800', close_time: '0900' }],
			}),
			'hours_customize.weekly_operating_hours[0].close_time',
		],
		[
			'holiday 2026-02-30',
			hoursWith({
				holiday_schedule: [{ date: '2026-02-30', start_time: '0000', end_time: '2359' }],
			}),
			'hours_customize.holiday_schedule[0].date',
		],
		[
			'hour 2400',
			hoursWith({
				holiday_schedule: [{ date: '2026-02-03', start_time: '0000', end_time: '2400' }],
			}),
			'hours_customize.holiday_schedule[0].end_time',
		],
	])('%s → 10016 naming the field', async (_name, body, field) => {
		expect(await codeOf('enable', body)).toEqual({ code: 10016, message: `${field} has error` });
		expect(standIn.state.calling.config(PHONE)).toBeUndefined();
	});

	it('accepts IPv6 hosts, five entries, DISABLED hours without weekly hours', async () => {
		const entries = [1, 2, 3, 4].map((i) => ({
			host: `10.0.0.${i}`,
			port: 5060,
			type: i === 4 ? 3 : 2,
		}));
		const body = enableBody({
			customer_sip_addr: [...entries, { host: '2001:db8::1', port: 5061, type: 1 }],
			hours_status: 1,
			hours_customize: { status: 'DISABLED', timezone_id: 'UTC' },
		});
		expect((await callOpen(standIn, 'enable', body)).json().code).toBe(0);
	});

	it('validation comes before the binding check', async () => {
		expect((await codeOf('enable', enableBody({ appkey: 'otherapp', icon_status: 5 }))).code).toBe(
			10015,
		);
	});
});
