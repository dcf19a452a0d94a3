// Callbot Task → Create and Call on n8n-core's engine against the stand-in: one request creates the
// task and imports every item's number.
import type { IDataObject } from 'n8n-workflow';

import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

describe('Create and Call', () => {
	it('creates one task with a generated userTaskID for all items and imports their numbers', async () => {
		const { items: output, error } = await n8n.run(
			{
				resource: 'callbotTask',
				operation: 'createAndCall',
				userTaskId: '',
				sceneId: 'scene-9',
				taskSettings: { taskName: 'Reminders' },
				phone: '={{ $json.phone }}',
				orderCallbackUrl: 'https://n8n.example/order',
				callCallbackUrl: 'https://n8n.example/call',
				options: { tries: 2, timeout: 5 },
			},
			[{ phone: '8613300000001' }, { phone: '8613300000002' }, { phone: 'nope' }],
		);
		expect(error).toBeUndefined();
		const requests = n8n.standIn.requestsTo('/createAndCall');
		expect(requests).toHaveLength(1);
		const body = requests[0].json() as IDataObject;
		expect(body).toMatchObject({
			productID: 'callbot',
			sceneID: 'scene-9',
			taskCreateSetting: { taskName: 'Reminders' },
		});
		const userTaskID = String(body.userTaskID);
		expect(userTaskID).toMatch(/^[0-9a-f-]{36}$/);

		const task = n8n.standIn.state.callbot.task(userTaskID)!;
		expect(task.orders.size).toBe(2);
		expect(output.map((item) => [item.json.status, item.json.userTaskID])).toEqual([
			['imported', userTaskID],
			['imported', userTaskID],
			['rejected', userTaskID],
		]);
		expect(output[0].json).toMatchObject({ taskID: task.taskID, userTaskIdGenerated: true });
	});
});
