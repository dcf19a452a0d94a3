// Callbot Task → Update on n8n-core's engine against the stand-in.
import { seedTask } from '../../../fixtures/action/callbotSeed';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

describe('Update', () => {
	it('sends only the settings given and NXCloud applies them', async () => {
		seedTask(n8n.standIn, 't');
		const { items: output, error } = await n8n.run({
			resource: 'callbotTask',
			operation: 'update',
			userTaskId: 't',
			taskSettings: { maxRingTime: 45 },
			functions: { smsEnable: true },
			options: { tries: 2, timeout: 5 },
		});
		expect(error).toBeUndefined();
		expect(n8n.standIn.requestsTo('/updateTask')[0].json()).toEqual({
			productID: 'callbot',
			userTaskID: 't',
			taskCreateSetting: { maxRingTime: 45 },
			funcFlag: { smsEnable: true },
		});
		expect(n8n.standIn.state.callbot.task('t')).toMatchObject({
			taskCreateSetting: { maxRingTime: 45 },
			funcFlag: { smsEnable: true },
		});
		expect(output.map((item) => item.json.userTaskID)).toEqual(['t']);
	});

	it('refuses to send an update without any change, naming what to add', async () => {
		seedTask(n8n.standIn, 't');
		const run = await n8n.run({ resource: 'callbotTask', operation: 'update', userTaskId: 't' });
		expect(run.error?.message).toBe(
			'Nothing to update: add at least one Task Settings, Manual Call Settings, Functions or SMS Rules entry',
		);
		expect(n8n.standIn.requests).toHaveLength(0);
	});
});
