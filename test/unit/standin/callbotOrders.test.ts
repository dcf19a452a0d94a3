// Callbot orders and batches (docs/vendor-api.md §6 rows 3, 8–13): import validation and errList, batch semantics,
// export, stopOrder, the list endpoints and their limits.
import type { StandIn } from '../../support/standin';
import { callCallbot, callInfoBody, createTaskBody, start } from './client';

let standIn: StandIn;
beforeAll(async () => {
	standIn = await start({ maxImportRows: 1000 });
});
beforeEach(async () => {
	standIn.reset();
	await call('createTask', createTaskBody('t1'));
});
afterAll(() => standIn.close());

async function call(name: string, body: object): Promise<any> {
	return (await callCallbot(standIn, name, body)).json();
}
const refusal = (json: any): { retCode: number; retMsg: string } => ({
	retCode: json.retCode,
	retMsg: json.retMsg,
});
const start1 = (): Promise<any> =>
	call('mgrTaskStatus', { productID: 'callbot', userTaskID: 't1', taskOperate: 1 });

describe('importBatchCall validation', () => {
	it.each([
		['productID', (b: any) => delete b.productID, 'Missing parameter: productID'],
		['userTaskID', (b: any) => delete b.userTaskID, 'Missing parameter: userTaskID'],
		['callInfoList', (b: any) => delete b.callInfoList, 'Missing parameter: callInfoList'],
		[
			'orderCallbackUrl',
			(b: any) => delete b.callInfoList.orderCallbackUrl,
			'Missing parameter: callInfoList.orderCallbackUrl',
		],
		[
			'callCallbackUrl',
			(b: any) => delete b.callInfoList.callCallbackUrl,
			'Missing parameter: callInfoList.callCallbackUrl',
		],
		[
			'callList',
			(b: any) => delete b.callInfoList.callList,
			'Missing parameter: callInfoList.callList',
		],
		[
			'orderID',
			(b: any) => delete b.callInfoList.callList[2].orderID,
			'Missing parameter: callInfoList.callList[2].orderID',
		],
		[
			'userPhone',
			(b: any) => delete b.callInfoList.callList[0].userPhone,
			'Missing parameter: callInfoList.callList[0].userPhone',
		],
		[
			'other',
			(b: any) => delete b.callInfoList.callList[1].other,
			'Missing parameter: callInfoList.callList[1].other',
		],
		[
			'userName',
			(b: any) => (b.callInfoList.callList[1].userName = null),
			'Missing parameter: callInfoList.callList[1].userName',
		],
		[
			'customerName',
			(b: any) => delete b.callInfoList.callList[1].customerName,
			'Missing parameter: callInfoList.callList[1].customerName',
		],
		[
			'params',
			(b: any) => delete b.callInfoList.callList[1].params,
			'Missing parameter: callInfoList.callList[1].params',
		],
		[
			'params.name',
			(b: any) => delete b.callInfoList.callList[1].params[0].name,
			'Missing parameter: callInfoList.callList[1].params[0].name',
		],
	])('without %s → 2 naming it', async (_field, mutate, retMsg) => {
		const body = callInfoBody('t1', 3);
		mutate(body);
		expect(refusal(await call('importBatchCall', body))).toEqual({ retCode: 2, retMsg });
		expect(standIn.state.callbot.task('t1')!.orders.size).toBe(0);
	});

	it.each([
		[
			'userPhone as number',
			(b: any) => (b.callInfoList.callList[0].userPhone = 8613900000000),
			'Parameter format error: callInfoList.callList[0].userPhone must be a string',
		],
		[
			'params not an array',
			(b: any) => (b.callInfoList.callList[0].params = {}),
			'Parameter format error: callInfoList.callList[0].params must be an array',
		],
		[
			'params value a number',
			(b: any) => (b.callInfoList.callList[0].params[0].value = 5),
			'Parameter format error: callInfoList.callList[0].params[0].value must be a string',
		],
		[
			'callList an object',
			(b: any) => (b.callInfoList.callList = {}),
			'Parameter format error: callInfoList.callList must be an array',
		],
		[
			'a row that is a string',
			(b: any) => (b.callInfoList.callList[1] = 'x'),
			'Parameter format error: callInfoList.callList[1] must be an object',
		],
	])('%s → 3', async (_name, mutate, retMsg) => {
		const body = callInfoBody('t1', 3);
		mutate(body);
		expect(refusal(await call('importBatchCall', body))).toEqual({ retCode: 3, retMsg });
	});

	it('empty strings are fine where the vendor allows them (userName, customerName)', async () => {
		const body: any = callInfoBody('t1', 1);
		Object.assign(body.callInfoList.callList[0], { userName: '', customerName: '' });
		expect((await call('importBatchCall', body)).successCount).toBe(1);
	});

	it.each([
		[
			'orderCallbackUrl',
			(b: any) => (b.callInfoList.orderCallbackUrl = ''),
			'Missing parameter: callInfoList.orderCallbackUrl',
		],
		[
			'callCallbackUrl',
			(b: any) => (b.callInfoList.callCallbackUrl = ''),
			'Missing parameter: callInfoList.callCallbackUrl',
		],
		[
			'other',
			(b: any) => (b.callInfoList.callList[0].other = ''),
			'Missing parameter: callInfoList.callList[0].other',
		],
	])('empty %s → 2: required (是) with no "may be empty" note', async (_field, mutate, retMsg) => {
		for (const endpoint of ['importBatchCall', 'addBatchCall']) {
			const body = callInfoBody('t1', 1);
			mutate(body);
			expect(refusal(await call(endpoint, body))).toEqual({ retCode: 2, retMsg });
		}
		expect(standIn.state.callbot.task('t1')!.orders.size).toBe(0);
	});

	it('callList over maxImportRows → 4001; empty callList → 4', async () => {
		expect(refusal(await call('importBatchCall', callInfoBody('t1', 1001)))).toEqual({
			retCode: 4001,
			retMsg: 'Too many array elements: callInfoList.callList has 1001, at most 1000 allowed',
		});
		expect((await call('importBatchCall', callInfoBody('t1', 1000))).successCount).toBe(1000);
		expect(refusal(await call('importBatchCall', callInfoBody('t1', 0)))).toEqual({
			retCode: 4,
			retMsg: 'Invalid parameter value: callInfoList.callList must not be empty',
		});
	});

	it('unknown userTaskID → 4; productID "robot" → 4', async () => {
		expect(refusal(await call('importBatchCall', callInfoBody('nope', 1)))).toEqual({
			retCode: 4,
			retMsg: 'Invalid parameter value: userTaskID "nope" does not exist',
		});
		expect(
			(await call('importBatchCall', { ...callInfoBody('t1', 1), productID: 'robot' })).retCode,
		).toBe(4);
	});
});

