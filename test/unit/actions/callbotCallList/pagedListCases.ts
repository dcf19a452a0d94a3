// The cases Get Many Calls (listCall) and Get Many Numbers (listOrder) share: both read NXCloud's
// paged lists through the same runner, which looks for the rows under several keys.
import { seedTask } from '../../../fixtures/action/callbotSeed';
import type { useInProcessN8n } from '../../../support/inProcess';

interface PagedList {
	operation: 'getAllCalls' | 'getAllNumbers';
	endpoint: '/listCall' | '/listOrder';
	/** A row key the vendor page does not show, which the runner must still find. */
	undocumentedRowKey: string;
}

export function pagedListCases(n8n: ReturnType<typeof useInProcessN8n>, list: PagedList): void {
	const runAll = () =>
		n8n.run({
			resource: 'callbotCallList',
			operation: list.operation,
			userTaskId: 't',
			returnAll: true,
			options: { tries: 2, timeout: 5 },
		});
	const answerOnce = (body: object) =>
		n8n.standIn.failNext({
			match: list.endpoint,
			kind: 'status',
			status: 200,
			contentType: 'application/json',
			body: JSON.stringify(body),
		});

	it(`reads rows under ${list.undocumentedRowKey}, a key the vendor page does not show`, async () => {
		answerOnce({ retCode: 0, totalCount: 2, [list.undocumentedRowKey]: [{ n: 1 }, { n: 2 }] });
		const { items: output, error } = await runAll();
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.n)).toEqual([1, 2]);
	});

	it('fails, showing the keys received, when totalCount > 0 but no rows are found', async () => {
		answerOnce({ retCode: 0, totalCount: 2, mystery: [{}, {}] });
		const { error } = await runAll();
		expect(error?.message).toMatch(/totalCount.*Keys received: retCode, totalCount, mystery/);
	});

	it('always sends options, {} without filters', async () => {
		seedTask(n8n.standIn, 't');
		await runAll();
		expect(n8n.standIn.requestsTo(list.endpoint)[0].json()).toMatchObject({
			userTaskID: 't',
			options: {},
		});
	});
}
