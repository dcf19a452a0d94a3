// Callbot Call List operations of the NXCloud node inside a real n8n, against the strict
// stand-in: one import request per run whatever the number of items, a result per row,
// the lost-answer check, retCode 1001 waits, export to items, paging, 500-ID splits.
import { QUICK, useActionE2e } from '../support/e2e/actionContext';
import { getN8n } from '../support/e2e/n8nClient';
import type { ItemJson } from '../support/e2e/types';

jest.setTimeout(300_000);

const e2e = useActionE2e();

const MAPPING = {
	phone: '={{ $json.phone }}',
	orderId: '={{ $json.orderId ?? "" }}',
	userName: '={{ $json.name ?? "" }}',
	customerName: '',
	other: '={{ $json.other ?? "" }}',
	templateVariables: { variable: [{ name: 'amount', value: '={{ $json.amount ?? "0" }}' }] },
	orderCallbackUrl: 'https://n8n.example/webhook/order',
	callCallbackUrl: 'https://n8n.example/webhook/call',
};

const callList = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'callbotCallList',
	operation,
	userTaskId: 'task-1',
	options: QUICK,
	...extra,
});
const importParams = (extra: Record<string, unknown> = {}) =>
	callList('importBatch', { ...MAPPING, ...extra });

async function createTask(userTaskId = 'task-1'): Promise<void> {
	const run = await e2e.run({
		resource: 'callbotTask',
		operation: 'create',
		userTaskId,
		sceneId: 'scene-1',
		options: QUICK,
	});
	expect(run.error).toBeUndefined();
}

const phoneOf = (n: number) => `86155${String(n).padStart(8, '0')}`;
const people = (n: number, from = 0): ItemJson[] =>
	Array.from({ length: n }, (_, k) => ({
		phone: phoneOf(from + k),
		orderId: `ord-${from + k}`,
		name: `P${from + k}`,
		amount: String(k),
	}));