describe('importBatchCall rows', () => {
	it('rejects bad phones and duplicate orderIDs row by row (errList), accepts the rest', async () => {
		const body: any = callInfoBody('t1', 6);
		const rows = body.callInfoList.callList;
		rows[1].userPhone = '+8613900000001';
		rows[2].userPhone = '12345';
		rows[3].userPhone = '123456789012345678901';
		rows[4].orderID = rows[0].orderID;
		rows[5].orderID = '';
		const json = await call('importBatchCall', body);
		expect(json).toEqual({
			retCode: 0,
			retMsg: 'success',
			responseID: expect.any(String),
			totalCount: 6,
			successCount: 1,
			batchID: expect.stringMatching(/-1$/),
			errList: [
				{
					phone: '+8613900000001',
					errMsg: 'invalid userPhone: 6 to 20 digits with country code, no "+"',
				},
				{ phone: '12345', errMsg: 'invalid userPhone: 6 to 20 digits with country code, no "+"' },
				{
					phone: '123456789012345678901',
					errMsg: 'invalid userPhone: 6 to 20 digits with country code, no "+"',
				},
				{ phone: rows[4].userPhone, errMsg: 'duplicate orderID "o-0"' },
				{ phone: rows[5].userPhone, errMsg: 'orderID is empty' },
			],
		});
	});

	it('orderIDs are globally unique: across imports and across tasks', async () => {
		await call('importBatchCall', callInfoBody('t1', 3));
		await call('createTask', createTaskBody('t2'));
		const again = await call('addBatchCall', callInfoBody('t2', 4));
		expect(again).toMatchObject({ totalCount: 4, successCount: 1 });
		expect(again.errList.map((e: any) => e.errMsg)).toEqual([
			'duplicate orderID "o-0"',
			'duplicate orderID "o-1"',
			'duplicate orderID "o-2"',
		]);
	});

	it('a new batch drops the undialled orders of the previous one, keeps dialled ones', async () => {
		await call('importBatchCall', callInfoBody('t1', 3, 'first'));
		await start1();
		await call('mgrTaskStatus', { productID: 'callbot', userTaskID: 't1', taskOperate: 2 });
		await call('importBatchCall', callInfoBody('t1', 2, 'second'));
		// Paused: "second" stays undialled and is dropped by the third batch.
		const third = await call('importBatchCall', callInfoBody('t1', 2, 'third'));
		expect(third.batchID).toMatch(/-3$/);
		const ids = [...standIn.state.callbot.task('t1')!.orders.keys()];
		expect(ids).toEqual(['first-0', 'first-1', 'first-2', 'third-0', 'third-1']);
		// Dropped ids stay used.
		expect((await call('importBatchCall', callInfoBody('t1', 1, 'second'))).errList).toEqual([
			{ phone: expect.any(String), errMsg: 'duplicate orderID "second-0"' },
		]);
	});

	it('a task that is running dials imported orders at once', async () => {
		await start1();
		await call('addBatchCall', callInfoBody('t1', 2));
		expect(standIn.state.callbot.order('o-1')!.calls).toHaveLength(1);
	});
});

