// Callbot Call List → Get Many Numbers on n8n-core's engine against the stand-in.
import type { IDataObject } from 'n8n-workflow';

import { seedBatch, seedTask } from '../../../fixtures/action/callbotSeed';
import { useInProcessN8n } from '../../../support/inProcess';

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

	it('reads rows under orderDataList, a key the vendor page does not show', async () => {
		n8n.standIn.failNext({
			match: '/listOrder',
			kind: 'status',
			status: 200,
			contentType: 'application/json',
			body: JSON.stringify({ retCode: 0, totalCount: 2, orderDataList: [{ n: 1 }, { n: 2 }] }),
		});
		const { items: output, error } = await n8n.run({
			resource: 'callbotCallList',
			operation: 'getAllNumbers',
			userTaskId: 't',
			returnAll: true,
			options: { tries: 2, timeout: 5 },
		});
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.n)).toEqual([1, 2]);
	});

	it('fails, showing the keys received, when totalCount > 0 but no rows are found', async () => {
		n8n.standIn.failNext({
			match: '/listOrder',
			kind: 'status',
			status: 200,
			contentType: 'application/json',
			body: JSON.stringify({ retCode: 0, totalCount: 2, mystery: [{}, {}] }),
		});
		const { error } = await n8n.run({
			resource: 'callbotCallList',
			operation: 'getAllNumbers',
			userTaskId: 't',
			returnAll: true,
			options: { tries: 2, timeout: 5 },
		});
		expect(error?.message).toMatch(/totalCount.*Keys received: retCode, totalCount, mystery/);
	});

	it('always sends options, {} without filters', async () => {
		seedTask(n8n.standIn, 't');
		await n8n.run({
			resource: 'callbotCallList',
			operation: 'getAllNumbers',
			userTaskId: 't',
			returnAll: true,
			options: { tries: 2, timeout: 5 },
		});
		expect(n8n.standIn.requestsTo('/listOrder')[0].json()).toMatchObject({
			userTaskID: 't',
			options: {},
		});
	});
});
