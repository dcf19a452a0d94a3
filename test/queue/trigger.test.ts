// The NXCloud Trigger in n8n's queue mode: signed pushes and callbacks go through the round-robin
// proxy to the two webhook processes, which enqueue them; the workers run the executions. Checked
// by what NXCloud would hear, by which processes took part, and by the executions' items.
import { randomUUID } from 'node:crypto';

import { nodeRan } from '../support/e2e/executionData';
import { uniqueName } from '../support/e2e/n8nClient';
import type { Execution } from '../support/e2e/types';
import {
	AFTER,
	deployQueueTrigger,
	executionsStartedIn,
	n8nMain,
	topology,
} from '../support/queue/harness';
import {
	CALLBOT_OUTPUTS,
	WHATSAPP_OUTPUTS,
	expectCallbotRouting,
	fixtureText,
	outputCounts,
	triggerItems,
} from '../support/e2e/triggerExecutions';
import { Sender, type SendResult } from '../support/standin';

jest.setTimeout(300_000);

const whatsAppOutput = (name: string) => WHATSAPP_OUTPUTS.indexOf(name);
const callbotOutput = (name: string) => CALLBOT_OUTPUTS.indexOf(name);

const ACCOUNT = {
	accessKey: 'queueAccessKey01',
	accessSecret: `queue-secret-${randomUUID()}`,
	callbotUuid: randomUUID(),
	callbotSecretKey: `queue-callbot-${randomUUID()}`,
};
const sender = new Sender(ACCOUNT);
const n8n = n8nMain();
let credentialId: string;

beforeAll(async () => {
	credentialId = await n8n.createCredential({
		name: uniqueName('NXCloud queue'),
		type: 'nxCloudApi',
		data: { ...ACCOUNT, callbotAlgorithm: 'MD5' },
	});
});
afterAll(() => n8n.cleanup());

const backendOf = (result: SendResult) => Number(result.headers['x-queue-backend']);

/** Every execution was run by a worker (its log says so), and they were all webhook executions. */
function expectRunByWorkers(executions: Execution[]): Set<number> {
	const t = topology(true);
	const byWorker = t.workers.map((worker) => executionsStartedIn(worker.logFile));
	const ranOn = new Set<number>();
	for (const execution of executions) {
		const workers = byWorker.flatMap((ids, index) => (ids.has(execution.id) ? [index] : []));
		expect({ id: execution.id, mode: execution.mode, workers: workers.length }).toEqual({
			id: execution.id,
			mode: 'webhook',
			workers: 1,
		});
		ranOn.add(workers[0]);
	}
	return ranOn;
}

test('WhatsApp pushes through the proxy: both webhook processes answer, workers run one execution per push with the right outputs', async () => {
	const trigger = await deployQueueTrigger(
		credentialId,
		{ source: 'whatsapp' },
		{ branch: whatsAppOutput('Delivered'), label: 'queue whatsapp' },
	);
	const pushes: Array<[name: string, algorithm: 'md5' | 'sha256', output: string, event: string]> =
		[
			['status-sent', 'md5', 'Sent', 'status.sent'],
			['status-delivered', 'sha256', 'Delivered', 'status.delivered'],
			['status-read', 'md5', 'Read', 'status.read'],
			['status-failed-131026', 'sha256', 'Failed', 'status.failed'],
			['message-text', 'md5', 'Message', 'message.text'],
			['message-interactive-nfm-reply', 'sha256', 'Message', 'message.interactive'],
			['template-status-approved', 'md5', 'Template', 'template.message_template_status_update'],
			['account-review-approved', 'sha256', 'Account', 'account.account_review_update'],
			['call-record', 'md5', 'Call', 'call.record'],
		];
	const backends = new Set<number>();
	for (const [name, algorithm] of pushes) {
		const result = await sender.pushWhatsApp(trigger.proxyUrl, fixtureText('whatsapp', name), {
			algorithm,
		});
		expect({ name, status: result.status, body: result.json() }).toEqual({
			name,
			status: 200,
			body: { received: true },
		});
		backends.add(backendOf(result));
	}
	// Round robin: both webhook processes took pushes.
	expect([...backends].sort()).toEqual([0, 1]);

	const executions = await n8n.waitForExecutions(trigger.workflowId, pushes.length, 120_000);
	expect(executions).toHaveLength(pushes.length);
	expect(executions.map((e) => e.status)).toEqual(pushes.map(() => 'success'));
	expectRunByWorkers(executions);

	const byEvent = new Map(executions.map((e) => [String(triggerItems(e)[0]?.json.event), e]));
	expect([...byEvent.keys()].sort()).toEqual(pushes.map(([, , , event]) => event).sort());
	for (const [name, , output, event] of pushes) {
		const execution = byEvent.get(event)!;
		expect({ name, counts: outputCounts(execution) }).toEqual({
			name,
			counts: WHATSAPP_OUTPUTS.map((o) => (o === output ? 1 : 0)),
		});
		expect({ name, after: nodeRan(execution, AFTER) }).toEqual({
			name,
			after: output === 'Delivered',
		});
	}
	expect(triggerItems(byEvent.get('status.sent')!)[0].json).toMatchObject({
		event: 'status.sent',
		source: 'whatsapp',
		signatureVerified: true,
		data: JSON.parse(fixtureText('whatsapp', 'status-sent')).statuses[0],
		cost: { lines: 2, priceCny: 0.1381, foreignPrice: 0.02, foreignCurrency: 'USD' },
	});
});

