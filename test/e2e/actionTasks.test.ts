// Callbot Task operations and Ping of the NXCloud node inside a real n8n, against the strict
// stand-in (Callbot signing, every body field checked, tasks kept in memory).
import { QUICK, useActionE2e } from '../support/e2e/actionContext';

jest.setTimeout(120_000);

const e2e = useActionE2e();

const task = (parameters: Record<string, unknown>) => ({
	resource: 'callbotTask',
	options: QUICK,
	...parameters,
});

async function createTask(userTaskId: string, taskName = userTaskId): Promise<void> {
	const run = await e2e.run(
		task({ operation: 'create', userTaskId, sceneId: 'scene-1', taskSettings: { taskName } }),
	);
	expect(run.error).toBeUndefined();
}

describe('success paths', () => {
	it('Create sends the settings and functions; an empty User Task ID gets a generated UUID returned on the item', async () => {
		const run = await e2e.run(
			task({
				operation: 'create',
				userTaskId: '',
				sceneId: 'scene-1',
				taskSettings: {
					taskName: 'Renewals',
					startupType: 1,
					maxRingTime: 25,
					dialAtWeekDay: '1,2,3,4,5',
					startupAt: '2026-03-01T08:00:00.000Z',
				},
				manualCallSettings: { agentGroup: 'G1', dispatchType: 1 },
				functions: { roundRedial: true, smsEnable: true },
				smsRules: { rule: [{ smsId: 'sms-1', intentIds: 'intent-A', intentNames: 'Interested' }] },
				additionalFields: {
					other: 'campaign-7',
					taskCallbackUrl: 'https://n8n.example/webhook/task',
				},
			}),
		);
		expect(run.error).toBeUndefined();
		const [item] = run.items;
		expect(item.userTaskIdGenerated).toBe(true);
		expect(item.userTaskID).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
		);
		expect(item).toMatchObject({
			taskID: expect.any(String),
			taskStatus: 1,
			responseID: expect.any(String),
		});
		expect(item).not.toHaveProperty('retCode');
		const body = e2e.standIn.lastRequest('/createTask')!.json();
		expect(body).toEqual({
			productID: 'callbot',
			userTaskID: item.userTaskID,
			sceneID: 'scene-1',
			taskCreateSetting: {
				taskName: 'Renewals',
				dialAtWeekDay: '1,2,3,4,5',
				startupType: 1,
				maxRingTime: 25,
				startupAt: 1772352000,
				manualCallSetting: { agentGroup: 'G1', dispatchType: 1 },
			},
			funcFlag: {
				roundRedial: true,
				smsEnable: true,
				smsFuncFlag: [{ smsId: 'sms-1', intentId: ['intent-A'], intentName: ['Interested'] }],
			},
			other: 'campaign-7',
			taskCallbackUrl: 'https://n8n.example/webhook/task',
		});
		expect(e2e.standIn.state.callbot.task(String(item.userTaskID))?.taskName).toBe('Renewals');
	});

	it('Update changes a not-started task; Start, Pause and Complete move it through its states', async () => {
		await createTask('t-life');
		const updated = await e2e.run(
			task({
				operation: 'update',
				userTaskId: 't-life',
				taskSettings: { maxCall: 2 },
				functions: { phoneEncrypt: true },
			}),
		);
		expect(updated.error).toBeUndefined();
		expect(e2e.standIn.state.callbot.task('t-life')).toMatchObject({
			taskCreateSetting: { taskName: 't-life', maxCall: 2 },
			funcFlag: { phoneEncrypt: true },
		});

		const statuses: unknown[] = [];
		for (const operation of ['start', 'pause', 'complete']) {
			const run = await e2e.run(task({ operation, userTaskId: '={{ $json.id }}' }), [
				{ id: 't-life' },
			]);
			expect(run.error).toBeUndefined();
			statuses.push(run.items[0].taskStatus);
		}
		expect(statuses).toEqual([2, 5, 3]);
		expect(
			e2e.standIn
				.requestsTo('/mgrTaskStatus')
				.map((r) => (r.json() as { taskOperate: number }).taskOperate),
		).toEqual([1, 2, 3]);
	});

	it('Complete with "delete undialled numbers" sends delCall 1 and NXCloud drops the pending numbers', async () => {
		await createTask('t-del');
		await e2e.run(
			{
				resource: 'callbotCallList',
				operation: 'addNumbers',
				userTaskId: 't-del',
				phone: '={{ $json.phone }}',
				orderCallbackUrl: 'https://n8n.example/webhook/order',
				callCallbackUrl: 'https://n8n.example/webhook/call',
				options: QUICK,
			},
			[{ phone: '8613300000001' }, { phone: '8613300000002' }],
		);
		expect(e2e.standIn.state.callbot.task('t-del')?.orders.size).toBe(2);
		const run = await e2e.run(
			task({ operation: 'complete', userTaskId: 't-del', deleteUndialled: true }),
		);
		expect(run.error).toBeUndefined();
		expect((e2e.standIn.lastRequest('/mgrTaskStatus')!.json() as { delCall: number }).delCall).toBe(
			1,
		);
		expect(e2e.standIn.state.callbot.task('t-del')?.orders.size).toBe(0);
	});

	it('Get Many pages through every task (Return All) or stops at the limit, with filters', async () => {
		for (let n = 0; n < 7; n++) await createTask(`t-list-${n}`, n % 2 === 0 ? 'even' : 'odd');
		const all = await e2e.run(task({ operation: 'getAll', returnAll: true, pageSize: 3 }));
		expect(all.items.map((t) => t.userTaskID)).toEqual(
			Array.from({ length: 7 }, (_, n) => `t-list-${n}`),
		);
		expect(all.items[0].createTsIso).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
		expect(
			e2e.standIn.requestsTo('/listTask').map((r) => (r.json() as { page: number }).page),
		).toEqual([1, 2, 3]);

		e2e.standIn.clearRequests();
		const limited = await e2e.run(
			task({ operation: 'getAll', returnAll: false, limit: 4, pageSize: 3 }),
		);
		expect(limited.items).toHaveLength(4);
		expect(e2e.standIn.requestsTo('/listTask')).toHaveLength(2);

		const filtered = await e2e.run(
			task({
				operation: 'getAll',
				returnAll: true,
				filters: { taskNames: 'odd', taskStatuses: [1] },
			}),
		);
		expect(filtered.items.map((t) => t.userTaskID)).toEqual(['t-list-1', 't-list-3', 't-list-5']);
		expect(
			(e2e.standIn.lastRequest('/listTask')!.json() as { queryConditions: unknown })
				.queryConditions,
		).toEqual({ taskStatus: [1], taskName: ['odd'] });
	});

	it('Ping answers per item, with an ISO copy of its timestamp', async () => {
		const run = await e2e.run({ resource: 'callbot', operation: 'ping' }, [{}, {}]);
		expect(run.items).toHaveLength(2);
		expect(run.items[0]).toMatchObject({
			code: 0,
			data: 'n8n',
			timestampIso: expect.stringMatching(/Z$/),
		});
	});
});

