// Callbot Task → Get Many on n8n-core's engine against the stand-in.
import type { IDataObject } from 'n8n-workflow';

import { seedTask } from '../../../fixtures/action/callbotSeed';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

describe('Get Many', () => {
	it('pages through all tasks that match the filters', async () => {
		for (let n = 0; n < 5; n++) {
			const task = seedTask(n8n.standIn, `t${n}`);
			n8n.standIn.state.callbot.model.operate(task, 1, 0);
		}
		seedTask(n8n.standIn, 'not-started');

		const { items: output, error } = await n8n.run({
			resource: 'callbotTask',
			operation: 'getAll',
			returnAll: true,
			pageSize: 2,
			filters: { taskStatuses: [2] },
			options: { tries: 2, timeout: 5 },
		});
		expect(error).toBeUndefined();
		expect(
			n8n.standIn.requestsTo('/listTask').map((r) => {
				const body = r.json() as IDataObject;
				return [body.page, body.size, body.queryConditions];
			}),
		).toEqual([
			[1, 2, { taskStatus: [2] }],
			[2, 2, { taskStatus: [2] }],
			[3, 2, { taskStatus: [2] }],
		]);
		expect(output.map((item) => item.json.userTaskID)).toEqual(['t0', 't1', 't2', 't3', 't4']);
		const createTs = n8n.standIn.state.callbot.task('t0')!.createTs;
		expect(output[0].json).toMatchObject({
			taskStatus: 2,
			createTs,
			createTsIso: new Date(createTs * 1000).toISOString(),
		});
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('sends queryConditions even without filters (the vendor marks it required)', async () => {
		const { error } = await n8n.run({
			resource: 'callbotTask',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			options: { tries: 2, timeout: 5 },
		});
		expect(error).toBeUndefined();
		expect(n8n.standIn.requestsTo('/listTask')[0].json()).toMatchObject({
			productID: 'callbot',
			page: 1,
			size: 5,
			queryConditions: {},
		});
	});
});
