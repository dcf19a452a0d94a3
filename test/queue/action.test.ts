// The NXCloud action node run by n8n's queue-mode workers against the strict stand-in NXCloud:
// one operation per resource, then a 100,000-row Import as New Batch (one request, one paired
// item per row). The runner workflow is posted to through the proxy; a worker runs it.
import { randomUUID } from 'node:crypto';

import { newAccount } from '../support/e2e/account';
import { APP_KEY, BUSINESS_PHONE, QUICK } from '../support/e2e/actionContext';
import { uniqueName, type ActionRun } from '../support/e2e/n8nClient';
import type { ItemJson } from '../support/e2e/types';
import {
	createProxyActionRunner,
	executionsStartedIn,
	n8nMain,
	reportFigures,
	topology,
} from '../support/queue/harness';
import { startStandIn, type StandIn } from '../support/standin';

jest.setTimeout(900_000);

const IMPORT_ROWS = Number(process.env.QUEUE_IMPORT_ROWS ?? 100_000);
/** Where NXCloud would post the calls' callbacks: required by Add Numbers and Import as New Batch. */
const CALLBACK_URLS = {
	orderCallbackUrl: 'https://n8n.example/webhook/order',
	callCallbackUrl: 'https://n8n.example/webhook/call',
};
const n8n = n8nMain();
const account = newAccount();
let standIn: StandIn;
let credentialId: string;

beforeAll(async () => {
	standIn = await startStandIn({
		...account,
		boundPhones: [{ business_phone: BUSINESS_PHONE, appkey: APP_KEY }],
		recordBodies: false,
	});
	credentialId = await n8n.createCredential({
		name: uniqueName('NXCloud queue action'),
		type: 'nxCloudApi',
		data: { ...account, openApiBaseUrl: standIn.url, callbotBaseUrl: standIn.url },
	});
});
afterAll(async () => {
	await n8n.cleanup();
	await standIn?.close();
});

async function runOnWorker(
	parameters: Record<string, unknown>,
	items: ItemJson[] = [{}],
	timeoutMs = 120_000,
): Promise<ActionRun> {
	const runner = await createProxyActionRunner({ credentialId, parameters });
	try {
		return await runner.run(items, timeoutMs);
	} finally {
		await runner.dispose();
	}
}

/** The execution was run by exactly one worker (its log names it). */
function expectRanOnAWorker(run: ActionRun): void {
	const workers = topology(true).workers.filter((worker) =>
		executionsStartedIn(worker.logFile).has(run.execution.id),
	);
	expect({ id: run.execution.id, mode: run.execution.mode, workers: workers.length }).toEqual({
		id: run.execution.id,
		mode: 'webhook',
		workers: 1,
	});
}

test('WhatsApp Calling: Enable then Get Settings, signed and checked by the stand-in', async () => {
	const base = {
		resource: 'whatsAppCalling',
		appKey: APP_KEY,
		businessPhone: '+86 133 0000 0000',
		options: QUICK,
	};
	const enabled = await runOnWorker({
		...base,
		operation: 'enable',
		region: 'SG',
		showCallIcon: true,
		callbackPermission: true,
		recording: true,
		businessHours: 'none',
		sipAddresses: { address: [{ host: '34.56.78.90', port: 5060, type: 1 }] },
	});
	expect(enabled.error).toBeUndefined();
	expect(enabled.items).toEqual([{ enabled: true, business_phone: BUSINESS_PHONE }]);
	expectRanOnAWorker(enabled);
	const settings = await runOnWorker({ ...base, operation: 'getSettings' });
	expect(settings.error).toBeUndefined();
	expect(settings.items[0]).toMatchObject({
		business_phone: BUSINESS_PHONE,
		status: 1,
		region: 'SG',
	});
	expectRanOnAWorker(settings);
	expect(standIn.requestsTo('/calling/enable').map((r) => r.code)).toEqual([0]);
});