describe('Import as New Batch', () => {
	it('sends 10,000 items as ONE request and returns each row paired to its item, checked one by one', async () => {
		await createTask();
		// An earlier batch whose order IDs the big import partly reuses: NXCloud refuses those rows.
		const earlier = await e2e.run(importParams(), people(50, 90_000));
		expect(earlier.items.every((item) => item.status === 'imported')).toBe(true);

		const items: ItemJson[] = [];
		const expected: Array<{ status: string; by?: string; reason?: RegExp }> = [];
		for (let k = 0; k < 10_000; k++) {
			if (k % 500 === 7) {
				items.push({ phone: `+1 (${k % 100})`, orderId: `big-${k}` });
				expected.push({
					status: 'rejected',
					by: 'node',
					reason: /has \d+ digits; expected 6 to 20/,
				});
			} else if (k % 500 === 11) {
				items.push({ phone: `+${phoneOf(k - 1).replace(/^86/, '86 ')}`, orderId: `big-${k}` });
				expected.push({
					status: 'rejected',
					by: 'node',
					reason: new RegExp(`^duplicate phone ${phoneOf(k - 1)}: item ${k - 1} of this import`),
				});
			} else if (k % 500 === 13) {
				items.push({ phone: phoneOf(k), orderId: `ord-${90_000 + Math.floor(k / 500)}` });
				expected.push({ status: 'rejected', by: 'nxcloud', reason: /duplicate orderID/ });
			} else if (k % 500 === 17) {
				items.push({ phone: phoneOf(k) });
				expected.push({ status: 'imported' });
			} else {
				items.push({
					phone: phoneOf(k),
					orderId: `big-${k}`,
					name: `Name ${k}`,
					vars: { amount: String(k) },
				});
				expected.push({ status: 'imported' });
			}
		}
		e2e.standIn.clearRequests();
		// The harness waits 60 s for an execution by default; 10,000 items through n8n's webhook,
		// Split Out and execution storage can take longer on a busy machine.
		// Large lists: fields read straight from the items (no expression per item, see README).
		const fastMapping = importParams({
			inputMode: 'inputFields',
			inputFieldNames: { orderId: 'orderId', userName: 'name', params: 'vars' },
		});
		const runner = await getN8n().createActionRunner({
			credentialId: e2e.credentialId,
			parameters: fastMapping,
		});
		const started = Date.now();
		const run = await runner.run(items, 240_000).finally(() => runner.dispose());
		const seconds = (Date.now() - started) / 1000;
		const nodeMs = Object.entries(run.execution.data!.resultData.runData).map(
			([name, runs]) => `${name} ${runs[0].executionTime} ms`,
		);

		expect(run.error).toBeUndefined();
		const imports = e2e.standIn.requestsTo('/importBatchCall');
		expect(imports).toHaveLength(1);
		expect(imports[0].retCode).toBe(0);
		const sent = (
			imports[0].json() as { callInfoList: { callList: Array<Record<string, unknown>> } }
		).callInfoList.callList;
		expect(sent).toHaveLength(10_000 - 40);

		expect(run.outputs[0]).toHaveLength(items.length);
		const batch = e2e.standIn.state.callbot.task('task-1')!.latestBatch!;
		const inBatch = new Set(batch.orderIDs);
		for (let k = 0; k < items.length; k++) {
			const out = run.outputs[0][k];
			expect(out.pairedItem).toEqual({ item: k });
			const result = out.json;
			expect(result.status).toBe(expected[k].status);
			expect(result.rejectedBy).toBe(expected[k].by);
			if (expected[k].reason) expect(String(result.reason)).toMatch(expected[k].reason!);
			if (result.status === 'imported') {
				expect(inBatch.has(String(result.orderID))).toBe(true);
				expect(result.batchID).toBe(batch.batchID);
				const order = e2e.standIn.state.callbot.order(String(result.orderID))!;
				expect(order.userPhone).toBe(items[k].phone);
				const vars = items[k].vars as { amount: string } | undefined;
				expect(order.params).toEqual(vars ? [{ name: 'amount', value: vars.amount }] : []);
				expect(order.userName).toBe(items[k].name ?? '');
				if (items[k].orderId === undefined) {
					expect(result.orderIdGenerated).toBe(true);
					expect(result.orderID).toMatch(/^[0-9a-f-]{36}$/);
				} else {
					expect(result.orderID).toBe(items[k].orderId);
				}
			} else if (result.rejectedBy === 'nxcloud') {
				expect(inBatch.has(String(result.orderID))).toBe(false);
			}
		}
		expect(batch.orderIDs).toHaveLength(10_000 - 40 - 20);
		// The earlier batch's numbers were all undialled: the new batch removed them.
		expect(e2e.standIn.state.callbot.order('ord-90001')).toBeUndefined();
		process.stderr.write(
			`[actionCallList] 10,000-row import through n8n: ${seconds.toFixed(1)} s end to end (${nodeMs.join(', ')})\n`,
		);
	});

	it('gzips the body on request: NXCloud receives fewer bytes and accepts the signature of the uncompressed JSON', async () => {
		await createTask();
		const run = await e2e.run(importParams({ options: { ...QUICK, gzipBody: true } }), people(300));
		expect(run.error).toBeUndefined();
		expect(run.items.filter((item) => item.status === 'imported')).toHaveLength(300);
		const request = e2e.standIn.lastRequest('/importBatchCall')!;
		expect(request.contentEncoding).toBe('gzip');
		expect(request.retCode).toBe(0);
		expect(request.wireSize).toBeLessThan(request.bodySize / 3);
	});

	it('sends nothing when no row is valid', async () => {
		await createTask();
		const run = await e2e.run(importParams(), [{ phone: 'abc' }, { phone: '' }]);
		expect(run.items.map((item) => [item.status, item.rejectedBy])).toEqual([
			['rejected', 'node'],
			['rejected', 'node'],
		]);
		expect(e2e.standIn.requestsTo('/importBatchCall')).toHaveLength(0);
	});

	it('retCode 1001 fails with that exact reason, or is waited out when asked to', async () => {
		await createTask();
		e2e.standIn.state.callbot.setImportBusy('task-1', 60_000);
		const refused = await e2e.run(importParams(), people(2));
		expect(refused.error?.message).toBe(
			'Callbot refused the request (retCode 1001): Batch import in progress, import and export are unavailable',
		);
		expect(refused.error?.description).toMatch(/Wait If Import Running/);
		expect(e2e.standIn.requestsTo('/importBatchCall')).toHaveLength(1);

		e2e.standIn.clearRequests();
		e2e.standIn.state.callbot.setImportBusy('task-1', 2500);
		const waited = await e2e.run(
			importParams({ options: { ...QUICK, waitIfImportRunning: true, maxWaitSeconds: 30 } }),
			people(2),
		);
		expect(waited.error).toBeUndefined();
		expect(waited.items.map((item) => item.status)).toEqual(['imported', 'imported']);
		const tries = e2e.standIn.requestsTo('/importBatchCall').map((r) => r.retCode);
		expect(tries.length).toBeGreaterThan(1);
		expect(tries.slice(0, -1).every((code) => code === 1001)).toBe(true);
		expect(tries[tries.length - 1]).toBe(0);
	});

	it('a lost answer (timeout after NXCloud imported) is never replayed: Export Latest Batch confirms each row', async () => {
		await createTask();
		e2e.standIn.failNext({
			match: '/importBatchCall',
			kind: 'timeout',
			afterHandling: true,
			afterMs: 10_000,
		});
		const items = [...people(4), { phone: '12' }];
		const run = await e2e.run(importParams({ options: { tries: 3, timeout: 2 } }), items);
		expect(run.error).toBeUndefined();
		expect(e2e.standIn.requestsTo('/importBatchCall')).toHaveLength(1);
		expect(e2e.standIn.requestsTo('/exportBatchCall')).toHaveLength(1);
		const batch = e2e.standIn.state.callbot.task('task-1')!.latestBatch!;
		expect(run.items.map((item) => [item.status, item.confirmedBy ?? null])).toEqual([
			['imported', 'exportBatchCall'],
			['imported', 'exportBatchCall'],
			['imported', 'exportBatchCall'],
			['imported', 'exportBatchCall'],
			['rejected', null],
		]);
		expect(run.items[0]).toMatchObject({
			batchID: batch.batchID,
			warning: expect.stringMatching(/answer to the import was lost/),
		});
	});

	it('a timeout before NXCloud imported anything fails, saying none of the numbers was imported', async () => {
		await createTask();
		await e2e.run(importParams(), people(3, 500));
		e2e.standIn.clearRequests();
		e2e.standIn.failNext({ match: '/importBatchCall', kind: 'timeout', afterMs: 10_000 });
		const run = await e2e.run(importParams({ options: { tries: 3, timeout: 2 } }), people(2));
		expect(run.error?.message).toMatch(/^Could not reach Callbot \((ECONNABORTED|ETIMEDOUT)\)$/);
		expect(run.error?.description).toMatch(/Not retried/);
		expect(run.error?.description).toMatch(
			/latest batch \(\d+-1, 3 numbers\) holds none of these numbers, so none of them was imported/,
		);
		expect(e2e.standIn.requestsTo('/importBatchCall')).toHaveLength(1);
		// The previous batch is intact: nothing was replayed.
		expect(e2e.standIn.state.callbot.order('ord-500')).toBeDefined();
	});

	it('a definite refusal (unknown task) with continueOnFail gives every sent row the error, paired', async () => {
		const run = await e2e.run(
			importParams({ userTaskId: 'no-such-task' }),
			[...people(2), { phone: 'x' }],
			{ onError: 'continueRegularOutput' },
		);
		expect(run.execution.status).toBe('success');
		expect(run.outputs[0].map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(run.items[0]).toEqual({
			error:
				'Callbot refused the request (retCode 4): Invalid parameter value: userTaskID "no-such-task" does not exist',
			details: expect.objectContaining({ code: 4, ambiguous: false, traceId: expect.any(String) }),
		});
		expect(run.items[2]).toMatchObject({ status: 'rejected', rejectedBy: 'node' });
	});

	it('a wrong Callbot secret (retCode 6) stops the node before any row is imported', async () => {
		await createTask();
		const credentialId = await e2e.credentialWith({ callbotSecretKey: 'not-the-secret' });
		const run = await e2e.runWith(credentialId, importParams(), people(2));
		expect(run.error?.message).toBe('Callbot refused the request (retCode 6): Signature incorrect');
		expect(e2e.standIn.state.callbot.task('task-1')!.orders.size).toBe(0);
	});
});

describe('Export, add, stop and the read operations', () => {
	async function seedDialled(count: number): Promise<void> {
		await createTask();
		const imported = await e2e.run(importParams(), people(count));
		expect(imported.error).toBeUndefined();
		const started = await e2e.run({
			resource: 'callbotTask',
			operation: 'start',
			userTaskId: 'task-1',
			options: QUICK,
		});
		expect(started.error).toBeUndefined();
	}

	it('Export Latest Batch gives one item per number with batchID and totalCount, gzipped on the wire', async () => {
		await seedDialled(120);
		const run = await e2e.run(callList('exportBatch'));
		expect(run.error).toBeUndefined();
		const batch = e2e.standIn.state.callbot.task('task-1')!.latestBatch!;
		expect(run.items).toHaveLength(120);
		expect(run.items.map((item) => item.orderID)).toEqual(batch.orderIDs);
		for (const item of run.items) {
			expect(item).toMatchObject({
				userTaskID: 'task-1',
				batchID: batch.batchID,
				totalCount: 120,
				callStatus: expect.any(Number),
			});
			expect(item.callStartTsIso).toEqual(expect.stringMatching(/Z$/));
		}
		const request = e2e.standIn.lastRequest('/exportBatchCall')!;
		expect(request.headers['accept-encoding']).toMatch(/gzip/);
		expect(request.responseHeaders?.['content-encoding']).toBe('gzip');
	});

	it('Add Numbers to Task keeps the numbers already there and reports each row', async () => {
		await createTask();
		await e2e.run(importParams(), people(3));
		const run = await e2e.run(callList('addNumbers', MAPPING), [
			...people(2, 3),
			{ phone: phoneOf(0), orderId: 'again' },
		]);
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.status)).toEqual(['imported', 'imported', 'imported']);
		expect(e2e.standIn.state.callbot.task('task-1')!.orders.size).toBe(6);
		expect(e2e.standIn.requestsTo('/addBatchCall')).toHaveLength(1);
	});

	it('Stop Numbers stops undialled numbers and reports the ones it could not stop', async () => {
		await createTask();
		await e2e.run(importParams(), people(3));
		const run = await e2e.run(callList('stopNumbers', { orderIds: '={{ $json.id }}' }), [
			{ id: 'ord-0' },
			{ id: 'ord-1' },
			{ id: 'nope' },
		]);
		expect(run.error).toBeUndefined();
		expect(e2e.standIn.requestsTo('/stopOrder')).toHaveLength(1);
		expect(run.items.map((item) => [item.orderID, item.stopped, item.errMsg ?? null])).toEqual([
			['ord-0', true, null],
			['ord-1', true, null],
			['nope', false, 'order does not exist'],
		]);
		expect(e2e.standIn.state.callbot.order('ord-0')?.state).toBe('stopped');
	});

	it('Get Many Numbers pages across several pages and filters finished numbers', async () => {
		await seedDialled(25);
		const all = await e2e.run(callList('getAllNumbers', { returnAll: true, pageSize: 10 }));
		expect(all.items).toHaveLength(25);
		expect(all.items.map((item) => item.orderID)).toEqual(people(25).map((p) => p.orderId));
		expect(
			e2e.standIn.requestsTo('/listOrder').map((r) => (r.json() as { page: number }).page),
		).toEqual([1, 2, 3]);

		const unfinished = await e2e.run(
			callList('getAllNumbers', { returnAll: true, filters: { finished: 'unfinished' } }),
		);
		expect(unfinished.items).toHaveLength(0);
		const limited = await e2e.run(
			callList('getAllNumbers', { returnAll: false, limit: 7, pageSize: 5 }),
		);
		expect(limited.items).toHaveLength(7);
	});

	it('Get Number Details splits more than 500 order IDs into requests of at most 500 and merges them', async () => {
		await seedDialled(1100);
		const ids = people(1100).map((p) => p.orderId);
		const run = await e2e.run(callList('getNumberDetails', { orderIds: '={{ $json.ids }}' }), [
			{ ids: ids.slice(0, 600) },
			{ ids: [...ids.slice(600), 'missing'] },
		]);
		expect(run.error).toBeUndefined();
		expect(
			e2e.standIn
				.requestsTo('/listOrderDetail')
				.map((r) => (r.json() as { orderList: string[] }).orderList.length),
		).toEqual([500, 500, 101]);
		expect(run.items).toHaveLength(1101);
		expect(
			run.outputs[0]
				.slice(0, 600)
				.every((item) => (item.pairedItem as { item: number }).item === 0),
		).toBe(true);
		expect(run.items.slice(0, 1100).map((item) => item.orderID)).toEqual(ids);
		expect(run.items[0]).toMatchObject({
			found: true,
			callInfoDetailList: [
				expect.objectContaining({ callID: 'call-ord-0-1', callStartTsIso: expect.any(String) }),
			],
		});
		expect(run.items[1100]).toEqual({ orderID: 'missing', found: false, userTaskID: 'task-1' });
	});

	it('Get Many Calls pages through gzipped answers with filters', async () => {
		await seedDialled(30);
		const run = await e2e.run(
			callList('getAllCalls', { returnAll: true, pageSize: 8, filters: { callStatuses: '1' } }),
		);
		expect(run.error).toBeUndefined();
		const answered = [...e2e.standIn.state.callbot.task('task-1')!.orders.values()].filter(
			(order) => order.calls[0]?.callStatus === 1,
		).length;
		expect(answered).toBeGreaterThan(0);
		expect(run.items).toHaveLength(answered);
		expect(run.items.every((item) => item.callStatus === 1)).toBe(true);
		const requests = e2e.standIn.requestsTo('/listCall');
		expect(requests).toHaveLength(Math.ceil(answered / 8));
		expect(requests.every((r) => r.responseHeaders?.['content-encoding'] === 'gzip')).toBe(true);
		expect((requests[0].json() as { options: unknown }).options).toEqual({ callStatus: [1] });
	});
});

