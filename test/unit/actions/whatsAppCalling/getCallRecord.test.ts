// WhatsApp Calling → Get Call Record on n8n-core's engine against the stand-in.
import { BUSINESS_PHONE, CALLING } from '../../../fixtures/action/callingSeed';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

describe('Get Call Record', () => {
	it('sends the trimmed call_id and adds ISO copies of the times', async () => {
		const record = n8n.standIn.state.calling.addCallRecord(BUSINESS_PHONE, {
			call_id: 'wacid.1',
			start_time: '1757915478',
			end_time: '1757915533',
		});
		const { items: output, error } = await n8n.run({
			...CALLING,
			operation: 'getCallRecord',
			callId: ' wacid.1 ',
		});
		expect(error).toBeUndefined();
		expect(n8n.standIn.requestsTo('/calling/query')[0].json()).toEqual({
			appkey: 'pem28kje',
			business_phone: BUSINESS_PHONE,
			call_id: 'wacid.1',
		});
		expect(output).toHaveLength(1);
		expect(output[0].json.calls).toEqual([
			{
				...record,
				start_time_iso: '2025-09-15T05:51:18.000Z',
				end_time_iso: '2025-09-15T05:52:13.000Z',
			},
		]);
	});
});
