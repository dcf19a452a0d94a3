import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { NxCloud } from '../../../nodes/NxCloud/NxCloud.node';
import { mockExecute, networkError, type HttpAnswer, type MockOptions, type SentRequest } from './mockExecute';

const node = new NxCloud();

async function run(options: MockOptions) {
	const mock = mockExecute(options);
	const output = await node.execute.call(mock.ctx);
	return { ...mock, output: output[0] };
}

const FAST = { tries: 2, timeout: 1 };
const phones = (n: number, from = 1) => Array.from({ length: n }, (_, i) => ({ phone: `+86 133 0000 ${String(from + i).padStart(4, '0')}` }));

/** Answers importBatchCall like NXCloud: rows with a phone ending in 9 go to errList. */
function importServer(request: SentRequest): HttpAnswer {
	const list = ((request.json.callInfoList as IDataObject).callList as IDataObject[]) ?? [];
	const errList = list.filter((row) => String(row.userPhone).endsWith('9')).map((row) => ({ phone: row.userPhone, errMsg: 'blacklisted' }));
	return { body: { retCode: 0, retMsg: 'success', responseID: 'resp-1', batchID: 'b-1', totalCount: list.length, successCount: list.length - errList.length, errList } };
}

const IMPORT_PARAMS = {
	resource: 'callbotCallList',
	operation: 'importBatch',
	userTaskId: 'task-1',
	orderCallbackUrl: 'https://n8n.example/order',
	callCallbackUrl: '',
};

function paramsFromItems(items: IDataObject[], extra: IDataObject = {}) {
	return {
		...IMPORT_PARAMS,
		phone: (i: number) => items[i].phone,
		orderId: (i: number) => items[i].orderId ?? '',
		userName: (i: number) => items[i].userName ?? '',
		templateVariables: (i: number) => (items[i].vars ? { variable: items[i].vars } : {}),
		options: FAST,
		...extra,
	};
}

const json = (output: INodeExecutionData[]) => output.map((item) => item.json);
const pairs = (output: INodeExecutionData[]) => output.map((item) => item.pairedItem);

