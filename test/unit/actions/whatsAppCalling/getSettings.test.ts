// WhatsApp Calling → Get Settings on n8n-core's engine against the stand-in.
import { BUSINESS_PHONE, CALLING, ENABLED_CONFIG } from '../../../fixtures/action/callingSeed';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

describe('Get Settings', () => {
	it('On Error "continue" gives an error item paired to the failing input only', async () => {
		n8n.standIn.state.calling.setConfig(BUSINESS_PHONE, ENABLED_CONFIG);
		const { items: output, error } = await n8n.run(
			{ ...CALLING, operation: 'getSettings', businessPhone: '={{ $json.phone }}' },
			[{ phone: BUSINESS_PHONE }, { phone: '8613300000001' }],
			{ onError: 'continueRegularOutput' },
		);
		expect(error).toBeUndefined();
		const refused = n8n.standIn.requestsTo('/calling/get')[1];
		expect(refused.code).toBe(10003);
		const traceId = (JSON.parse(refused.responseBody!) as { traceId: string }).traceId;

		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[0].json).toMatchObject({
			business_phone: BUSINESS_PHONE,
			status: 1,
			region: 'SG',
		});
		expect(output[1].json).toEqual({
			error: 'NXCloud refused the request (code 10003): WhatsApp business phone is not bind app',
			details: expect.objectContaining({
				code: 10003,
				traceId,
				vendorMessage: 'WhatsApp business phone is not bind app',
			}),
		});
	});

	it('without "continue" the first refusal stops the node with NXCloud\'s code and advice', async () => {
		const run = await n8n.run({ ...CALLING, operation: 'getSettings' });
		expect(run.error?.message).toBe(
			'NXCloud refused the request (code 10013): Calling setting not exist',
		);
		expect(run.error?.context?.nxcloud).toMatchObject({ code: 10013, ambiguous: false });
	});
});
