// Callbot task endpoints (docs/vendor-api.md §6 rows 2, 4–7): validation codes naming the field, and the task model.
import type { StandIn } from '../../support/standin';
import { callCallbot, callInfoBody, createTaskBody, start } from './client';

let standIn: StandIn;
beforeAll(async () => {
	standIn = await start();
});
beforeEach(() => standIn.reset());
afterAll(() => standIn.close());

async function call(name: string, body: object): Promise<any> {
	return (await callCallbot(standIn, name, body)).json();
}

function refusal(json: any): { retCode: number; retMsg: string } {
	return { retCode: json.retCode, retMsg: json.retMsg };
}

describe('createTask', () => {
	it('creates a pending task with a taskID', async () => {
		const json = await call('createTask', createTaskBody('t1'));
		expect(json).toEqual({
			retCode: 0,
			retMsg: 'success',
			responseID: expect.stringMatching(/^[0-9a-f]{32}$/),
			taskID: expect.any(String),
			userTaskID: 't1',
			taskStatus: 1,
		});
		expect(standIn.state.callbot.task('t1')).toMatchObject({
			sceneID: 'scene-1',
			taskName: 'Task t1',
			taskStatus: 1,
		});
	});

	it.each([
		['productID', 'Missing parameter: productID'],
		['userTaskID', 'Missing parameter: userTaskID'],
		['sceneID', 'Missing parameter: sceneID'],
	])('without %s → 2', async (field, retMsg) => {
		const body = createTaskBody('t1');
		delete body[field];
		expect(refusal(await call('createTask', body))).toEqual({ retCode: 2, retMsg });
	});

	it.each([
		['userTaskID', 42, 'Parameter format error: userTaskID must be a string'],
		['taskCreateSetting', 'x', 'Parameter format error: taskCreateSetting must be an object'],
		['funcFlag', [], 'Parameter format error: funcFlag must be an object'],
	])('%s = %p → 3', async (field, value, retMsg) => {
		expect(refusal(await call('createTask', createTaskBody('t1', { [field]: value })))).toEqual({
			retCode: 3,
			retMsg,
		});
	});

	it('productID other than "callbot" → 4', async () => {
		expect(refusal(await call('createTask', createTaskBody('t1', { productID: 'robot' })))).toEqual(
			{
				retCode: 4,
				retMsg: 'Invalid parameter value: productID must be "callbot", got "robot"',
			},
		);
	});

	it('a userTaskID used before → 4', async () => {
		await call('createTask', createTaskBody('t1'));
		expect(refusal(await call('createTask', createTaskBody('t1')))).toEqual({
			retCode: 4,
			retMsg: 'Invalid parameter value: userTaskID "t1" already exists',
		});
	});

	it('a callback URL that is not http(s) → 4', async () => {
		expect(
			refusal(await call('createTask', createTaskBody('t1', { taskCallbackUrl: 'ftp://x' }))),
		).toEqual({
			retCode: 4,
			retMsg: 'Invalid parameter value: taskCallbackUrl "ftp://x" is not an http(s) URL',
		});
	});
});

describe('createAndCall', () => {
	it('creates the task and imports its orders in one go', async () => {
		const body = {
			...createTaskBody('t2'),
			callInfoList: (callInfoBody('t2', 3) as any).callInfoList,
		};
		const json = await call('createAndCall', body);
		expect(json).toMatchObject({
			retCode: 0,
			userTaskID: 't2',
			taskStatus: 1,
			totalCount: 3,
			successCount: 3,
			errList: [],
		});
		expect(standIn.state.callbot.task('t2')!.orders.size).toBe(3);
	});

	it('a bad row leaves no task behind', async () => {
		const body = {
			...createTaskBody('t3'),
			callInfoList: (callInfoBody('t3', 2) as any).callInfoList,
		};
		delete body.callInfoList.callList[1].customerName;
		expect(refusal(await call('createAndCall', body))).toEqual({
			retCode: 2,
			retMsg: 'Missing parameter: callInfoList.callList[1].customerName',
		});
		expect(standIn.state.callbot.task('t3')).toBeUndefined();
	});
});

