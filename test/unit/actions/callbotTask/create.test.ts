// Callbot Task → Create on n8n-core's engine against the stand-in.
import type { IDataObject } from 'n8n-workflow';

import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

const CREATE = {
	resource: 'callbotTask',
	operation: 'create',
	sceneId: 's1',
	taskSettings: { taskName: 'N' },
	functions: { roundRedial: true },
};

describe('Create', () => {
	it('creates the task with the given userTaskID and settings', async () => {
		const { items: output, error } = await n8n.run({
			...CREATE,
			userTaskId: 'mine',
			options: { tries: 2, timeout: 5 },
		});
		expect(error).toBeUndefined();
		expect(n8n.standIn.requestsTo('/createTask')[0].json()).toMatchObject({
			productID: 'callbot',
			userTaskID: 'mine',
			sceneID: 's1',
			taskCreateSetting: { taskName: 'N' },
			funcFlag: { roundRedial: true },
		});
		const task = n8n.standIn.state.callbot.task('mine');
		expect(task).toMatchObject({ sceneID: 's1', taskName: 'N', funcFlag: { roundRedial: true } });
		expect(output.map((item) => item.json)).toEqual([
			expect.objectContaining({ userTaskID: 'mine', taskID: task!.taskID }),
		]);
	});

	it('generates a userTaskID when empty and does not resend after a lost answer', async () => {
		n8n.standIn.failNext({ match: '/createTask', kind: 'reset', afterHandling: true });
		const run = await n8n.run({ ...CREATE, userTaskId: '', options: { tries: 3, timeout: 5 } });
		expect(run.error?.message).toBe('Could not reach Callbot (ECONNRESET)');
		const requests = n8n.standIn.requestsTo('/createTask');
		expect(requests).toHaveLength(1);
		const userTaskID = String((requests[0].json() as IDataObject).userTaskID);
		expect(userTaskID).toMatch(/^[0-9a-f-]{36}$/);
		// NXCloud did create it: a resend would have made a second task or been refused as a duplicate.
		expect(n8n.standIn.state.callbot.task(userTaskID)).toMatchObject({ sceneID: 's1' });
	});
});
