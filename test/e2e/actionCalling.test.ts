// WhatsApp Calling operations of the NXCloud node, run inside a real n8n against the strict
// stand-in (which checks the open-platform signature, headers and every body field).
import {
	APP_KEY,
	BUSINESS_PHONE,
	QUICK,
	setUpActionE2e,
	useActionE2e,
} from '../support/e2e/actionContext';

jest.setTimeout(120_000);

const e2e = useActionE2e();

const base = {
	resource: 'whatsAppCalling',
	appKey: APP_KEY,
	businessPhone: '+86 133 0000 0000',
	options: QUICK,
};

const ENABLE = {
	...base,
	operation: 'enable',
	region: 'SG',
	showCallIcon: true,
	callbackPermission: true,
	recording: true,
	sipAddresses: {
		address: [
			{ host: '34.56.78.90', port: 5060, type: 1 },
			{ host: '34.56.78.91', port: 5060, type: 3 },
		],
	},
	businessHours: 'custom',
	timezoneId: 'Etc/GMT-8',
	weeklyHours: {
		hours: [
			{ day: 'MONDAY', openTime: '09:00', closeTime: '18:00' },
			{ day: 'FRIDAY', openTime: '0900', closeTime: '1700' },
		],
	},
	holidays: { holiday: [{ date: '2026-01-01', startTime: '00:00', endTime: '23:59' }] },
};