describe('error paths', () => {
	it.each([
		[{ callbotSecretKey: 'wrong' }, 6, /Callbot Secret Key/],
		[{ callbotUuid: 'nobody' }, 6002, /Callbot UUID/],
	])('Callbot auth refusal %j names the credential field', async (overrides, code, hint) => {
		const credentialId = await e2e.credentialWith(overrides);
		const run = await e2e.runWith(credentialId, task({ operation: 'getAll', returnAll: true }));
		expect(run.error?.message).toMatch(
			new RegExp(`^Callbot refused the request \\(retCode ${code}\\)`),
		);
		expect(run.error?.description).toMatch(hint);
		expect(run.error?.description).toMatch(/Response ID: \w+/);
	});

	it('6003 (no permission) carries its advice', async () => {
		e2e.standIn.failNext({ match: '/listTask', kind: 'retCode', retCode: 6003 });
		const run = await e2e.run(task({ operation: 'getAll', returnAll: true }));
		expect(run.error?.message).toBe('Callbot refused the request (retCode 6003): No permission');
		expect(run.error?.description).toMatch(/no permission for this operation/);
	});

	it('a business refusal (retCode 4: update of a running task) stops the node with the vendor message', async () => {
		await createTask('t-running');
		await e2e.run(task({ operation: 'start', userTaskId: 't-running' }));
		const run = await e2e.run(
			task({ operation: 'update', userTaskId: 't-running', taskSettings: { maxCall: 3 } }),
		);
		expect(run.error?.message).toBe(
			'Callbot refused the request (retCode 4): Invalid parameter value: userTaskID "t-running" can only be updated while not started or paused',
		);
		expect(e2e.standIn.requestsTo('/updateTask')).toHaveLength(1);
	});

	it('retCode 7 (busy) and 5 (maintenance) are retried with a fresh request ID and signature', async () => {
		await createTask('t-busy');
		e2e.standIn.failNext({ match: '/mgrTaskStatus', kind: 'retCode', retCode: 7 });
		e2e.standIn.failNext({ match: '/mgrTaskStatus', kind: 'retCode', retCode: 5 });
		const run = await e2e.run(
			task({ operation: 'pause', userTaskId: 't-busy', options: { tries: 3, timeout: 5 } }),
		);
		expect(run.error).toBeUndefined();
		const tries = e2e.standIn.requestsTo('/mgrTaskStatus');
		expect(tries.map((r) => r.retCode)).toEqual([7, 5, 0]);
		expect(new Set(tries.map((r) => r.headers.requestid)).size).toBe(3);
	});

	it('Create is not resent after a lost answer, and says the task may exist', async () => {
		e2e.standIn.failNext({ match: '/createTask', kind: 'reset', afterHandling: true });
		const run = await e2e.run(
			task({
				operation: 'create',
				userTaskId: 't-lost',
				sceneId: 'scene-1',
				options: { tries: 3, timeout: 5 },
			}),
		);
		expect(run.error?.message).toBe('Could not reach Callbot (ECONNRESET)');
		expect(run.error?.description).toMatch(
			/Not retried: NXCloud may already have received this request/,
		);
		expect(e2e.standIn.requestsTo('/createTask')).toHaveLength(1);
		expect(e2e.standIn.state.callbot.task('t-lost')).toBeDefined();
	});

	it('a gateway HTML page (HTTP 504) on every try, and continueOnFail pairs the error to its item', async () => {
		e2e.standIn.failNext({ match: '/listTask', kind: 'htmlPage', status: 504, times: 2 });
		const run = await e2e.run(task({ operation: 'getAll', returnAll: true }), [{}], {
			onError: 'continueRegularOutput',
		});
		expect(run.execution.status).toBe('success');
		expect(run.outputs[0]).toEqual([
			{
				json: {
					error: 'Callbot answered HTTP 504 with a body that is not JSON',
					details: expect.objectContaining({ httpStatus: 504, ambiguous: true }),
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(e2e.standIn.requestsTo('/listTask')).toHaveLength(2);
	});
});
