// Callbot Task → Pause on n8n-core's engine against the stand-in.
import { changesTaskStatus } from '../../../fixtures/action/taskStatusCase';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

describe('Pause', () => {
	it('sends taskOperate 2 and the running task is paused', async () => {
		await changesTaskStatus(n8n, 'pause', { taskStatus: 5, deleteUndialled: false });
	});
});
