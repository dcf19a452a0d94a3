// Callbot Call List → Stop Numbers on n8n-core's engine against the stand-in: one request for the
// order IDs of all items, a result per ID, refusals carrying NXCloud's message.
import { seedBatch, seedTask } from '../../../fixtures/action/callbotSeed';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

describe('Stop Numbers', () => {
	it("reports each order ID, refused ones with NXCloud's message, and deletes the stopped ones when asked", async () => {
		seedTask(n8n.standIn, 't');
		seedBatch(n8n.standIn, 't', [{ orderID: 'b', userPhone: '8613300000002' }]);
		n8n.standIn.state.callbot.dial('t');
		seedBatch(n8n.standIn, 't', [{ orderID: 'a', userPhone: '8613300000001' }]);

		const { items: output, error } = await n8n.run(
			{
				resource: 'callbotCallList',
				operation: 'stopNumbers',
				userTaskId: 't',
				orderIds: '={{ $json.id }}',
				deleteUndialled: true,
				options: { tries: 2, timeout: 5 },
			},
			[{ id: 'a' }, { id: 'b' }],
		);
		expect(error).toBeUndefined();

		const [request] = n8n.standIn.requestsTo('/stopOrder');
		expect(n8n.standIn.requestsTo('/stopOrder')).toHaveLength(1);
		expect(request.json()).toEqual({
			productID: 'callbot',
			userTaskID: 't',
			orderIDs: ['a', 'b'],
			delCall: 1,
		});
		const responseID = (JSON.parse(request.responseBody!) as { responseID: string }).responseID;
		expect(output.map((item) => item.json)).toEqual([
			{ orderID: 'a', stopped: true, userTaskID: 't', deleted: true, responseID },
			{
				orderID: 'b',
				stopped: false,
				errMsg: 'order already finished',
				userTaskID: 't',
				deleted: false,
				responseID,
			},
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(n8n.standIn.state.callbot.order('a')).toBeUndefined();
		expect(n8n.standIn.state.callbot.order('b')?.state).toBe('dialled');
	});
});
