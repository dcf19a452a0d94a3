// Callbot Call List → Get Many Calls on n8n-core's engine against the stand-in.
import { seedBatch, seedTask } from '../../../fixtures/action/callbotSeed';
import { useInProcessN8n } from '../../../support/inProcess';
import { pagedListCases } from './pagedListCases';

const n8n = useInProcessN8n();

describe('Get Many Calls', () => {
	it('returns every call of the task with the number it belongs to', async () => {
		const task = seedTask(n8n.standIn, 't');
		seedBatch(n8n.standIn, 't', [
			{ orderID: 'o1', userPhone: '8613300000001' },
			{ orderID: 'o2', userPhone: '8613300000002' },
		]);
		n8n.standIn.state.callbot.dial('t');

		const { items: output, error } = await n8n.run({
			resource: 'callbotCallList',
			operation: 'getAllCalls',
			userTaskId: 't',
			returnAll: true,
			options: { tries: 2, timeout: 5 },
		});
		expect(error).toBeUndefined();
		expect(n8n.standIn.requestsTo('/listCall')).toHaveLength(1);
		expect(
			output.map((item) => [item.json.orderID, item.json.userPhone, item.json.taskID]),
		).toEqual([
			['o1', '8613300000001', task.taskID],
			['o2', '8613300000002', task.taskID],
		]);
		const call = n8n.standIn.state.callbot.order('o2')!.calls[0];
		expect(output[1].json).toMatchObject({
			callID: call.callID,
			callStartTsIso: new Date(call.callStartTs * 1000).toISOString(),
		});
	});

	pagedListCases(n8n, {
		operation: 'getAllCalls',
		endpoint: '/listCall',
		undocumentedRowKey: 'list',
	});
});
