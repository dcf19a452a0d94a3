// On Error "Continue (using error output)" on n8n-core's engine: n8n moves an item to the error
// output only when its JSON is `{ error }` or `{ error, message }` (n8n 1.x, and 2.x before it
// accepted `details`), so in that mode the node gives every failed item that shape, with the
// advice and trace/response ID in `message`, paired to its input. n8n then adds the input item's
// fields to what lands on the error output.
import { BUSINESS_PHONE, CALLING, ENABLED_CONFIG } from '../../../fixtures/action/callingSeed';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

describe('Continue (using error output)', () => {
	it('a refused item lands on the error output as { error, message } with the trace ID; the good one on the main output', async () => {
		n8n.standIn.state.calling.setConfig(BUSINESS_PHONE, ENABLED_CONFIG);
		const { outputs, error } = await n8n.run(
			{ ...CALLING, operation: 'getSettings', businessPhone: '={{ $json.phone }}' },
			[{ phone: BUSINESS_PHONE }, { phone: '8613300000001' }],
			{ onError: 'continueErrorOutput' },
		);
		expect(error).toBeUndefined();
		const refused = n8n.standIn.requestsTo('/calling/get')[1];
		const traceId = (JSON.parse(refused.responseBody!) as { traceId: string }).traceId;
		expect(outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(outputs[1]).toHaveLength(1);
		expect(outputs[1][0].pairedItem).toEqual({ item: 1 });
		expect(outputs[1][0].json).toEqual({
			phone: '8613300000001',
			error: 'NXCloud refused the request (code 10003): WhatsApp business phone is not bind app',
			message: expect.stringContaining(`Trace ID: ${traceId}`),
		});
	});

	it('a batch Callbot refusal and an empty Order IDs field put every item on the error output, paired', async () => {
		const { outputs } = await n8n.run(
			{
				resource: 'callbotCallList',
				operation: 'getNumberDetails',
				userTaskId: 'no-such-task',
				orderIds: '={{ $json.ids }}',
			},
			[{ ids: 'a' }, { ids: '' }, { ids: 'b' }],
			{ onError: 'continueErrorOutput' },
		);
		expect(outputs[0] ?? []).toHaveLength(0);
		expect(outputs[1].map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		// NXCloud's refusals carry the advice and response ID in `message`; a check of ours only `error`.
		expect(outputs[1].map((item) => Object.keys(item.json).sort().join(','))).toEqual([
			'error,ids,message',
			'error,ids',
			'error,ids,message',
		]);
		expect(outputs[1][1].json.error).toBe(
			'Order IDs is empty: give one order ID or a comma-separated list',
		);
		expect(String(outputs[1][0].json.error)).toMatch(
			/^Callbot refused the request \(retCode \d+\)/,
		);
		expect(String(outputs[1][0].json.message)).toMatch(/Response ID: \S+/);
	});
});
