// Callbot Call List → Add Numbers on n8n-core's engine against the stand-in: one addBatchCall for
// all items, the task's numbers kept, a result per item.
import type { IDataObject } from 'n8n-workflow';

import { seedBatch, seedTask } from '../../../fixtures/action/callbotSeed';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

describe('Add Numbers', () => {
	it("adds every item's number in one request, keeping the numbers already in the task", async () => {
		seedTask(n8n.standIn, 't');
		seedBatch(n8n.standIn, 't', [{ orderID: 'kept', userPhone: '8613300000009' }]);
		const { items: output, error } = await n8n.run(
			{
				resource: 'callbotCallList',
				operation: 'addNumbers',
				userTaskId: 't',
				phone: '={{ $json.phone }}',
				orderId: '={{ $json.id }}',
				orderCallbackUrl: 'https://n8n.example/order',
				callCallbackUrl: 'https://n8n.example/call',
				options: { tries: 2, timeout: 5 },
			},
			[
				{ phone: '+86 133 0000 0001', id: 'a' },
				{ phone: '8613300000002', id: 'kept' },
			],
		);
		expect(error).toBeUndefined();
		const requests = n8n.standIn.requestsTo('/addBatchCall');
		expect(requests).toHaveLength(1);
		expect(((requests[0].json() as IDataObject).callInfoList as IDataObject).callList).toEqual([
			expect.objectContaining({ orderID: 'a', userPhone: '8613300000001' }),
			expect.objectContaining({ orderID: 'kept', userPhone: '8613300000002' }),
		]);
		expect(
			output.map((item) => [item.json.status, item.json.rejectedBy, item.json.reason]),
		).toEqual([
			['imported', undefined, undefined],
			['rejected', 'nxcloud', 'duplicate orderID "kept"'],
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(n8n.standIn.state.callbot.order('a')?.userTaskID).toBe('t');
		expect(n8n.standIn.state.callbot.order('kept')?.userPhone).toBe('8613300000009');
	});
});