test('a push with three statuses becomes one execution with three items on two outputs', async () => {
	const trigger = await deployQueueTrigger(
		credentialId,
		{ source: 'whatsapp' },
		{ label: 'queue split' },
	);
	const id = randomUUID();
	const body = JSON.stringify({
		business_phone: '85266123456',
		statuses: [
			{ id: `wamid.${id}.a`, status: 'sent', timestamp: '1763888400' },
			{ id: `wamid.${id}.a`, status: 'delivered', timestamp: '1763888401' },
			{ id: `wamid.${id}.b`, status: 'delivered', timestamp: '1763888402' },
		],
	});
	expect((await sender.pushWhatsApp(trigger.proxyUrl, body)).status).toBe(200);
	const [execution] = await n8n.waitForExecutions(trigger.workflowId, 1, 60_000);
	expect(outputCounts(execution)).toEqual(
		WHATSAPP_OUTPUTS.map((o) => (o === 'Sent' ? 1 : o === 'Delivered' ? 2 : 0)),
	);
	expect(triggerItems(execution).map((item) => item.json.businessPhone)).toEqual([
		'85266123456',
		'85266123456',
		'85266123456',
	]);
	expectRunByWorkers([execution]);
});

test('Callbot callbacks through the proxy: task, order and call each run once on a worker, on their outputs', async () => {
	const trigger = await deployQueueTrigger(
		credentialId,
		{ source: 'callbot' },
		{ branch: callbotOutput('Order'), label: 'queue callbot' },
	);
	const names = ['task-filled', 'order-filled', 'call-filled'];
	for (const name of names) {
		const result = await sender.callbotCallback(trigger.proxyUrl, fixtureText('callbot', name));
		expect({ name, status: result.status, body: result.json() }).toEqual({
			name,
			status: 200,
			body: { retCode: 0 },
		});
	}
	const executions = await n8n.waitForExecutions(trigger.workflowId, names.length, 120_000);
	expect(executions.map((e) => e.status)).toEqual(['success', 'success', 'success']);
	expectRunByWorkers(executions);
	const byEvent = expectCallbotRouting(executions);
	expect(triggerItems(byEvent.get('callbot.order')!)[0].json).toMatchObject({
		event: 'callbot.order',
		source: 'callbot',
		signatureVerified: true,
		data: JSON.parse(fixtureText('callbot', 'order-filled')),
	});
});

test('bad signatures are refused with 401 by either webhook process and start nothing', async () => {
	const trigger = await deployQueueTrigger(
		credentialId,
		{ source: 'callbot' },
		{ label: 'queue refused' },
	);
	const order = JSON.stringify({
		...JSON.parse(fixtureText('callbot', 'order-filled')),
		orderID: `order-${randomUUID()}`,
	});
	const backends = new Set<number>();
	for (const options of [
		{ tamper: 'sign' as const },
		{ tamper: 'secret' as const },
		{ signed: false },
		{ tamper: 'body' as const },
	]) {
		const result = await sender.callbotCallback(trigger.proxyUrl, order, options);
		expect(result.status).toBe(401);
		backends.add(backendOf(result));
	}
	expect(backends.size).toBe(2);
	// A valid one afterwards proves the workflow was live all along.
	expect((await sender.callbotCallback(trigger.proxyUrl, order)).json()).toEqual({ retCode: 0 });
	const executions = await n8n.waitForExecutions(trigger.workflowId, 1, 60_000);
	await new Promise((resolve) => setTimeout(resolve, 1500));
	expect((await n8n.listExecutions({ workflowId: trigger.workflowId })).length).toBe(
		executions.length,
	);
	expect(executions).toHaveLength(1);
});
