// Callbot Task → Start on n8n-core's engine against the stand-in.
import { changesTaskStatus } from '../../../fixtures/action/taskStatusCase';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

describe('Start', () => {
	it('sends taskOperate 1 and the task runs: its numbers are dialled', async () => {
		await changesTaskStatus(n8n, 'start', { taskStatus: 2, deleteUndialled: false });
		expect(n8n.standIn.state.callbot.order('o1')?.state).toBe('dialled');
	});
});
