// WhatsApp Calling → Enable with Keep Current Settings, on n8n-core's engine against the stand-in.
// The stand-in stores what enable sends and nothing else (every field is required, docs/vendor-api.md
// §3.1), so a setting the node leaves at a default shows up as reset in its state.
import type { CallingConfig } from '../../../support/standin';
import { BUSINESS_PHONE, CALLING } from '../../../fixtures/action/callingSeed';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

/** Settings a user made in the console: recording on, custom hours, two SIP addresses. */
const HELD: CallingConfig = {
	status: 1,
	region: 'SG',
	icon_status: 0,
	permission_status: 1,
	recording_status: 1,
	hours_status: 1,
	hours_customize: {
		status: 'ENABLED',
		timezone_id: 'Etc/GMT-8',
		weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1800' }],
		holiday_schedule: [{ date: '2026-01-01', start_time: '0000', end_time: '2359' }],
	},
	customer_sip_addr: [
		{ host: '10.1.1.1', port: 5060, type: 1 },
		{ host: '10.1.1.2', port: 5070, type: 3 },
	],
};

const held = (): CallingConfig | undefined => n8n.standIn.state.calling.config(BUSINESS_PHONE);

describe('Enable, Keep Current Settings', () => {
	it('new nodes (version 1.1): a Disable/Enable toggle keeps recording and business hours', async () => {
		n8n.standIn.state.calling.setConfig(BUSINESS_PHONE, structuredClone(HELD));
		const off = await n8n.run({ ...CALLING, operation: 'disable' }, undefined, {
			typeVersion: 1.1,
		});
		expect(off.error).toBeUndefined();
		expect(held()?.status).toBe(0);

		// Enable as a new node is added: nothing but the phone set.
		const on = await n8n.run({ ...CALLING, operation: 'enable' }, undefined, { typeVersion: 1.1 });
		expect(on.error).toBeUndefined();
		expect(on.node.parameters.keepCurrentSettings).toBe(true);
		expect(n8n.standIn.requests.map((r) => r.path)).toEqual([
			'/api/wa/calling/disable',
			'/api/wa/calling/get',
			'/api/wa/calling/enable',
		]);
		expect(held()).toEqual({ ...HELD, status: 1 });
		expect(on.items.map((item) => item.json)).toEqual([
			{ enabled: true, business_phone: BUSINESS_PHONE },
		]);
	});

	it('saved version 1 nodes still send every setting (the stand-in shows the reset they cause)', async () => {
		n8n.standIn.state.calling.setConfig(BUSINESS_PHONE, structuredClone(HELD));
		const run = await n8n.run({
			...CALLING,
			operation: 'enable',
			sipAddresses: { address: [{ host: '10.1.1.1', port: 5060, type: 1 }] },
		});
		expect(run.error).toBeUndefined();
		expect(run.node.parameters.keepCurrentSettings).toBe(false);
		expect(n8n.standIn.requestsTo('/calling/get')).toEqual([]);
		expect(held()).toMatchObject({ recording_status: 0, hours_status: 0, icon_status: 1 });
	});

	it('a version 1 node can switch it on, and then keeps what it does not set', async () => {
		n8n.standIn.state.calling.setConfig(BUSINESS_PHONE, { ...structuredClone(HELD), status: 0 });
		const run = await n8n.run({
			...CALLING,
			operation: 'enable',
			keepCurrentSettings: true,
			settingsToChange: { showCallIcon: true },
		});
		expect(run.error).toBeUndefined();
		expect(n8n.standIn.requestsTo('/calling/enable')[0].json()).toEqual({
			appkey: 'pem28kje',
			business_phone: BUSINESS_PHONE,
			region: 'SG',
			icon_status: 1,
			permission_status: 1,
			recording_status: 1,
			hours_status: 1,
			hours_customize: HELD.hours_customize,
			customer_sip_addr: HELD.customer_sip_addr,
		});
		expect(held()).toEqual({ ...HELD, status: 1, icon_status: 1 });
	});

	it('changes exactly what is set: recording off and no custom hours, SIP and the rest kept', async () => {
		n8n.standIn.state.calling.setConfig(BUSINESS_PHONE, structuredClone(HELD));
		const run = await n8n.run(
			{
				...CALLING,
				operation: 'enable',
				settingsToChange: { recording: false },
				businessHours: 'none',
			},
			undefined,
			{ typeVersion: 1.1 },
		);
		expect(run.error).toBeUndefined();
		const expected: Partial<CallingConfig> = { ...HELD, recording_status: 0, hours_status: 0 };
		delete expected.hours_customize;
		expect(held()).toEqual(expected);
	});

	it('a phone never enabled has nothing to keep: SIP addresses are asked for, the rest defaults', async () => {
		const bare = await n8n.run({ ...CALLING, operation: 'enable' }, undefined, {
			typeVersion: 1.1,
		});
		expect(bare.error?.message).toBe(
			'SIP Addresses: this business phone has no calling settings yet, so there are none to keep; add SIP Addresses under Settings to Change',
		);
		expect(n8n.standIn.requestsTo('/calling/enable')).toEqual([]);

		const first = await n8n.run(
			{
				...CALLING,
				operation: 'enable',
				settingsToChange: {
					sipAddresses: { address: [{ host: '10.9.9.9', port: 5060, type: 1 }] },
				},
			},
			undefined,
			{ typeVersion: 1.1 },
		);
		expect(first.error).toBeUndefined();
		expect(held()).toEqual({
			status: 1,
			region: 'SG',
			icon_status: 1,
			permission_status: 0,
			recording_status: 0,
			hours_status: 0,
			customer_sip_addr: [{ host: '10.9.9.9', port: 5060, type: 1 }],
		});
	});

	it('a refusal of the read stops before anything is written', async () => {
		const run = await n8n.run(
			{ ...CALLING, operation: 'enable', businessPhone: '8613300000001' },
			undefined,
			{ typeVersion: 1.1 },
		);
		expect(run.error?.message).toBe(
			'NXCloud refused the request (code 10003): WhatsApp business phone is not bind app',
		);
		expect(n8n.standIn.requestsTo('/calling/enable')).toEqual([]);
	});
});