describe('exportBatchCall', () => {
	it('exports the latest batch with call results', async () => {
		await call('importBatchCall', callInfoBody('t1', 2, 'old'));
		const imported = await call('importBatchCall', callInfoBody('t1', 3, 'new'));
		expect(
			(await call('exportBatchCall', { productID: 'callbot', userTaskID: 't1' })).callList.map(
				(c: any) => c.callStatus,
			),
		).toEqual([0, 0, 0]);
		await start1();
		const json = await call('exportBatchCall', { productID: 'callbot', userTaskID: 't1' });
		expect(json).toMatchObject({ retCode: 0, totalCount: 3, batchID: imported.batchID });
		expect(json.callList.map((c: any) => c.orderID)).toEqual(['new-0', 'new-1', 'new-2']);
		for (const row of json.callList) {
			expect(Object.keys(row).sort()).toEqual([
				'callID',
				'callStartTs',
				'callStatus',
				'intents',
				'orderID',
				'other',
				'userPhone',
			]);
			expect(row.callID).toBe(`call-${row.orderID}-1`);
			expect([1, 2, 3, 4]).toContain(row.callStatus);
		}
	});

	it('same orderID, same outcome (deterministic)', async () => {
		await call('importBatchCall', callInfoBody('t1', 20));
		await start1();
		const first = standIn.state.callbot.order('o-7')!.calls[0];
		standIn.reset();
		await call('createTask', createTaskBody('t1'));
		await call('importBatchCall', callInfoBody('t1', 20));
		await start1();
		const second = standIn.state.callbot.order('o-7')!.calls[0];
		expect({ ...second, callStartTs: 0, callAnswerTs: 0, callEndTs: 0 }).toEqual({
			...first,
			callStartTs: 0,
			callAnswerTs: 0,
			callEndTs: 0,
		});
	});

	it('no batch yet → empty export', async () => {
		expect(await call('exportBatchCall', { productID: 'callbot', userTaskID: 't1' })).toMatchObject(
			{ retCode: 0, totalCount: 0, batchID: '', callList: [] },
		);
	});

	it('while an import is processing, import and export answer 1001', async () => {
		await call('importBatchCall', callInfoBody('t1', 1));
		standIn.state.callbot.setImportBusy('t1', 60_000);
		const busy = {
			retCode: 1001,
			retMsg: 'Batch import in progress, import and export are unavailable',
		};
		expect(
			refusal(await call('exportBatchCall', { productID: 'callbot', userTaskID: 't1' })),
		).toEqual(busy);
		expect(refusal(await call('importBatchCall', callInfoBody('t1', 1, 'again')))).toEqual(busy);
		standIn.state.callbot.setImportBusy('t1', 0);
		expect(
			(await call('exportBatchCall', { productID: 'callbot', userTaskID: 't1' })).retCode,
		).toBe(0);
	});
});