describe('Create and Call', () => {
	it('creates the task and its numbers in one request, one result per item', async () => {
		const run = await e2e.run(
			{
				resource: 'callbotTask',
				operation: 'createAndCall',
				userTaskId: '',
				sceneId: 'scene-9',
				taskSettings: { taskName: 'CAC', maxCall: 2 },
				functions: { phoneEncrypt: true },
				...MAPPING,
				options: QUICK,
			},
			[...people(3), { phone: '1' }],
		);
		expect(run.error).toBeUndefined();
		expect(e2e.standIn.requestsTo('/createAndCall')).toHaveLength(1);
		const userTaskID = String(run.items[0].userTaskID);
		expect(run.items.map((item) => [item.status, item.userTaskID])).toEqual([
			['imported', userTaskID],
			['imported', userTaskID],
			['imported', userTaskID],
			['rejected', userTaskID],
		]);
		expect(run.items[0]).toMatchObject({ taskID: expect.any(String), userTaskIdGenerated: true });
		const stored = e2e.standIn.state.callbot.task(userTaskID)!;
		expect(stored).toMatchObject({
			sceneID: 'scene-9',
			taskName: 'CAC',
			funcFlag: { phoneEncrypt: true },
		});
		expect(stored.orders.size).toBe(3);
	});
});