describe('success paths', () => {
	it('Enable stores every setting; Get Settings reads them back; Disable turns calling off', async () => {
		const enabled = await e2e.run(ENABLE);
		expect(enabled.error).toBeUndefined();
		expect(enabled.items).toEqual([{ enabled: true, business_phone: BUSINESS_PHONE }]);
		const sent = e2e.standIn.lastRequest('/calling/enable')!;
		expect(sent.code).toBe(0);
		expect(sent.headers).toMatchObject({ biztype: '2', action: 'mt' });
		expect(e2e.standIn.state.calling.config(BUSINESS_PHONE)).toEqual({
			status: 1,
			region: 'SG',
			icon_status: 1,
			permission_status: 1,
			recording_status: 1,
			hours_status: 1,
			hours_customize: {
				status: 'ENABLED',
				timezone_id: 'Etc/GMT-8',
				weekly_operating_hours: [
					{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1800' },
					{ day_of_week: 'FRIDAY', open_time: '0900', close_time: '1700' },
				],
				holiday_schedule: [{ date: '2026-01-01', start_time: '0000', end_time: '2359' }],
			},
			customer_sip_addr: [
				{ host: '34.56.78.90', port: 5060, type: 1 },
				{ host: '34.56.78.91', port: 5060, type: 3 },
			],
		});

		const settings = await e2e.run({ ...base, operation: 'getSettings' });
		expect(settings.items).toHaveLength(1);
		expect(settings.items[0]).toMatchObject({
			status: 1,
			business_phone: BUSINESS_PHONE,
			region: 'SG',
			recording_status: 1,
		});
		expect(settings.items[0].nx_sip_addr).toEqual(expect.any(Array));

		const full = await e2e.run({
			...base,
			operation: 'getSettings',
			options: { ...QUICK, fullResponse: true },
		});
		expect(full.items[0]).toMatchObject({
			code: 0,
			message: 'Success',
			traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
			data: { status: 1 },
		});

		const disabled = await e2e.run({ ...base, operation: 'disable' });
		expect(disabled.items).toEqual([{ disabled: true, business_phone: BUSINESS_PHONE }]);
		expect(e2e.standIn.state.calling.config(BUSINESS_PHONE)?.status).toBe(0);
	});

	it('a new node (version 1.1) re-enables after Disable and keeps recording and business hours', async () => {
		expect((await e2e.run(ENABLE)).error).toBeUndefined();
		expect((await e2e.run({ ...base, operation: 'disable' })).error).toBeUndefined();
		const held = e2e.standIn.state.calling.config(BUSINESS_PHONE)!;
		expect(held.status).toBe(0);

		// As a new node is saved: nothing set but the phone (Keep Current Settings is on by default).
		const enabled = await e2e.run({ ...base, operation: 'enable' }, [{}], { typeVersion: 1.1 });
		expect(enabled.error).toBeUndefined();
		expect(e2e.standIn.state.calling.config(BUSINESS_PHONE)).toEqual({ ...held, status: 1 });

		// Update Settings changes the one setting given.
		const updated = await e2e.run(
			{ ...base, operation: 'updateSettings', settingsToChange: { recording: false } },
			[{}],
			{ typeVersion: 1.1 },
		);
		expect(updated.error).toBeUndefined();
		expect(e2e.standIn.state.calling.config(BUSINESS_PHONE)).toEqual({
			...held,
			status: 1,
			recording_status: 0,
		});
	});

	it('Get Call Record returns the record with ISO copies of its times', async () => {
		e2e.standIn.state.calling.addCallRecord(BUSINESS_PHONE, {
			call_id: 'wacid.ABC',
			start_time: '1757915478',
			end_time: '1757915533',
		});
		const run = await e2e.run(
			{ ...base, operation: 'getCallRecord', callId: '={{ $json.callId }}' },
			[{ callId: 'wacid.ABC' }],
		);
		expect(run.error).toBeUndefined();
		expect(run.items[0]).toMatchObject({
			business_phone: BUSINESS_PHONE,
			calls: [
				expect.objectContaining({
					call_id: 'wacid.ABC',
					start_time: '1757915478',
					start_time_iso: '2025-09-15T05:51:18.000Z',
					end_time_iso: '2025-09-15T05:52:13.000Z',
				}),
			],
		});
	});
});

describe('error paths', () => {
	it('a business code (10003, phone not bound) stops the node with code, vendor message, trace ID and advice', async () => {
		const run = await e2e.run({
			...base,
			operation: 'getSettings',
			businessPhone: '8613399999999',
		});
		expect(run.execution.status).toBe('error');
		expect(run.error?.message).toBe(
			'NXCloud refused the request (code 10003): WhatsApp business phone is not bind app',
		);
		expect(run.error?.description).toMatch(/not bound to the application/);
		const trace = e2e.standIn.lastRequest('/calling/get')!;
		expect(run.error?.description).toMatch(/Trace ID: [0-9a-f]{32}/);
		expect(trace.code).toBe(10003);
		expect(e2e.standIn.requestsTo('/calling/get')).toHaveLength(1);
	});

	it.each([
		[{ accessSecret: 'wrong-secret-0000' }, 1003, /Access Secret/],
		[{ accessKey: 'unknown-key' }, 1005, /Access Key/],
	])('an auth refusal (%j) names the credential field to fix', async (overrides, code, hint) => {
		const credentialId = await e2e.credentialWith(overrides);
		const run = await e2e.runWith(credentialId, { ...base, operation: 'getSettings' });
		expect(run.error?.message).toMatch(new RegExp(`\\(code ${code}\\)`));
		expect(run.error?.description).toMatch(hint);
		expect(e2e.standIn.requestsTo('/calling/get').map((r) => r.code)).toEqual([code]);
	});

	it('a clock more than 60 s off gives 1004 with the clock advice', async () => {
		const skewed = await setUpActionE2e({ now: () => Date.now() + 5 * 60_000 });
		try {
			const run = await skewed.run({ ...base, operation: 'getSettings' });
			expect(run.error?.message).toMatch(/\(code 1004\)/);
			expect(run.error?.description).toMatch(/clock/);
		} finally {
			await skewed.close();
		}
	});

	it('an invalid setting is refused by our own check before anything is sent', async () => {
		const ours = await e2e.run({
			...ENABLE,
			sipAddresses: { address: [{ host: 'sip.example.com', port: 5060, type: 1 }] },
		});
		expect(ours.error?.message).toBe(
			'SIP address 1: host "sip.example.com" is not an IP address (NXCloud takes IPs only, no domain names)',
		);
		expect(e2e.standIn.requestsTo('/calling/enable')).toHaveLength(0);
	});

	it.each([
		[1102, 'Insufficient balance', /Top up the account/],
		[10016, 'customer_sip_addr has error', /Check the field named in the message/],
		[-1, 'Failure', /general failure/],
	])(
		'business code %i from NXCloud is reported with its advice and not retried',
		async (code, message, hint) => {
			e2e.standIn.failNext({ match: '/calling/enable', kind: 'code', code, message });
			const run = await e2e.run(ENABLE);
			expect(run.error?.message).toBe(`NXCloud refused the request (code ${code}): ${message}`);
			expect(run.error?.description).toMatch(hint);
			expect(e2e.standIn.requestsTo('/calling/enable')).toHaveLength(1);
		},
	);

	it('HTTP 5xx is retried with a fresh signature; the second try succeeds', async () => {
		e2e.standIn.state.calling.setConfig(BUSINESS_PHONE, {
			status: 1,
			region: 'SG',
			icon_status: 1,
			permission_status: 0,
			recording_status: 0,
			hours_status: 0,
			customer_sip_addr: [{ host: '1.2.3.4', port: 5060, type: 1 }],
		});
		e2e.standIn.failNext({
			match: '/calling/get',
			kind: 'status',
			status: 502,
			body: 'Bad Gateway',
		});
		const run = await e2e.run({ ...base, operation: 'getSettings' });
		expect(run.error).toBeUndefined();
		expect(run.items[0]).toMatchObject({ status: 1 });
		const tries = e2e.standIn.requestsTo('/calling/get');
		expect(tries.map((r) => r.status)).toEqual([502, 200]);
		expect(tries[0].headers.ts).not.toBe(tries[1].headers.ts);
		expect(tries[0].headers.sign).not.toBe(tries[1].headers.sign);
	});

	it('a timeout on every try fails after the configured tries with a readable error', async () => {
		e2e.standIn.failNext({ match: '/calling/get', kind: 'timeout', afterMs: 5000, times: 2 });
		const run = await e2e.run({
			...base,
			operation: 'getSettings',
			options: { tries: 2, timeout: 1 },
		});
		expect(run.error?.message).toMatch(/^Could not reach NXCloud \((ECONNABORTED|ETIMEDOUT)\)$/);
		expect(e2e.standIn.requestsTo('/calling/get')).toHaveLength(2);
	});

	it('continueOnFail: one error item paired to the failing input, the others succeed', async () => {
		e2e.standIn.state.calling.setConfig(BUSINESS_PHONE, {
			status: 2,
			region: 'SG',
			icon_status: 1,
			permission_status: 0,
			recording_status: 0,
			hours_status: 0,
			customer_sip_addr: [{ host: '1.2.3.4', port: 5060, type: 1 }],
		});
		const run = await e2e.run(
			{ ...base, operation: 'getSettings', businessPhone: '={{ $json.phone }}' },
			[{ phone: BUSINESS_PHONE }, { phone: '8613311111111' }, { phone: BUSINESS_PHONE }],
			{ onError: 'continueRegularOutput' },
		);
		expect(run.execution.status).toBe('success');
		expect(run.outputs[0].map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(run.items[0]).toMatchObject({ status: 2 });
		expect(run.items[1]).toEqual({
			error: 'NXCloud refused the request (code 10003): WhatsApp business phone is not bind app',
			details: expect.objectContaining({
				code: 10003,
				traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
				endpoint: '/api/wa/calling/get',
			}),
		});
	});

	it('continueErrorOutput routes the failing item to the error output', async () => {
		const run = await e2e.run(
			{ ...base, operation: 'getSettings', businessPhone: '={{ $json.phone }}' },
			[{ phone: '8613311111111' }],
			{ onError: 'continueErrorOutput' },
		);
		expect(run.outputs[0]).toEqual([]);
		expect(run.outputs[1]).toHaveLength(1);
		expect(run.outputs[1][0].json.error).toMatch(/code 10003/);
		// n8n adds the input item's fields; `message` carries the advice and the trace ID.
		expect(run.outputs[1][0].json).toMatchObject({
			phone: '8613311111111',
			message: expect.stringMatching(/Trace ID: [0-9a-f]{32}/),
		});
	});
});