describe('stopOrder', () => {
	it('stops undialled orders, reports the others in errList', async () => {
		await call('importBatchCall', callInfoBody('t1', 2, 'a'));
		await start1();
		await call('mgrTaskStatus', { productID: 'callbot', userTaskID: 't1', taskOperate: 2 });
		await call('addBatchCall', callInfoBody('t1', 2, 'b'));
		const json = await call('stopOrder', {
			productID: 'callbot',
			userTaskID: 't1',
			orderIDs: ['a-0', 'b-0', 'b-1', 'zzz'],
			delCall: 0,
		});
		expect(json).toMatchObject({
			retCode: 0,
			totalCount: 4,
			successCount: 2,
			errList: [
				{ orderID: 'a-0', errMsg: 'order already finished' },
				{ orderID: 'zzz', errMsg: 'order does not exist' },
			],
		});
		expect(standIn.state.callbot.order('b-0')!.state).toBe('stopped');
		const again = await call('stopOrder', {
			productID: 'callbot',
			userTaskID: 't1',
			orderIDs: ['b-0'],
		});
		expect(again.errList).toEqual([{ orderID: 'b-0', errMsg: 'order already stopped' }]);
	});

	it('delCall 1 removes the stopped order; bad input is refused', async () => {
		await call('addBatchCall', callInfoBody('t1', 1));
		await call('stopOrder', {
			productID: 'callbot',
			userTaskID: 't1',
			orderIDs: ['o-0'],
			delCall: 1,
		});
		expect(standIn.state.callbot.order('o-0')).toBeUndefined();
		expect(refusal(await call('stopOrder', { productID: 'callbot', userTaskID: 't1' }))).toEqual({
			retCode: 2,
			retMsg: 'Missing parameter: orderIDs',
		});
		expect(
			refusal(await call('stopOrder', { productID: 'callbot', userTaskID: 't1', orderIDs: [1] })),
		).toEqual({
			retCode: 3,
			retMsg: 'Parameter format error: orderIDs[0] must be a string',
		});
	});
});

