// Callbot Task → Complete on n8n-core's engine against the stand-in.
import { changesTaskStatus } from '../../../fixtures/action/taskStatusCase';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

describe('Complete', () => {
	it('sends taskOperate 3 with the delete choice: the task is completed and its undialled numbers are gone', async () => {
		await changesTaskStatus(n8n, 'complete', { taskStatus: 3, deleteUndialled: true });
		expect(n8n.standIn.state.callbot.order('o1')).toBeUndefined();
	});
});
