// Callbot Call List → Get Many Numbers on n8n-core's engine against the stand-in.
import type { IDataObject } from 'n8n-workflow';

import { seedBatch, seedTask } from '../../../fixtures/action/callbotSeed';
import { useInProcessN8n } from '../../../support/inProcess';
import { pagedListCases } from './pagedListCases';

const n8n = useInProcessN8n();

describe('Get Many Numbers', () => {
	it("pages through the task's numbers up to the limit, one item each with its last call", async () => {
		seedTask(n8n.standIn, 't');
		seedBatch(
			n8n.standIn,
			't',
			Array.from({ length: 5 }, (_, k) => ({ orderID: `o${k}`, userPhone: `861330000000${k}` })),
		);
		n8n.standIn.state.callbot.dial('t');

		const { items: output, error } = await n8n.run({
			resource: 'callbotCallList',
			operation: 'getAllNumbers',
			userTaskId: 't',
			returnAll: false,
			limit: 3,
			pageSize: 2,
			options: { tries: 2, timeout: 5 },
		});
		expect(error).toBeUndefined();
		expect(
			n8n.standIn
				.requestsTo('/listOrder')
				.map((r) => [(r.json() as IDataObject).page, (r.json() as IDataObject).size]),
		).toEqual([
			[1, 2],
			[2, 2],
		]);
		expect(output.map((item) => item.json.orderID)).toEqual(['o0', 'o1', 'o2']);
		const call = n8n.standIn.state.callbot.order('o0')!.calls[0];
		expect(output[0].json.callInfoDetail).toMatchObject({
			callID: call.callID,
			callStartTs: call.callStartTs,
			callStartTsIso: new Date(call.callStartTs * 1000).toISOString(),
		});
	});

	describe('Page Size', () => {
		const sizesAsked = () =>
			n8n.standIn.requestsTo('/listOrder').map((r) => (r.json() as IDataObject).size);
		beforeEach(() => {
			seedTask(n8n.standIn, 't');
			seedBatch(
				n8n.standIn,
				't',
				Array.from({ length: 5 }, (_, k) => ({ orderID: `o${k}`, userPhone: `861330000000${k}` })),
			);
		});
		const run = (parameters: IDataObject) =>
			n8n.run({
				resource: 'callbotCallList',
				operation: 'getAllNumbers',
				userTaskId: 't',
				returnAll: true,
				...parameters,
			});

		it('is read from Options', async () => {
			const { items, error } = await run({ options: { pageSize: 2, tries: 2 } });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(5);
			expect(sizesAsked()).toEqual([2, 2, 2]);
		});

		it('still honours a page size saved at the top level before it moved into Options', async () => {
			const { items, error } = await run({ pageSize: 3, options: { tries: 2 } });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(5);
			expect(sizesAsked()).toEqual([3, 3]);
		});

		it('prefers Options over a page size saved at the top level', async () => {
			await run({ pageSize: 3, options: { pageSize: 4 } });
			expect(sizesAsked()).toEqual([4, 4]);
		});

		it('is 100 when set nowhere', async () => {
			await run({});
			expect(sizesAsked()).toEqual([100]);
		});
	});

	pagedListCases(n8n, {
		operation: 'getAllNumbers',
		endpoint: '/listOrder',
		undocumentedRowKey: 'orderDataList',
	});
});