test('Callbot Task: Create, paired to its input item', async () => {
	const userTaskId = `queue-${randomUUID()}`;
	const run = await runOnWorker({
		resource: 'callbotTask',
		operation: 'create',
		userTaskId,
		sceneId: 'scene-1',
		taskSettings: { taskName: 'queue task' },
		options: QUICK,
	});
	expect(run.error).toBeUndefined();
	expect(run.outputs[0]).toHaveLength(1);
	expect(run.outputs[0][0].pairedItem).toEqual({ item: 0 });
	expect(standIn.state.callbot.task(userTaskId)).toBeDefined();
	expectRanOnAWorker(run);
});

test('Callbot Call List: Add Numbers to that task, one item per number', async () => {
	const userTaskId = `queue-${randomUUID()}`;
	await runOnWorker({
		resource: 'callbotTask',
		operation: 'create',
		userTaskId,
		sceneId: 'scene-1',
		taskSettings: { taskName: 'queue list' },
		options: QUICK,
	});
	const run = await runOnWorker(
		{
			resource: 'callbotCallList',
			operation: 'addNumbers',
			userTaskId,
			phone: '={{ $json.phone }}',
			...CALLBACK_URLS,
			options: QUICK,
		},
		[{ phone: '8613300000001' }, { phone: '8613300000002' }],
	);
	expect(run.error).toBeUndefined();
	expect(run.outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expectRanOnAWorker(run);
});

test('Callbot: Ping, once per item', async () => {
	const run = await runOnWorker({ resource: 'callbot', operation: 'ping' }, [{}, {}]);
	expect(run.error).toBeUndefined();
	expect(run.outputs[0]).toHaveLength(2);
	expectRanOnAWorker(run);
});

test(`Import as New Batch of ${IMPORT_ROWS.toLocaleString('en')} rows on a worker: one request, one paired item per row`, async () => {
	const userTaskID = `queue-import-${randomUUID()}`;
	standIn.state.callbot.model.createTask({
		userTaskID,
		sceneID: 'S1',
		taskName: `queue ${userTaskID}`,
		other: '',
		taskCreateSetting: {},
		funcFlag: {},
		taskCallbackUrl: '',
		orderCallbackUrl: '',
	});
	const rows = Array.from({ length: IMPORT_ROWS }, (_, i) => ({
		phone: `86133${String(i).padStart(8, '0')}`,
		orderId: `${userTaskID}-${i}`,
		name: `Row ${i}`,
	}));
	const before = standIn.requestsTo('/importBatchCall').length;
	const started = Date.now();
	const run = await runOnWorker(
		{
			resource: 'callbotCallList',
			operation: 'importBatch',
			userTaskId: userTaskID,
			phone: '={{ $json.phone }}',
			orderId: '={{ $json.orderId }}',
			userName: '={{ $json.name }}',
			...CALLBACK_URLS,
			options: {},
		},
		rows,
		600_000,
	);
	const ranMs = Date.now() - started;
	const imports = standIn.requestsTo('/importBatchCall').slice(before);
	expect(imports.map((r) => r.retCode)).toEqual([0]);
	expect(standIn.state.callbot.task(userTaskID)?.latestBatch?.orderIDs.length).toBe(IMPORT_ROWS);
	expect(run.error).toBeUndefined();
	expect(run.items.length).toBe(IMPORT_ROWS);
	const wrong = run.outputs[0]
		.map((item, i) => ({
			i,
			paired: item.pairedItem,
			orderID: item.json.orderID,
			status: item.json.status,
		}))
		.filter(
			({ i, paired, orderID, status }) =>
				JSON.stringify(paired) !== JSON.stringify({ item: i }) ||
				orderID !== rows[i].orderId ||
				status !== 'imported',
		);
	expect(wrong.slice(0, 5)).toEqual([]);
	expectRanOnAWorker(run);
	const bodyMiB = Number((imports[0].bodySize / 1048576).toFixed(1));
	reportFigures(
		'import',
		[
			`${IMPORT_ROWS} rows: one request (${bodyMiB} MiB), run on a worker, answered and read back in ${ranMs} ms`,
		],
		{ rows: IMPORT_ROWS, bodyMiB, ranMs },
	);
});
