// Callbot Call List → Get Number Details on n8n-core's engine against the stand-in: the IDs of all
// items are merged, split at NXCloud's 500-ID limit, and every answer is paired to its asker.
import type { IDataObject } from 'n8n-workflow';

import { seedBatch, seedTask } from '../../../fixtures/action/callbotSeed';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

const ids = (from: number, n: number) => Array.from({ length: n }, (_, k) => `o${from + k}`);

describe('Get Number Details', () => {
	it('merges all items, splits at 500 IDs and pairs every answer to its asker', async () => {
		seedTask(n8n.standIn, 't');
		seedBatch(
			n8n.standIn,
			't',
			ids(0, 1201).map((orderID, k) => ({
				orderID,
				userPhone: `86155${String(k).padStart(8, '0')}`,
			})),
		);
		n8n.standIn.state.callbot.dial('t');
		const asks = [ids(0, 700), ids(700, 501), ['o5', 'missing']];

		const { items: output, error } = await n8n.run(
			{
				resource: 'callbotCallList',
				operation: 'getNumberDetails',
				userTaskId: 't',
				orderIds: '={{ $json.ids }}',
				options: { tries: 2, timeout: 5 },
			},
			asks.map((list) => ({ ids: list.join(',') })),
		);
		expect(error).toBeUndefined();

		const requests = n8n.standIn.requestsTo('/listOrderDetail');
		expect(
			requests.map((r) => [r.retCode, ((r.json() as IDataObject).orderList as string[]).length]),
		).toEqual([
			[0, 500],
			[0, 500],
			[0, 202],
		]);
		expect(output).toHaveLength(700 + 501 + 2);
		const askedBy = (k: number) =>
			output
				.filter((item) => (item.pairedItem as { item: number }).item === k)
				.map((item) => item.json);
		expect(askedBy(0).map((answer) => answer.orderID)).toEqual(asks[0]);
		expect(askedBy(1).map((answer) => answer.orderID)).toEqual(asks[1]);

		const [o5, missing] = askedBy(2);
		const call = n8n.standIn.state.callbot.order('o5')!.calls[0];
		expect(o5).toMatchObject({ found: true, orderID: 'o5', userPhone: '8615500000005' });
		expect(o5.callInfoDetailList).toEqual([
			expect.objectContaining({
				callID: call.callID,
				callStartTs: call.callStartTs,
				callStartTsIso: new Date(call.callStartTs * 1000).toISOString(),
			}),
		]);
		expect(missing).toEqual({ orderID: 'missing', found: false, userTaskID: 't' });
	});
});
