// Callbot Call List → Import as New Batch, on n8n-core's engine against the strict stand-in:
// one request for all items, one paired result per item, the check after a lost answer.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { NodeApiError } from 'n8n-workflow';

import { seedBatch, seedTask } from '../../../fixtures/action/callbotSeed';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

const FAST = { tries: 2, timeout: 2 };
const MAPPED = {
	resource: 'callbotCallList',
	operation: 'importBatch',
	userTaskId: 'task-1',
	phone: '={{ $json.phone }}',
	orderId: '={{ $json.orderId ?? "" }}',
	userName: '={{ $json.userName ?? "" }}',
	templateVariables: { variable: [{ name: 'amount', value: '={{ $json.amount ?? "0" }}' }] },
	orderCallbackUrl: 'https://n8n.example/order',
	callCallbackUrl: 'https://n8n.example/call',
	options: FAST,
};
const params = (extra: IDataObject = {}) => ({ ...MAPPED, ...extra });

const phones = (n: number, from = 1) =>
	Array.from({ length: n }, (_, i) => ({
		phone: `+86 133 0000 ${String(from + i).padStart(4, '0')}`,
	}));
const json = (output: INodeExecutionData[]) => output.map((item) => item.json);
const pairs = (output: INodeExecutionData[]) => output.map((item) => item.pairedItem);
const sentRows = (k = 0) =>
	(
		(n8n.standIn.requestsTo('/importBatchCall')[k].json() as IDataObject)
			.callInfoList as IDataObject
	).callList as IDataObject[];

beforeEach(() => {
	seedTask(n8n.standIn, 'task-1');
});