describe('Import as New Batch', () => {
	it('sends all items in one request and returns one paired result per item', async () => {
		const items: IDataObject[] = [
			{ phone: '+86 133 0000 0001', orderId: 'o-1', userName: 'Li', vars: [{ name: 'amount', value: '12' }] },
			{ phone: '12' },
			{ phone: '8613300000009' },
			{ phone: '(86) 133-0000-0001' },
			{ phone: '8613300000004' },
			{ phone: '8613300000005', orderId: 'o-1' },
		];
		const { output, requests } = await run({ items, params: paramsFromItems(items), http: importServer });

		expect(requests).toHaveLength(1);
		expect(requests[0].url).toBe('https://bot.test/callcentre/api/v3/importBatchCall');
		const sent = (requests[0].json.callInfoList as IDataObject).callList as IDataObject[];
		expect(sent.map((row) => row.userPhone)).toEqual(['8613300000001', '8613300000009', '8613300000004']);
		expect(sent[0]).toEqual({ orderID: 'o-1', userPhone: '8613300000001', other: '', userName: 'Li', customerName: '', params: [{ name: 'amount', value: '12' }] });
		expect(requests[0].json).toMatchObject({ productID: 'callbot', userTaskID: 'task-1', callInfoList: { orderCallbackUrl: 'https://n8n.example/order', callCallbackUrl: '' } });

		expect(output).toHaveLength(items.length);
		expect(pairs(output)).toEqual(items.map((_, item) => ({ item })));
		const results = json(output);
		expect(results.map((r) => r.status)).toEqual(['imported', 'rejected', 'rejected', 'rejected', 'imported', 'rejected']);
		expect(results.map((r) => r.rejectedBy)).toEqual([undefined, 'node', 'nxcloud', 'node', undefined, 'node']);
		expect(results[1].reason).toBe('phone "12" has 2 digits; expected 6 to 20 (country code and number)');
		expect(results[2].reason).toBe('blacklisted');
		expect(results[3].reason).toBe('duplicate phone 8613300000001: item 0 of this import already has it');
		expect(results[5].reason).toBe('duplicate order ID "o-1": item 0 of this import already uses it');
		expect(results[4]).toMatchObject({ imported: true, orderIdGenerated: true, batchID: 'b-1', responseID: 'resp-1', userTaskID: 'task-1' });
		expect(results[4].orderID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(results[4].orderID).toBe(sent[2].orderID);
	});

	it('reads named input fields directly in "Read Named Input Fields" mode', async () => {
		const items: IDataObject[] = [
			{ contact: { tel: '+86 133 0000 0001' }, orderID: 'a', userName: 'Li', params: { amount: 12, due: 'May' } },
			{ contact: { tel: '8613300000002' }, params: [{ name: 'amount', value: '3' }] },
		];
		const { output, requests, parameterReads } = await run({
			items,
			params: { ...IMPORT_PARAMS, inputMode: 'inputFields', inputFieldNames: { phone: 'contact.tel' }, options: FAST },
			http: importServer,
		});
		const sent = (requests[0].json.callInfoList as IDataObject).callList as IDataObject[];
		expect(sent[0]).toEqual({ orderID: 'a', userPhone: '8613300000001', other: '', userName: 'Li', customerName: '', params: [{ name: 'amount', value: '12' }, { name: 'due', value: 'May' }] });
		expect(sent[1]).toMatchObject({ userPhone: '8613300000002', params: [{ name: 'amount', value: '3' }] });
		expect(json(output).map((r) => r.status)).toEqual(['imported', 'imported']);
		expect(parameterReads.get('phone')).toBeUndefined();
	});

	it('evaluates only the parameters that hold expressions once per item; the others are read once', async () => {
		const items = phones(50);
		const { parameterReads } = await run({
			items,
			params: { ...IMPORT_PARAMS, phone: (i: number) => items[i].phone, orderId: '', userName: 'static', options: FAST },
			http: importServer,
		});
		expect(parameterReads.get('phone')).toBe(50);
		expect(parameterReads.get('userName')).toBe(1);
		expect(parameterReads.get('userTaskId')).toBe(1);
	});

	it('sends nothing when no row is valid (an empty import would still drop the previous batch)', async () => {
		const items = [{ phone: 'x' }, { phone: '' }];
		const { output, requests } = await run({ items, params: paramsFromItems(items) });
		expect(requests).toHaveLength(0);
		expect(json(output).map((r) => r.status)).toEqual(['rejected', 'rejected']);
	});

	it('sends one import per task when items map to different tasks', async () => {
		const items = [...phones(2), ...phones(1, 50)].map((item, i) => ({ ...item, task: i < 2 ? 'A' : 'B' }));
		const { output, requests } = await run({ items, params: paramsFromItems(items, { userTaskId: (i: number) => items[i].task }), http: importServer });
		expect(requests.map((r) => [r.json.userTaskID, ((r.json.callInfoList as IDataObject).callList as unknown[]).length])).toEqual([
			['A', 2],
			['B', 1],
		]);
		expect(json(output).map((r) => r.userTaskID)).toEqual(['A', 'A', 'B']);
	});

	it('asks for a gzip body when the option is on', async () => {
		const items = phones(1);
		const { requests } = await run({ items, params: paramsFromItems(items, { options: { ...FAST, gzipBody: true } }), http: importServer });
		expect(requests[0].headers['Content-Encoding']).toBe('gzip');
		const plain = await run({ items, params: paramsFromItems(items), http: importServer });
		expect(plain.requests[0].headers['Content-Encoding']).toBeUndefined();
	});

	it('never resends after a lost answer; Export Latest Batch tells which rows landed', async () => {
		const items = phones(3);
		const { output, requests } = await run({
			items,
			params: paramsFromItems(items),
			http: (request) => {
				if (request.url.endsWith('/importBatchCall')) {
					requestsSeen.push(String(request.options.body));
					throw networkError('ECONNABORTED', 'timeout of 1000ms exceeded');
				}
				// The import went through; NXCloud refused the second row (its reason was lost).
				const sent = (JSON.parse(String(requestsSeen[0])) as IDataObject).callInfoList as IDataObject;
				const rows = (sent.callList as IDataObject[]).filter((_, k) => k !== 1);
				return { body: { retCode: 0, batchID: 'b-9', totalCount: rows.length, callList: rows.map((row) => ({ orderID: row.orderID, callStatus: 0 })) } };
			},
		});
		expect(requests.map((r) => r.url.split('/').pop())).toEqual(['importBatchCall', 'exportBatchCall']);
		expect(requests[1].headers['Accept-Encoding']).toBe('gzip');
		expect(json(output).map((r) => [r.status, r.confirmedBy, r.batchID])).toEqual([
			['imported', 'exportBatchCall', 'b-9'],
			['rejected', 'exportBatchCall', 'b-9'],
			['imported', 'exportBatchCall', 'b-9'],
		]);
		expect(json(output)[0].warning).toMatch(/answer to the import was lost/);
	});

	it('fails with what the check found when none of the numbers landed; continueOnFail pairs the error to every sent row', async () => {
		const items = [...phones(2), { phone: 'bad' }];
		const http = (request: SentRequest): HttpAnswer => {
			if (request.url.endsWith('/importBatchCall')) return { statusCode: 502, body: '<html>Bad Gateway</html>' };
			return { body: { retCode: 0, batchID: 'older', totalCount: 1, callList: [{ orderID: 'someone-else' }] } };
		};
		const stop = mockExecute({ items, params: paramsFromItems(items), http });
		const error = (await node.execute.call(stop.ctx).catch((e) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Callbot answered HTTP 502 with a body that is not JSON');
		expect(error.description).toMatch(/latest batch \(older, 1 numbers\) holds none of these numbers, so none of them was imported/);
		expect(stop.requests.filter((r) => r.url.endsWith('/importBatchCall'))).toHaveLength(1);

		const cont = await run({ items, params: paramsFromItems(items), http, continueOnFail: true });
		expect(pairs(cont.output)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(Object.keys(cont.output[0].json).sort()).toEqual(['details', 'error']);
		expect(cont.output[0].json.details).toMatchObject({ httpStatus: 502, ambiguous: true, endpoint: '/callcentre/api/v3/importBatchCall' });
		expect(cont.output[2].json).toMatchObject({ status: 'rejected', rejectedBy: 'node' });
	});

	it('does not check with an export when the option is off', async () => {
		const items = phones(1);
		const mock = mockExecute({
			items,
			params: paramsFromItems(items, { options: { ...FAST, checkAfterUnclearFailure: false } }),
			http: () => {
				throw networkError('ECONNRESET', 'socket hang up');
			},
		});
		await expect(node.execute.call(mock.ctx)).rejects.toThrow('Could not reach Callbot (ECONNRESET)');
		expect(mock.requests).toHaveLength(1);
	});

	it('turns a definite refusal into one error per sent row with continueOnFail', async () => {
		const items = phones(2);
		const { output } = await run({
			items,
			params: paramsFromItems(items),
			continueOnFail: true,
			http: () => ({ body: { retCode: 4, retMsg: 'Invalid parameter value: userTaskID "task-1" does not exist', responseID: 'r-4' } }),
		});
		expect(json(output)).toEqual([0, 1].map(() => ({
			error: 'Callbot refused the request (retCode 4): Invalid parameter value: userTaskID "task-1" does not exist',
			details: expect.objectContaining({ code: 4, traceId: 'r-4', ambiguous: false }),
		})));
	});
});

let requestsSeen: string[] = [];
beforeEach(() => {
	requestsSeen = [];
});

describe('WhatsApp Calling', () => {
	const base = { resource: 'whatsAppCalling', appKey: 'pem28kje', businessPhone: '+86 133 0000 0000', options: FAST };

	it('Enable sends every field and outputs data', async () => {
		const { output, requests } = await run({
			params: {
				...base,
				operation: 'enable',
				region: 'SG',
				showCallIcon: true,
				callbackPermission: true,
				recording: false,
				sipAddresses: { address: [{ host: '10.1.1.1', port: 5060, type: 2 }] },
				businessHours: 'custom',
				timezoneId: 'Etc/GMT-8',
				weeklyHours: { hours: [{ day: 'MONDAY', openTime: '09:00', closeTime: '18:00' }] },
				holidays: {},
			},
			http: () => ({ body: { code: 0, message: 'Success', data: { enabled: true, business_phone: '8613300000000' }, traceId: 't' } }),
		});
		expect(requests[0].url).toBe('https://api.test/api/wa/calling/enable');
		expect(requests[0].json).toEqual({
			appkey: 'pem28kje',
			business_phone: '8613300000000',
			region: 'SG',
			icon_status: 1,
			permission_status: 1,
			recording_status: 0,
			hours_status: 1,
			hours_customize: { status: 'ENABLED', timezone_id: 'Etc/GMT-8', weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1800' }] },
			customer_sip_addr: [{ host: '10.1.1.1', port: 5060, type: 2 }],
		});
		expect(json(output)).toEqual([{ enabled: true, business_phone: '8613300000000' }]);
	});

	it('a bad field stops the node naming the field and the item, before sending', async () => {
		const mock = mockExecute({
			items: [{}, {}],
			params: { ...base, operation: 'enable', region: 'SG', businessHours: 'none', sipAddresses: { address: (i: number) => [{ host: i ? 'sip.example.com' : '10.0.0.1', port: 5060, type: 1 }] } },
			http: () => ({ body: { code: 0, data: {} } }),
		});
		const error = await node.execute.call(mock.ctx).catch((e) => e);
		expect(error.message).toBe('SIP address 1: host "sip.example.com" is not an IP address (NXCloud takes IPs only, no domain names)');
		expect(error.context.itemIndex).toBe(1);
		expect(mock.requests).toHaveLength(1);
	});

	it('Disable treats data.disabled false as a failure', async () => {
		const mock = mockExecute({
			params: { ...base, operation: 'disable' },
			http: () => ({ body: { code: 0, message: 'Success', data: { disabled: false, business_phone: 'x' }, traceId: 'tr-1' } }),
		});
		await expect(node.execute.call(mock.ctx)).rejects.toThrow('NXCloud did not disable calling (data.disabled is false)');
	});

	it('Get Call Record sends call_id and adds ISO copies of the times', async () => {
		const { output, requests } = await run({
			params: { ...base, operation: 'getCallRecord', callId: ' wacid.1 ' },
			http: () => ({ body: { code: 0, data: { calls: [{ call_id: 'wacid.1', start_time: '1757915478' }] } } }),
		});
		expect(requests[0].json).toEqual({ appkey: 'pem28kje', business_phone: '8613300000000', call_id: 'wacid.1' });
		expect(json(output)[0]).toEqual({ calls: [{ call_id: 'wacid.1', start_time: '1757915478', start_time_iso: '2025-09-15T05:51:18.000Z' }] });
	});

	it('continueOnFail gives an error item paired to the failing input only', async () => {
		const { output } = await run({
			items: [{}, {}],
			continueOnFail: true,
			params: { ...base, operation: 'getSettings', businessPhone: (i: number) => (i === 0 ? '8613300000000' : '8613300000001') },
			http: (request) =>
				request.json.business_phone === '8613300000001'
					? { body: { code: 10003, message: 'WhatsApp business phone is not bind app', traceId: 'tr-2' } }
					: { body: { code: 0, data: { status: 1 } } },
		});
		expect(pairs(output)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[0].json).toEqual({ status: 1 });
		expect(output[1].json).toEqual({
			error: 'NXCloud refused the request (code 10003): WhatsApp business phone is not bind app',
			details: expect.objectContaining({ code: 10003, traceId: 'tr-2', vendorMessage: 'WhatsApp business phone is not bind app' }),
		});
	});
});

describe('continueOnFail items with "Continue (using error output)"', () => {
	// n8n 1.x (and 2.x before it accepted `details`) moves an item to the error output only when
	// its JSON is `{ error }` or `{ error, message }`.
	const routable = (keys: string[]) => ['error', 'error,message'].includes(keys.sort().join(','));

	it('a refusal per item gives { error, message }, the message holding the advice and trace ID', async () => {
		const { output } = await run({
			items: [{}],
			continueOnFail: true,
			onError: 'continueErrorOutput',
			params: { resource: 'whatsAppCalling', appKey: 'pem28kje', operation: 'getSettings', businessPhone: '8613300000001', options: FAST },
			http: () => ({ body: { code: 10003, message: 'WhatsApp business phone is not bind app', traceId: 'tr-2' } }),
		});
		expect(output[0].json).toEqual({
			error: 'NXCloud refused the request (code 10003): WhatsApp business phone is not bind app',
			message: expect.stringContaining('Trace ID: tr-2'),
		});
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('a refused batch and an empty Order IDs field give routable items, paired', async () => {
		const { output } = await run({
			items: [{}, {}, {}],
			continueOnFail: true,
			onError: 'continueErrorOutput',
			params: { resource: 'callbotCallList', operation: 'getNumberDetails', userTaskId: 't', orderIds: (i: number) => ['a', '', 'b'][i], options: FAST },
			http: () => ({ body: { retCode: 4, retMsg: 'userTaskID "t" does not exist', responseID: 'r-4' } }),
		});
		expect(pairs(output)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output.map((item) => item.json.error)).toEqual([
			'Callbot refused the request (retCode 4): userTaskID "t" does not exist',
			'Order IDs is empty: give one order ID or a comma-separated list',
			'Callbot refused the request (retCode 4): userTaskID "t" does not exist',
		]);
		expect(output.map((item) => routable(Object.keys(item.json)))).toEqual([true, true, true]);
	});

	it('a failed import gives every sent row a routable item', async () => {
		const items = phones(2);
		const { output } = await run({
			items,
			params: paramsFromItems(items),
			continueOnFail: true,
			onError: 'continueErrorOutput',
			http: () => ({ body: { retCode: 4, retMsg: 'Invalid parameter value: userTaskID "task-1" does not exist', responseID: 'r-4' } }),
		});
		expect(output.map((item) => routable(Object.keys(item.json)))).toEqual([true, true]);
		expect(output.map((item) => item.json.message)).toEqual([0, 1].map(() => expect.stringContaining('r-4')));
	});
});

describe('Callbot Call List, by order ID', () => {
	it('Get Number Details merges all items, splits at 500 IDs and pairs every answer to its asker', async () => {
		const ids = (from: number, n: number) => Array.from({ length: n }, (_, k) => `o${from + k}`);
		const asks = [ids(0, 700), ids(700, 501), ['o5', 'missing']];
		const { output, requests } = await run({
			items: asks.map(() => ({})),
			params: { resource: 'callbotCallList', operation: 'getNumberDetails', userTaskId: 't', orderIds: (i: number) => asks[i].join(','), options: FAST },
			http: (request) => ({
				body: {
					retCode: 0,
					orderDetailList: (request.json.orderList as string[]).filter((id) => id !== 'missing').map((orderID) => ({ orderID, callInfoDetailList: [{ callStartTs: 1757915478 }] })),
				},
			}),
		});
		expect(requests.map((r) => (r.json.orderList as string[]).length)).toEqual([500, 500, 202]);
		expect(output).toHaveLength(700 + 501 + 2);
		expect(output.filter((item) => (item.pairedItem as { item: number }).item === 2).map((item) => item.json)).toEqual([
			{ found: true, orderID: 'o5', callInfoDetailList: [{ callStartTs: 1757915478, callStartTsIso: '2025-09-15T05:51:18.000Z' }] },
			{ orderID: 'missing', found: false, userTaskID: 't' },
		]);
		expect(output.filter((item) => (item.pairedItem as { item: number }).item === 0).map((item) => item.json.orderID)).toEqual(asks[0]);
	});

	it('Stop Numbers reports each order ID, refused ones with NXCloud\'s message', async () => {
		const { output, requests } = await run({
			items: [{ id: 'a' }, { id: 'b' }],
			params: { resource: 'callbotCallList', operation: 'stopNumbers', userTaskId: 't', orderIds: (i: number) => ['a', 'b'][i], deleteUndialled: true, options: FAST },
			http: () => ({ body: { retCode: 0, responseID: 'r', totalCount: 2, successCount: 1, errList: [{ orderID: 'b', errMsg: 'order already finished' }] } }),
		});
		expect(requests).toHaveLength(1);
		expect(requests[0].json).toEqual({ productID: 'callbot', userTaskID: 't', orderIDs: ['a', 'b'], delCall: 1 });
		expect(json(output)).toEqual([
			{ orderID: 'a', stopped: true, userTaskID: 't', deleted: true, responseID: 'r' },
			{ orderID: 'b', stopped: false, errMsg: 'order already finished', userTaskID: 't', deleted: false, responseID: 'r' },
		]);
	});
});

describe('Export Latest Batch', () => {
	it('outputs one item per number with the batch metadata, asking for gzip', async () => {
		const { output, requests } = await run({
			params: { resource: 'callbotCallList', operation: 'exportBatch', userTaskId: 't', options: FAST },
			http: () => ({
				body: { retCode: 0, batchID: 'b-3', totalCount: 2, callList: [{ orderID: 'o1', callStatus: 1, callStartTs: 1757915478 }, { orderID: 'o2', callStatus: 0, callStartTs: 0 }] },
			}),
		});
		expect(requests[0].headers['Accept-Encoding']).toBe('gzip');
		expect(json(output)).toEqual([
			{ userTaskID: 't', batchID: 'b-3', totalCount: 2, orderID: 'o1', callStatus: 1, callStartTs: 1757915478, callStartTsIso: '2025-09-15T05:51:18.000Z' },
			{ userTaskID: 't', batchID: 'b-3', totalCount: 2, orderID: 'o2', callStatus: 0, callStartTs: 0, callStartTsIso: null },
		]);
	});
});

describe('Callbot Task', () => {
	it.each([
		['start', 1],
		['pause', 2],
		['complete', 3],
	])('%s sends taskOperate %i with the delete choice', async (operation, taskOperate) => {
		const { output, requests } = await run({
			params: { resource: 'callbotTask', operation, userTaskId: 't', deleteUndialled: operation === 'complete', options: FAST },
			http: () => ({ body: { retCode: 0, retMsg: 'success', responseID: 'r', taskID: '88', taskStatus: 2 } }),
		});
		expect(requests[0].json).toEqual({ productID: 'callbot', userTaskID: 't', taskOperate, delCall: operation === 'complete' ? 1 : 0 });
		expect(json(output)).toEqual([{ userTaskID: 't', responseID: 'r', taskID: '88', taskStatus: 2 }]);
	});

	it('Create generates a userTaskID when empty and does not resend after a lost answer', async () => {
		const mock = mockExecute({
			params: { resource: 'callbotTask', operation: 'create', userTaskId: '', sceneId: 's1', taskSettings: { taskName: 'N' }, functions: { roundRedial: true }, options: { tries: 3, timeout: 1 } },
			http: () => {
				throw networkError('ETIMEDOUT');
			},
		});
		await expect(node.execute.call(mock.ctx)).rejects.toThrow(/Could not reach Callbot/);
		expect(mock.requests).toHaveLength(1);
		expect(mock.requests[0].json).toMatchObject({ productID: 'callbot', sceneID: 's1', taskCreateSetting: { taskName: 'N' }, funcFlag: { roundRedial: true } });
		expect(String(mock.requests[0].json.userTaskID)).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('Get Many pages through all tasks', async () => {
		const tasks = Array.from({ length: 5 }, (_, n) => ({ userTaskID: `t${n}`, createTs: 1757915478 }));
		const { output, requests } = await run({
			params: { resource: 'callbotTask', operation: 'getAll', returnAll: true, pageSize: 2, filters: { taskStatuses: [2] }, options: FAST },
			http: (request) => {
				const page = request.json.page as number;
				const size = request.json.size as number;
				return { body: { retCode: 0, totalCount: 5, taskData: tasks.slice((page - 1) * size, page * size) } };
			},
		});
		expect(requests.map((r) => [r.json.page, r.json.size, r.json.queryConditions])).toEqual([
			[1, 2, { taskStatus: [2] }],
			[2, 2, { taskStatus: [2] }],
			[3, 2, { taskStatus: [2] }],
		]);
		expect(json(output).map((t) => t.userTaskID)).toEqual(['t0', 't1', 't2', 't3', 't4']);
		expect(json(output)[0].createTsIso).toBe('2025-09-15T05:51:18.000Z');
	});
});
