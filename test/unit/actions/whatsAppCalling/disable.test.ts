// WhatsApp Calling → Disable on n8n-core's engine against the stand-in.
import { BUSINESS_PHONE, CALLING, ENABLED_CONFIG } from '../../../fixtures/action/callingSeed';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

describe('Disable', () => {
	it('disables calling and outputs data', async () => {
		n8n.standIn.state.calling.setConfig(BUSINESS_PHONE, ENABLED_CONFIG);
		const { items: output, error } = await n8n.run({ ...CALLING, operation: 'disable' });
		expect(error).toBeUndefined();
		expect(n8n.standIn.requestsTo('/calling/disable')[0].json()).toEqual({
			appkey: 'pem28kje',
			business_phone: BUSINESS_PHONE,
		});
		expect(output.map((item) => item.json)).toEqual([
			{ disabled: true, business_phone: BUSINESS_PHONE },
		]);
		expect(n8n.standIn.state.calling.config(BUSINESS_PHONE)?.status).toBe(0);
	});

	it('treats data.disabled false as a failure', async () => {
		// NXCloud never documents this answer; the stand-in gives it only as an injected fault.
		n8n.standIn.failNext({
			match: '/calling/disable',
			kind: 'status',
			status: 200,
			contentType: 'application/json',
			body: JSON.stringify({
				code: 0,
				message: 'Success',
				data: { disabled: false, business_phone: BUSINESS_PHONE },
				traceId: 'tr-1',
			}),
		});
		const run = await n8n.run({ ...CALLING, operation: 'disable' });
		expect(run.error?.message).toBe('NXCloud did not disable calling (data.disabled is false)');
	});
});
