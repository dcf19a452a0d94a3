// Callbot Call List → Export Latest Batch on n8n-core's engine against the stand-in: one item per
// number with the batch's metadata, the answer asked for gzipped.
import { seedBatch, seedTask } from '../../../fixtures/action/callbotSeed';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

describe('Export Latest Batch', () => {
	it('outputs one item per number with the batch metadata, asking for gzip', async () => {
		const task = seedTask(n8n.standIn, 't');
		const batchID = seedBatch(n8n.standIn, 't', [
			{ orderID: 'o1', userPhone: '8613300000001' },
			{ orderID: 'o2', userPhone: '8613300000002' },
		]);
		// o2 is stopped before the task dials, so only o1 has a call.
		n8n.standIn.state.callbot.model.stop(task, ['o2'], 0);
		n8n.standIn.state.callbot.dial('t');
		const call = n8n.standIn.state.callbot.order('o1')!.calls[0];

		const { items: output, error } = await n8n.run({
			resource: 'callbotCallList',
			operation: 'exportBatch',
			userTaskId: 't',
			options: { tries: 2, timeout: 5 },
		});
		expect(error).toBeUndefined();

		const [request] = n8n.standIn.requestsTo('/exportBatchCall');
		expect(request.headers['accept-encoding']).toBe('gzip');
		expect(request.responseHeaders?.['content-encoding']).toBe('gzip');
		expect(output.map((item) => item.json)).toEqual([
			{
				userTaskID: 't',
				batchID,
				totalCount: 2,
				orderID: 'o1',
				userPhone: '8613300000001',
				other: '',
				callID: call.callID,
				callStatus: call.callStatus,
				callStartTs: call.callStartTs,
				callStartTsIso: new Date(call.callStartTs * 1000).toISOString(),
				intents: call.intents,
			},
			{
				userTaskID: 't',
				batchID,
				totalCount: 2,
				orderID: 'o2',
				userPhone: '8613300000002',
				other: '',
				callID: '',
				callStatus: 0,
				callStartTs: 0,
				callStartTsIso: null,
				intents: [],
			},
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});
});