describe('Import as New Batch', () => {
	it('never splits itself on 4001 (a second import would drop the first part): one request, and the safe way in the error', async () => {
		n8n.standIn.failNext({ match: '/importBatchCall', kind: 'retCode', retCode: 4001 });
		const { error } = await n8n.run(params(), phones(5));
		expect(n8n.standIn.requestsTo('/importBatchCall')).toHaveLength(1);
		expect((error as NodeApiError).description).toContain(
			'Import the first part with Import as New Batch, then send the rest with Add Numbers to Task',
		);
	});

	it.each([
		['orderCallbackUrl', 'Order Callback URL'],
		['callCallbackUrl', 'Call Callback URL'],
	])(
		'refuses an empty %s before sending anything, saying where to get one',
		async (name, label) => {
			// Left empty, n8n itself refuses to run the node (the field is required).
			const empty = await n8n.run(params({ [name]: '' }), [{ phone: '8613300000001' }]).then(
				() => undefined,
				(e: Error) => e,
			);
			expect(empty?.message).toContain(`Parameter "${label}" is required`);
			// Mapped to an expression that comes out empty, the node refuses it.
			const { error } = await n8n.run(params({ [name]: '={{ $json.url ?? "" }}' }), [
				{ phone: '8613300000001' },
			]);
			expect(n8n.standIn.requests).toHaveLength(0);
			expect(error?.message).toContain(`${label} is required`);
			expect(error?.message).toContain('Production URL of an NXCloud Trigger set to Callbot');
		},
	);

	it('sends all items in one request and returns one paired result per item', async () => {
		seedBatch(n8n.standIn, 'task-1', [{ orderID: 'used-before', userPhone: '8613399999999' }]);
		const items: IDataObject[] = [
			{ phone: '+86 133 0000 0001', orderId: 'o-1', userName: 'Li', amount: '12' },
			{ phone: '12' },
			{ phone: '8613300000009', orderId: 'used-before' },
			{ phone: '(86) 133-0000-0001' },
			{ phone: '8613300000004' },
			{ phone: '8613300000005', orderId: 'o-1' },
		];
		const { items: output, error } = await n8n.run(params(), items);
		expect(error).toBeUndefined();

		const imports = n8n.standIn.requestsTo('/importBatchCall');
		expect(imports).toHaveLength(1);
		expect(imports[0].retCode).toBe(0);
		const sent = sentRows();
		expect(sent.map((row) => row.userPhone)).toEqual([
			'8613300000001',
			'8613300000009',
			'8613300000004',
		]);
		// `other` left empty carries the order ID: the vendor requires it and never says it may be empty.
		expect(sent[0]).toEqual({
			orderID: 'o-1',
			userPhone: '8613300000001',
			other: 'o-1',
			userName: 'Li',
			customerName: '',
			params: [{ name: 'amount', value: '12' }],
		});
		expect(imports[0].json()).toMatchObject({
			productID: 'callbot',
			userTaskID: 'task-1',
			callInfoList: {
				orderCallbackUrl: 'https://n8n.example/order',
				callCallbackUrl: 'https://n8n.example/call',
			},
		});

		expect(output).toHaveLength(items.length);
		expect(pairs(output)).toEqual(items.map((_, item) => ({ item })));
		const results = json(output);
		expect(results.map((r) => r.status)).toEqual([
			'imported',
			'rejected',
			'rejected',
			'rejected',
			'imported',
			'rejected',
		]);
		expect(results.map((r) => r.rejectedBy)).toEqual([
			undefined,
			'node',
			'nxcloud',
			'node',
			undefined,
			'node',
		]);
		expect(results[1].reason).toBe(
			'phone "12" has 2 digits; expected 6 to 20 (country code and number)',
		);
		expect(results[2].reason).toBe('duplicate orderID "used-before"');
		expect(results[3].reason).toBe(
			'duplicate phone 8613300000001: item 0 of this import already has it',
		);
		expect(results[5].reason).toBe(
			'duplicate order ID "o-1": item 0 of this import already uses it',
		);
		const batchID = n8n.standIn.state.callbot.task('task-1')!.latestBatch!.batchID;
		expect(results[4]).toMatchObject({
			imported: true,
			orderIdGenerated: true,
			batchID,
			userTaskID: 'task-1',
		});
		expect(results[4].orderID).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
		);
		expect(results[4].orderID).toBe(sent[2].orderID);
		expect(n8n.standIn.state.callbot.order(String(results[4].orderID))?.userPhone).toBe(
			'8613300000004',
		);
	});

	it('reads named input fields directly in "Auto-Map Input Data to Fields" mode, without reading the mapping parameters', async () => {
		const items: IDataObject[] = [
			{
				contact: { tel: '+86 133 0000 0001' },
				orderID: 'a',
				userName: 'Li',
				params: { amount: 12, due: 'May' },
			},
			{ contact: { tel: '8613300000002' }, params: [{ name: 'amount', value: '3' }] },
		];
		const reads = n8n.countParameterReads();
		const { items: output } = await n8n.run(
			{
				resource: 'callbotCallList',
				operation: 'importBatch',
				userTaskId: 'task-1',
				inputMode: 'inputFields',
				inputFieldNames: { phone: 'contact.tel' },
				orderCallbackUrl: MAPPED.orderCallbackUrl,
				callCallbackUrl: MAPPED.callCallbackUrl,
				options: FAST,
			},
			items,
		);
		const counts = reads.stop();
		const sent = sentRows();
		expect(sent[0]).toEqual({
			orderID: 'a',
			userPhone: '8613300000001',
			other: 'a',
			userName: 'Li',
			customerName: '',
			params: [
				{ name: 'amount', value: '12' },
				{ name: 'due', value: 'May' },
			],
		});
		expect(sent[1]).toMatchObject({
			userPhone: '8613300000002',
			params: [{ name: 'amount', value: '3' }],
		});
		expect(json(output).map((r) => r.status)).toEqual(['imported', 'imported']);
		expect(counts.get('phone')).toBeUndefined();
		expect(counts.get('inputFieldNames')).toBe(1);
	});

	it('evaluates the parameters that hold expressions once per item; the others are read once', async () => {
		const items = phones(50);
		const reads = n8n.countParameterReads();
		const { items: output } = await n8n.run(params({ orderId: '', userName: 'static' }), items);
		const counts = reads.stop();
		expect(output).toHaveLength(50);
		expect(counts.get('phone')).toBe(50);
		expect(counts.get('userName')).toBe(1);
		expect(counts.get('userTaskId')).toBe(1);
	});

	it('sends nothing when no row is valid (an empty import would still drop the previous batch)', async () => {
		const { items: output } = await n8n.run(params(), [{ phone: 'x' }, { phone: '' }]);
		expect(n8n.standIn.requestsTo('/importBatchCall')).toHaveLength(0);
		expect(json(output).map((r) => r.status)).toEqual(['rejected', 'rejected']);
	});

	it('sends one import per task when items map to different tasks', async () => {
		seedTask(n8n.standIn, 'task-2');
		const items = [...phones(2), ...phones(1, 50)].map((item, i) => ({
			...item,
			task: i < 2 ? 'task-1' : 'task-2',
		}));
		const { items: output } = await n8n.run(params({ userTaskId: '={{ $json.task }}' }), items);
		expect(
			n8n.standIn
				.requestsTo('/importBatchCall')
				.map((r) => [
					(r.json() as IDataObject).userTaskID,
					sentRows(n8n.standIn.requestsTo('/importBatchCall').indexOf(r)).length,
				]),
		).toEqual([
			['task-1', 2],
			['task-2', 1],
		]);
		expect(json(output).map((r) => [r.userTaskID, r.status])).toEqual([
			['task-1', 'imported'],
			['task-1', 'imported'],
			['task-2', 'imported'],
		]);
	});

	it('sends a gzip body when the option is on, and a plain one otherwise', async () => {
		await n8n.run(params({ options: { ...FAST, gzipBody: true } }), phones(1));
		await n8n.run(params(), phones(1, 2));
		const [zipped, plain] = n8n.standIn.requestsTo('/importBatchCall');
		expect(zipped.contentEncoding).toBe('gzip');
		expect(zipped.wireSize).toBeLessThan(zipped.bodySize + 20);
		expect(zipped.retCode).toBe(0);
		expect(plain.contentEncoding).toBeUndefined();
		expect(plain.retCode).toBe(0);
	});

	it('never resends after a lost answer; Export Latest Batch tells which rows landed', async () => {
		seedBatch(n8n.standIn, 'task-1', [{ orderID: 'used-before', userPhone: '8613399999999' }]);
		// The import goes through, then the connection drops before the answer.
		n8n.standIn.failNext({ match: '/importBatchCall', kind: 'reset', afterHandling: true });
		const items = [
			{ phone: '8613300000001', orderId: 'a' },
			{ phone: '8613300000002', orderId: 'used-before' },
			{ phone: '8613300000003', orderId: 'c' },
		];
		const { items: output, error } = await n8n.run(params(), items);
		expect(error).toBeUndefined();
		expect(n8n.standIn.requests.map((r) => r.path.split('/').pop())).toEqual([
			'importBatchCall',
			'exportBatchCall',
		]);
		expect(n8n.standIn.requestsTo('/exportBatchCall')[0].headers['accept-encoding']).toBe('gzip');
		const batchID = n8n.standIn.state.callbot.task('task-1')!.latestBatch!.batchID;
		expect(json(output).map((r) => [r.status, r.confirmedBy, r.batchID])).toEqual([
			['imported', 'exportBatchCall', batchID],
			['rejected', 'exportBatchCall', batchID],
			['imported', 'exportBatchCall', batchID],
		]);
		expect(json(output)[0].warning).toMatch(/answer to the import was lost/);
	});

	it('fails with what the check found when none of the numbers landed; On Error "continue" pairs the error to every sent row', async () => {
		const olderBatch = seedBatch(n8n.standIn, 'task-1', [
			{ orderID: 'someone-else', userPhone: '8613399999999' },
		]);
		const items = [...phones(2), { phone: 'bad' }];
		n8n.standIn.failNext({ match: '/importBatchCall', kind: 'htmlPage', status: 502 });
		const stop = await n8n.run(params(), items);
		// The engine records the node's error as data (its class name in `name`), not as the instance.
		const error = stop.error as NodeApiError;
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe('Callbot answered HTTP 502 with a body that is not JSON');
		expect(error.description).toContain(
			`latest batch (${olderBatch}, 1 numbers) holds none of these numbers, so none of them was imported`,
		);
		expect(n8n.standIn.requestsTo('/importBatchCall')).toHaveLength(1);
		expect(stop.items).toEqual([]);

		n8n.standIn.clearRequests();
		n8n.standIn.failNext({ match: '/importBatchCall', kind: 'htmlPage', status: 502 });
		const cont = await n8n.run(params(), items, { onError: 'continueRegularOutput' });
		expect(cont.error).toBeUndefined();
		expect(pairs(cont.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(Object.keys(cont.items[0].json).sort()).toEqual(['details', 'error']);
		expect(cont.items[0].json.details).toMatchObject({
			httpStatus: 502,
			ambiguous: true,
			endpoint: '/callcentre/api/v3/importBatchCall',
		});
		expect(cont.items[2].json).toMatchObject({ status: 'rejected', rejectedBy: 'node' });
	});

	it('does not check with an export when the option is off', async () => {
		n8n.standIn.failNext({ match: '/importBatchCall', kind: 'reset' });
		const run = await n8n.run(
			params({ options: { ...FAST, checkAfterUnclearFailure: false } }),
			phones(1),
		);
		expect(run.error?.message).toBe('Could not reach Callbot (ECONNRESET)');
		expect(n8n.standIn.requests.map((r) => r.path.split('/').pop())).toEqual(['importBatchCall']);
	});

	it('turns a definite refusal into one error per sent row with On Error "continue"', async () => {
		const { items: output } = await n8n.run(params({ userTaskId: 'no-such-task' }), phones(2), {
			onError: 'continueRegularOutput',
		});
		const responseID = n8n.standIn
			.requestsTo('/importBatchCall')[0]
			.responseBody!.match(/"responseID":"([^"]+)"/)![1];
		expect(json(output)).toEqual(
			[0, 1].map(() => ({
				error:
					'Callbot refused the request (retCode 4): Invalid parameter value: userTaskID "no-such-task" does not exist',
				details: expect.objectContaining({ code: 4, traceId: responseID, ambiguous: false }),
			})),
		);
	});
});