describe('listOrderDetail, listOrder, listCall', () => {
	beforeEach(async () => {
		await call('importBatchCall', callInfoBody('t1', 50));
		await start1();
	});

	it('listOrderDetail returns every call of the given orders', async () => {
		const json = await call('listOrderDetail', {
			productID: 'callbot',
			userTaskID: 't1',
			orderList: ['o-3', 'o-9', 'missing'],
		});
		expect(json.retCode).toBe(0);
		expect(json.orderDetailList.map((o: any) => o.orderID)).toEqual(['o-3', 'o-9']);
		expect(json.orderDetailList[0]).toMatchObject({
			userTaskID: 't1',
			sceneID: 'scene-1',
			finish: true,
			other: 'row 3',
		});
		expect(json.orderDetailList[0].callInfoDetailList[0]).toMatchObject({
			callID: 'call-o-3-1',
			callingNumber: expect.any(String),
			lineAddress: expect.any(String),
		});
	});

	it('listOrderDetail with more than 500 orderIDs → 4001', async () => {
		const orderList = Array.from({ length: 501 }, (_, i) => `o-${i}`);
		expect(
			refusal(await call('listOrderDetail', { productID: 'callbot', userTaskID: 't1', orderList })),
		).toEqual({
			retCode: 4001,
			retMsg: 'Too many array elements: orderList has 501, at most 500 allowed',
		});
		expect(
			(
				await call('listOrderDetail', {
					productID: 'callbot',
					userTaskID: 't1',
					orderList: orderList.slice(0, 500),
				})
			).orderDetailList,
		).toHaveLength(50);
	});

	it('listCall pages and filters, rows carry callingNumber and lineAddress', async () => {
		const all = await call('listCall', {
			productID: 'callbot',
			userTaskID: 't1',
			page: 1,
			size: 20,
		});
		expect(all).toMatchObject({ retCode: 0, totalCount: 50, page: 1, size: 20 });
		expect(all.callList).toHaveLength(20);
		expect(all.callList[0]).toMatchObject({
			callingNumber: '85230000001',
			lineAddress: '203.0.113.20',
			orderID: 'o-0',
		});
		const page3 = await call('listCall', {
			productID: 'callbot',
			userTaskID: 't1',
			page: 3,
			size: 20,
		});
		expect(page3.callList).toHaveLength(10);

		const answered = await call('listCall', {
			productID: 'callbot',
			userTaskID: 't1',
			page: 1,
			size: 100,
			options: { callStatus: [1] },
		});
		expect(answered.totalCount).toBeGreaterThan(0);
		expect(answered.callList.every((c: any) => c.callStatus === 1 && c.callDuration > 0)).toBe(
			true,
		);

		const long = await call('listCall', {
			productID: 'callbot',
			userTaskID: 't1',
			page: 1,
			size: 100,
			options: { callDuration: { gt: 60, enable: true }, intentTag: ['A', 'B'] },
		});
		expect(
			long.callList.every(
				(c: any) => c.callDuration > 60 && ['A', 'B'].includes(c.intents[0].intentTag),
			),
		).toBe(true);
		// A disabled range filters nothing.
		const off = await call('listCall', {
			productID: 'callbot',
			userTaskID: 't1',
			page: 1,
			size: 100,
			options: { callDuration: { gt: 9999, enable: false } },
		});
		expect(off.totalCount).toBe(50);
	});

	it('listOrder shows the last call and filters on finish', async () => {
		await call('mgrTaskStatus', { productID: 'callbot', userTaskID: 't1', taskOperate: 2 });
		await call('addBatchCall', callInfoBody('t1', 5, 'later'));
		const open = await call('listOrder', {
			productID: 'callbot',
			userTaskID: 't1',
			page: 1,
			size: 100,
			options: { finish: false },
		});
		expect(open.orderList.map((o: any) => o.orderID)).toEqual([
			'later-0',
			'later-1',
			'later-2',
			'later-3',
			'later-4',
		]);
		expect(open.orderList[0].callInfoDetail).toBeNull();
		const done = await call('listOrder', {
			productID: 'callbot',
			userTaskID: 't1',
			page: 1,
			size: 10,
			options: { orderID: ['o-1'] },
		});
		expect(done.orderList).toEqual([
			expect.objectContaining({
				orderID: 'o-1',
				finish: true,
				callInfoDetail: expect.objectContaining({ callID: 'call-o-1-1' }),
			}),
		]);
	});

	it('callbackPayloads builds docs/vendor-api.md §7 bodies for an order', () => {
		const payloads = standIn.state.callbot.callbackPayloads('o-0');
		expect(payloads.task).toMatchObject({ callbackType: 1, userTaskID: 't1', taskStatus: 2 });
		expect(payloads.order).toMatchObject({
			callbackType: '2',
			orderID: 'o-0',
			finish: true,
			callInfoDetail: { callID: 'call-o-0-1' },
		});
		expect(payloads.order.callInfoDetail).not.toHaveProperty('callingNumber');
		expect(payloads.call).toMatchObject({
			callbackType: 3,
			callInfoDetail: { callingNumber: '85230000001', lineAddress: '203.0.113.20' },
		});
	});
});