describe('mgrTaskStatus and updateTask', () => {
	const op = (taskOperate: unknown, extra: object = {}): object => ({
		productID: 'callbot',
		userTaskID: 't1',
		taskOperate,
		...extra,
	});

	beforeEach(async () => {
		await call('createTask', createTaskBody('t1'));
		await call('addBatchCall', callInfoBody('t1', 4));
	});

	it('start → 2 (orders dialled), pause → 5, complete → 3, then everything is refused', async () => {
		expect(await call('mgrTaskStatus', op(1))).toMatchObject({
			retCode: 0,
			taskStatus: 2,
			taskID: expect.any(String),
		});
		expect(
			[...standIn.state.callbot.task('t1')!.orders.values()].every((o) => o.state === 'dialled'),
		).toBe(true);
		expect((await call('mgrTaskStatus', op(2))).taskStatus).toBe(5);
		expect((await call('mgrTaskStatus', op(3))).taskStatus).toBe(3);
		expect(refusal(await call('mgrTaskStatus', op(1)))).toEqual({
			retCode: 4,
			retMsg: 'Invalid parameter value: userTaskID "t1" is completed',
		});
		expect((await call('addBatchCall', callInfoBody('t1', 1, 'late'))).retCode).toBe(4);
	});

	it('complete with delCall 1 deletes the undialled orders', async () => {
		await call('mgrTaskStatus', op(3, { delCall: 1 }));
		expect(standIn.state.callbot.task('t1')!.orders.size).toBe(0);
	});

	it.each([
		[4, 4, 'Invalid parameter value: taskOperate must be 1, 2 or 3, got 4'],
		['1', 3, 'Parameter format error: taskOperate must be an integer'],
		[undefined, 2, 'Missing parameter: taskOperate'],
	])('taskOperate %p → %p', async (value, retCode, retMsg) => {
		expect(refusal(await call('mgrTaskStatus', op(value)))).toEqual({ retCode, retMsg });
	});

	it('delCall 2 → 4', async () => {
		expect(refusal(await call('mgrTaskStatus', op(1, { delCall: 2 })))).toEqual({
			retCode: 4,
			retMsg: 'Invalid parameter value: delCall must be 0 or 1, got 2',
		});
	});

	it('unknown userTaskID → 4 with a message', async () => {
		expect(refusal(await call('mgrTaskStatus', { ...op(1), userTaskID: 'nope' }))).toEqual({
			retCode: 4,
			retMsg: 'Invalid parameter value: userTaskID "nope" does not exist',
		});
	});

	it('updateTask merges taskCreateSetting/funcFlag while pending or paused, refuses while running', async () => {
		const update = {
			productID: 'callbot',
			userTaskID: 't1',
			taskCreateSetting: { maxRingTime: 30 },
			funcFlag: { smsEnable: 1 },
		};
		expect((await call('updateTask', update)).retCode).toBe(0);
		expect(standIn.state.callbot.task('t1')!.taskCreateSetting).toMatchObject({
			strategyName: 'default',
			maxRingTime: 30,
		});
		await call('mgrTaskStatus', op(1));
		expect(refusal(await call('updateTask', update))).toEqual({
			retCode: 4,
			retMsg:
				'Invalid parameter value: userTaskID "t1" can only be updated while not started or paused',
		});
		await call('mgrTaskStatus', op(2));
		expect((await call('updateTask', update)).retCode).toBe(0);
	});
});

describe('listTask', () => {
	beforeEach(async () => {
		for (const id of ['a', 'b', 'c'])
			await call('createTask', createTaskBody(id, { sceneID: id === 'c' ? 'scene-2' : 'scene-1' }));
		await call('addBatchCall', callInfoBody('a', 10));
		await call('mgrTaskStatus', { productID: 'callbot', userTaskID: 'a', taskOperate: 1 });
	});

	it('pages and reports stats', async () => {
		const first = await call('listTask', {
			productID: 'callbot',
			page: 1,
			size: 2,
			queryConditions: {},
		});
		expect(first).toMatchObject({ retCode: 0, totalCount: 3, page: 1, size: 2 });
		expect(first.taskData.map((t: any) => t.userTaskID)).toEqual(['a', 'b']);
		expect(first.taskData[0].taskStat).toMatchObject({
			totalOrderCount: 10,
			finishOrderCount: 10,
			finishRate: 1,
			totalCall: 10,
		});
		const second = await call('listTask', {
			productID: 'callbot',
			page: 2,
			size: 2,
			queryConditions: {},
		});
		expect(second.taskData.map((t: any) => t.userTaskID)).toEqual(['c']);
	});

	it('filters by queryConditions', async () => {
		const list = async (queryConditions: object): Promise<string[]> =>
			(
				await call('listTask', { productID: 'callbot', page: 1, size: 10, queryConditions })
			).taskData.map((t: any) => t.userTaskID);
		expect(await list({ taskStatus: [2] })).toEqual(['a']);
		expect(await list({ sceneID: 'scene-2' })).toEqual(['c']);
		expect(await list({ userTaskID: ['b', 'c'] })).toEqual(['b', 'c']);
		expect(await list({ taskName: ['Task b'] })).toEqual(['b']);
	});

	it.each([
		[{ page: 1, size: 10 }, 2, 'Missing parameter: queryConditions'],
		[
			{ page: 1, size: 10, queryConditions: [] },
			3,
			'Parameter format error: queryConditions must be an object',
		],
		[{ size: 10, queryConditions: {} }, 2, 'Missing parameter: page'],
		[
			{ page: 0, size: 10, queryConditions: {} },
			4,
			'Invalid parameter value: page must be 1 or more, got 0',
		],
		[
			{ page: 1, size: 1001, queryConditions: {} },
			4,
			'Invalid parameter value: size must be 1 to 1000, got 1001',
		],
		[
			{ page: 1, size: 10, queryConditions: { taskStatus: ['2'] } },
			3,
			'Parameter format error: queryConditions.taskStatus[0] must be a number',
		],
	])('%p → %p', async (paging, retCode, retMsg) => {
		expect(refusal(await call('listTask', { productID: 'callbot', ...paging }))).toEqual({
			retCode,
			retMsg,
		});
	});
});
