/**
 * Every workflow in examples/ is imported into the real n8n and executed against the stand-in
 * NXCloud. What the test swaps (and nothing else): the credential (a test one pointing at the
 * stand-in), the host of outside-service URLs (a local recorder, path kept), webhook IDs (fresh).
 * See docs/development.md, "How the test suite runs the examples". The pinned sample data of each
 * example must be what scripts/examples-pin-data.mjs generates, and have the fields the nodes
 * really output here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { executionError, nodeOutputs } from '../support/e2e/executionData';
import { getN8n, uniqueName } from '../support/e2e/n8nClient';
import { createNxCloudCredential } from '../support/e2e/standInCredential';
import { NODE_TYPES, repoRoot } from '../support/e2e/paths';
import { startStandIn, type StandIn } from '../support/standin';
import {
	exampleFiles,
	loadExample,
	pinnedShapeMismatches,
	prepareExample,
	startServiceRecorder,
	swapNodeForFile,
	swapTimerTriggersForWebhooks,
	triggerUrl,
	unknownParameters,
	type Captured,
} from '../support/ui/exampleWorkflows';
import { builtDescription } from '../support/ui/nodeDescription';

const ACCOUNT = {
	accessKey: 'examples-access-key',
	accessSecret: 'examples-access-secret-0123456789',
	callbotUuid: 'examples-callbot-uuid',
	callbotSecretKey: 'examples-callbot-secret-0123456789',
};

const fixture = (kind: string, name: string) =>
	readFileSync(join(repoRoot, 'test', 'fixtures', kind, `${name}.json`), 'utf8');

const BOUND_PHONE = { business_phone: '8613300000000', appkey: 'examples-app' };

const n8n = getN8n();
let standIn: StandIn;
let recorder: Awaited<ReturnType<typeof startServiceRecorder>>;
let credentialId: string;

beforeAll(async () => {
	standIn = await startStandIn({ ...ACCOUNT, boundPhones: [BOUND_PHONE] });
	recorder = await startServiceRecorder();
	credentialId = await createNxCloudCredential(
		n8n,
		{ ...ACCOUNT, openApiBaseUrl: standIn.url, callbotBaseUrl: standIn.url },
		'examples',
	);
});

afterAll(async () => {
	await n8n.cleanup();
	await recorder?.close();
	await standIn?.close();
});

const requestsTo = (prefix: string): Captured[] =>
	recorder.requests.filter((r) => r.path.startsWith(prefix));

async function importAndActivate(file: string): Promise<{ id: string; url: string }> {
	const workflow = prepareExample(loadExample(file), {
		credentialId,
		servicesOrigin: recorder.origin,
		name: uniqueName(file),
	});
	const id = await n8n.createWorkflow(workflow);
	await n8n.activateWorkflow(id);
	const url = triggerUrl(workflow, n8n.connection.baseUrl);
	// Signature check is Required: an unsigned {} gets 401 once the webhook is live.
	await n8n.waitForWebhook(url, 401);
	return { id, url };
}

describe('pinned sample data', () => {
	it('is what scripts/examples-pin-data.mjs generates from the fixtures (run it after changing an example)', () => {
		let report = '';
		try {
			execFileSync(process.execPath, ['scripts/examples-pin-data.mjs', '--check'], {
				cwd: repoRoot,
				stdio: 'pipe',
			});
		} catch (error) {
			report = String((error as { stderr?: Buffer }).stderr ?? error);
		}
		expect(report).toBe('');
	});

	it('covers every example', () => {
		for (const file of exampleFiles())
			expect({ file, pinned: !!loadExample(file).pinData }).toEqual({ file, pinned: true });
	});
});

describe('every example names only parameters and options our built nodes have', () => {
	const descriptions = {
		[NODE_TYPES.action]: builtDescription('NxCloud'),
		[NODE_TYPES.trigger]: builtDescription('NxCloudTrigger'),
	};
	const resources = new Set(
		(
			descriptions[NODE_TYPES.action].properties.find((p) => p.name === 'resource')?.options ?? []
		).map((o) => ('value' in o ? o.value : '')),
	);
	for (const file of exampleFiles()) {
		const needs = loadExample(file)
			.nodes.filter((node) => node.type === NODE_TYPES.action)
			.map((node) => String(node.parameters.resource));
		const missing = [...new Set(needs.filter((resource) => !resources.has(resource)))];
		// A resource the built node lacks fails here (it used to be skipped while the node was written).
		it(file, () => {
			expect({
				missingResources: missing,
				problems: unknownParameters(loadExample(file), descriptions),
			}).toEqual({ missingResources: [], problems: [] });
		});
	}
});

describe('whatsapp-failures-and-replies.json', () => {
	it('sends a failed delivery to the team alert and answers an inbound text message with NXCloud Send, quoting it', async () => {
		const workflow = prepareExample(loadExample('whatsapp-failures-and-replies.json'), {
			credentialId,
			servicesOrigin: recorder.origin,
			name: uniqueName('whatsapp-failures-and-replies.json'),
			placeholders: { 'REPLACE-WITH-YOUR-APPKEY': BOUND_PHONE.appkey },
		});
		const id = await n8n.createWorkflow(workflow);
		await n8n.activateWorkflow(id);
		const url = triggerUrl(workflow, n8n.connection.baseUrl);
		await n8n.waitForWebhook(url, 401);
		const sendsBefore = standIn.requestsTo('/api/wa/mt').length;
		const failed = JSON.parse(fixture('whatsapp', 'status-failed-131026'));
		// An inbound message to the stand-in's bound number, from a number the stand-in accepts.
		const inbound = standIn.state.messaging.inboundText({
			from: '8613800000007',
			business_phone: BOUND_PHONE.business_phone,
			text: '你好',
		}) as {
			messages: Array<{ id: string; from: string }>;
		};
		// A delivered status is not subscribed ("Events to Emit"): answered, no execution.
		const delivered = JSON.parse(fixture('whatsapp', 'status-delivered'));

		expect((await standIn.sender.pushWhatsApp(url, failed)).status).toBe(200);
		expect((await standIn.sender.pushWhatsApp(url, inbound)).status).toBe(200);
		expect((await standIn.sender.pushWhatsApp(url, delivered)).status).toBe(200);
		const executions = await n8n.waitForExecutions(id, 2);
		for (const execution of executions) {
			expect({
				id: execution.id,
				status: execution.status,
				error: executionError(execution)?.message,
			}).toEqual({
				id: execution.id,
				status: 'success',
				error: undefined,
			});
		}

		const alerts = requestsTo('/hooks/whatsapp-failures');
		expect(alerts).toHaveLength(1);
		const status = failed.statuses[0];
		expect(alerts[0]).toMatchObject({
			method: 'POST',
			body: {
				messageId: status.id,
				recipient: status.recipient_id,
				errorCode: status.errors[0].code,
				businessPhone: failed.business_phone,
				text: `WhatsApp message ${status.id} to ${status.recipient_id} failed: ${status.errors[0].code} ${status.errors[0].title}`,
			},
		});

		const replies = standIn.requestsTo('/api/wa/mt').slice(sendsBefore);
		expect(replies.map((r) => r.code)).toEqual([0]);
		expect(replies[0].json()).toMatchObject({
			appkey: BOUND_PHONE.appkey,
			business_phone: BOUND_PHONE.business_phone,
			to: inbound.messages[0].from,
			context: { message_id: inbound.messages[0].id },
			type: 'text',
			text: { body: expect.stringContaining('你好') },
		});
		// Only two executions: the delivered status was filtered out by the trigger.
		expect((await n8n.listExecutions({ workflowId: id })).length).toBe(2);
		expect(
			pinnedShapeMismatches(loadExample('whatsapp-failures-and-replies.json'), executions),
		).toEqual([]);
	});
});

describe('whatsapp-template-after-24h.json', () => {
	it('a reply that failed outside the 24-hour window is followed up with the template, its variable filled', async () => {
		const USER = '8613800000008';
		standIn.state.whatsApp.templates.add(BOUND_PHONE.business_phone, {
			name: 'examples_follow_up',
			language: 'en_US',
			components: [{ type: 'BODY', text: 'Hi {{1}}, we tried to answer you. Reply to continue.' }],
		});
		const workflow = prepareExample(loadExample('whatsapp-template-after-24h.json'), {
			credentialId,
			servicesOrigin: recorder.origin,
			name: uniqueName('whatsapp-template-after-24h.json'),
			placeholders: {
				'REPLACE-WITH-YOUR-APPKEY': BOUND_PHONE.appkey,
				'REPLACE-WITH-YOUR-TEMPLATE': 'examples_follow_up',
			},
		});
		const id = await n8n.createWorkflow(workflow);
		await n8n.activateWorkflow(id);
		const url = triggerUrl(workflow, n8n.connection.baseUrl);
		await n8n.waitForWebhook(url, 401);

		const sendsBefore = standIn.requestsTo('/api/wa/mt').length;
		// A free-form message to someone who never wrote: NXCloud accepts it, then pushes "failed" 131047.
		const late = standIn.state.messaging.accept('mt', {
			appkey: BOUND_PHONE.appkey,
			business_phone: BOUND_PHONE.business_phone,
			to: USER,
			type: 'text',
			text: { body: 'Your order shipped' },
		});
		const push = {
			...standIn.state.messaging.statusPush(late.id),
			contacts: [{ profile: { name: 'Ana' }, wa_id: USER }],
		};
		expect(push).toMatchObject({ statuses: [{ status: 'failed', errors: [{ code: 131047 }] }] });
		// A failure for another reason is not followed up.
		const other = JSON.parse(fixture('whatsapp', 'status-failed-131026'));
		expect((await standIn.sender.pushWhatsApp(url, push)).status).toBe(200);
		expect((await standIn.sender.pushWhatsApp(url, other)).status).toBe(200);
		const executions = await n8n.waitForExecutions(id, 2);
		for (const execution of executions)
			expect({ status: execution.status, error: executionError(execution)?.message }).toEqual({
				status: 'success',
				error: undefined,
			});

		const sent = standIn.requestsTo('/api/wa/mt').slice(sendsBefore);
		expect(sent.map((r) => r.code)).toEqual([0]);
		expect(sent[0].json()).toEqual({
			appkey: BOUND_PHONE.appkey,
			business_phone: BOUND_PHONE.business_phone,
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: USER,
			biz_opaque_callback_data: `follow-up of ${late.id}`,
			type: 'template',
			template: {
				name: 'examples_follow_up',
				language: { code: 'en_US', policy: 'deterministic' },
				components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] }],
			},
		});
		const followUp = (standIn.lastRequest('/api/wa/mt')!.responseBody &&
			JSON.parse(standIn.lastRequest('/api/wa/mt')!.responseBody!)) as {
			data: { messages: Array<{ id: string }> };
		};
		expect(standIn.state.messaging.firstStatus(followUp.data.messages[0].id)).toBe('sent');
		expect(
			pinnedShapeMismatches(loadExample('whatsapp-template-after-24h.json'), executions),
		).toEqual([]);
	});
});

describe('callbot-order-finished-update-record.json', () => {
	it('updates the order record from a finished-order callback, and ignores task callbacks', async () => {
		const { id, url } = await importAndActivate('callbot-order-finished-update-record.json');
		const order = JSON.parse(fixture('callbot', 'order-filled'));
		expect((await standIn.sender.callbotCallback(url, order)).json()).toEqual({ retCode: 0 });
		expect(
			(await standIn.sender.callbotCallback(url, fixture('callbot', 'task-filled'))).json(),
		).toEqual({ retCode: 0 });

		const [execution] = await n8n.waitForExecutions(id, 1);
		expect(execution.status).toBe('success');
		expect(nodeOutputs(execution, 'Update Order Record')[0]).toHaveLength(1);
		const updates = requestsTo('/api/call-orders/');
		expect(updates).toHaveLength(1);
		const detail = order.callInfoDetail;
		expect(updates[0]).toEqual({
			method: 'PATCH',
			path: `/api/call-orders/${encodeURIComponent(order.orderID)}`,
			body: {
				status: order.finish ? 'finished' : 'in progress',
				phone: order.userPhone,
				task: order.userTaskID,
				callStatus: detail.callStatus,
				callDuration: detail.callDuration,
				callStartedAt: new Date(detail.callStartTs * 1000).toISOString(),
				intent: detail.intents[0].intentName,
				recording: detail.callAudioUrl,
			},
		});
		expect((await n8n.listExecutions({ workflowId: id })).length).toBe(1);
		expect(
			pinnedShapeMismatches(loadExample('callbot-order-finished-update-record.json'), [execution]),
		).toEqual([]);
	});
});

/** Publishes a prepared copy whose timer triggers became webhooks; returns its id and trigger URLs. */
async function publishWithWebhooks(
	workflow: ReturnType<typeof prepareExample>,
): Promise<{ id: string; urls: Record<string, string> }> {
	const urls = swapTimerTriggersForWebhooks(workflow, n8n.connection.baseUrl);
	const id = await n8n.createWorkflow(workflow);
	await n8n.activateWorkflow(id);
	for (const url of Object.values(urls)) await n8n.waitForWebhook(url);
	return { id, urls };
}

async function expectSuccessfulRuns(workflowId: string, count: number) {
	const executions = await n8n.waitForExecutions(workflowId, count, 60_000);
	for (const execution of executions) {
		expect({ status: execution.status, error: executionError(execution)?.message }).toEqual({
			status: 'success',
			error: undefined,
		});
	}
	return executions;
}

/** Minimal CSV reader for what Convert to File writes (no quoted commas in these values). */
function csvRows(text: string): Array<Record<string, string>> {
	const [header, ...lines] = text.trim().split(/\r?\n/);
	const names = header.split(',');
	return lines.map((line) =>
		Object.fromEntries(line.split(',').map((value, k) => [names[k], value.replace(/^"|"$/g, '')])),
	);
}

describe('call-list-from-csv.json', () => {
	const TASK = 'examples-call-list-task';
	const CSV_ROWS = [
		{ phone: '8615500000001', name: 'Ana', customer: 'Acme', orderId: 'examples-order-1' },
		{ phone: '+86 155 0000 0002', name: 'Bo', customer: 'Acme', orderId: '' },
		{ phone: '8615500000003', name: 'Cy', customer: 'Beta', orderId: 'examples-order-3' },
	];
	const csv = [
		'phone,name,customer,orderId',
		...CSV_ROWS.map((r) => [r.phone, r.name, r.customer, r.orderId].join(',')),
	].join('\n');
	const TRIGGER_URL_PLACEHOLDER = 'REPLACE-WITH-THE-PRODUCTION-URL-OF-CALLS-FINISHED';
	let resultsFile = '';

	afterAll(() => {
		if (resultsFile && existsSync(resultsFile)) rmSync(resultsFile);
	});

	it('imports the CSV rows as ONE batch with the trigger as callback URL, and exports that batch to a CSV file when the task-finished callback arrives', async () => {
		const workflow = prepareExample(loadExample('call-list-from-csv.json'), {
			credentialId,
			servicesOrigin: recorder.origin,
			name: uniqueName('call-list-from-csv.json'),
			placeholders: { 'REPLACE-WITH-YOUR-TASK-ID': TASK },
		});
		swapNodeForFile(workflow, 'Read Call List', {
			fileName: 'call-list.csv',
			mimeType: 'text/csv',
			content: csv,
		});
		// What the sticky note tells the user: paste the trigger's Production URL into the import.
		const callbackUrl = triggerUrl(workflow, n8n.connection.baseUrl);
		const importNode = workflow.nodes.find((node) => node.name === 'NXCloud Import')!;
		for (const field of ['orderCallbackUrl', 'callCallbackUrl']) {
			expect(importNode.parameters[field]).toBe(TRIGGER_URL_PLACEHOLDER);
			importNode.parameters[field] = callbackUrl;
		}
		// ...and give the task the same URL as its Task Callback URL.
		standIn.state.callbot.model.createTask({
			userTaskID: TASK,
			sceneID: 'examples-scene',
			taskName: 'Examples',
			other: '',
			taskCreateSetting: {},
			funcFlag: {},
			taskCallbackUrl: callbackUrl,
			orderCallbackUrl: '',
		});
		// n8n only writes under ~/.n8n-files (N8N_RESTRICT_FILE_ACCESS_TO default) of its user.
		const save = workflow.nodes.find((node) => node.name === 'Save Results')!;
		expect(save.parameters.fileName).toBe('/home/node/.n8n-files/call-results.csv');
		mkdirSync(join(homedir(), '.n8n-files'), { recursive: true });
		resultsFile = join(homedir(), '.n8n-files', `${uniqueName('call-results')}.csv`);
		save.parameters.fileName = resultsFile;
		const { id, urls } = await publishWithWebhooks(workflow);
		await n8n.waitForWebhook(callbackUrl, 401);

		// Run 1: the import, and nothing else (no export right after it).
		const started = standIn.requests.length;
		expect((await fetch(urls.Start, { method: 'POST' })).status).toBe(200);
		await expectSuccessfulRuns(id, 1);
		const path = (r: { path: string }) => r.path.replace(/^.*\//, '');
		expect(standIn.requests.slice(started).map(path)).toEqual(['importBatchCall']);
		const sent = standIn.lastRequest('/importBatchCall')!.json() as {
			userTaskID: string;
			callInfoList: {
				orderCallbackUrl: string;
				callCallbackUrl: string;
				callList: Array<Record<string, unknown>>;
			};
		};
		expect(sent.userTaskID).toBe(TASK);
		expect([sent.callInfoList.orderCallbackUrl, sent.callInfoList.callCallbackUrl]).toEqual([
			callbackUrl,
			callbackUrl,
		]);
		expect(
			sent.callInfoList.callList.map((row) => [row.userPhone, row.userName, row.customerName]),
		).toEqual(CSV_ROWS.map((r) => [r.phone.replace(/[^0-9]/g, ''), r.name, r.customer]));
		const orderIds = sent.callInfoList.callList.map((row) => String(row.orderID));
		expect(orderIds[0]).toBe('examples-order-1');
		expect(orderIds[1]).toMatch(/^[0-9a-f-]{36}$/); // empty in the CSV: generated by the node
		expect(orderIds[2]).toBe('examples-order-3');

		// NXCloud runs the task: an order callback (answered, dropped: Events to Emit is Task
		// Status only), a "running" task callback (no export), then "completed" (export).
		const task = standIn.state.callbot.task(TASK)!;
		standIn.state.callbot.model.operate(task, 1, 0);
		const running = standIn.state.callbot.callbackPayloads(orderIds[0]);
		expect(running.task).toMatchObject({ userTaskID: TASK, taskStatus: 2 });
		const exportsBefore = standIn.requestsTo('/exportBatchCall').length;
		for (const body of [running.order, running.task])
			expect((await standIn.sender.callbotCallback(callbackUrl, body)).json()).toEqual({
				retCode: 0,
			});
		await expectSuccessfulRuns(id, 2);
		expect(standIn.requestsTo('/exportBatchCall').length).toBe(exportsBefore);

		standIn.state.callbot.model.operate(task, 3, 0);
		const finished = standIn.state.callbot.callbackPayloads(orderIds[0]).task;
		expect(finished).toMatchObject({ userTaskID: TASK, taskStatus: 3 });
		expect((await standIn.sender.callbotCallback(callbackUrl, finished)).json()).toEqual({
			retCode: 0,
		});
		const executions = await expectSuccessfulRuns(id, 3);
		expect(standIn.requestsTo('/exportBatchCall').length).toBe(exportsBefore + 1);
		expect(standIn.lastRequest('/exportBatchCall')!.json()).toMatchObject({ userTaskID: TASK });

		const batch = standIn.state.callbot.task(TASK)!.latestBatch!;
		expect([...batch.orderIDs].sort()).toEqual([...orderIds].sort());
		const written = csvRows(readFileSync(resultsFile, 'utf8'));
		expect(
			written.map((row) => [row.orderID, row.userPhone, row.batchID, row.userTaskID]).sort(),
		).toEqual(
			sent.callInfoList.callList
				.map((row) => [row.orderID, row.userPhone, batch.batchID, TASK])
				.sort(),
		);
		// Dialled by the stand-in when the task started: every exported number has its call.
		expect(written.every((row) => row.callID !== '' && row.callStatus !== '0')).toBe(true);
		expect(pinnedShapeMismatches(loadExample('call-list-from-csv.json'), executions)).toEqual([]);
	});
});

describe('whatsapp-calling-office-hours.json', () => {
	it('enables calling with the weekly office hours and time zone as Business Hours', async () => {
		const workflow = prepareExample(loadExample('whatsapp-calling-office-hours.json'), {
			credentialId,
			servicesOrigin: recorder.origin,
			name: uniqueName('whatsapp-calling-office-hours.json'),
			placeholders: {
				'REPLACE-WITH-YOUR-APPKEY': BOUND_PHONE.appkey,
				'REPLACE-WITH-YOUR-BUSINESS-NUMBER': BOUND_PHONE.business_phone,
			},
		});
		const { id, urls } = await publishWithWebhooks(workflow);
		expect(Object.keys(urls)).toEqual(['Set Office Hours']);

		expect((await fetch(urls['Set Office Hours'], { method: 'POST' })).status).toBe(200);
		const executions = await expectSuccessfulRuns(id, 1);
		expect(standIn.requestsTo('/calling/enable')).toHaveLength(1);
		const enabled = standIn.lastRequest('/calling/enable')!;
		expect(enabled.code).toBe(0);
		const weekdays = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({
			day_of_week: day,
			open_time: '0800',
			close_time: '2200',
		}));
		expect(enabled.json()).toMatchObject({
			appkey: BOUND_PHONE.appkey,
			business_phone: BOUND_PHONE.business_phone,
			region: 'SG',
			hours_status: 1,
			hours_customize: {
				status: 'ENABLED',
				timezone_id: 'Asia/Shanghai',
				weekly_operating_hours: [
					...weekdays,
					{ day_of_week: 'SATURDAY', open_time: '0900', close_time: '1300' },
				],
			},
		});
		expect(standIn.state.calling.config(BOUND_PHONE.business_phone)).toMatchObject({
			status: 1,
			region: 'SG',
		});
		expect(standIn.requestsTo('/calling/disable')).toHaveLength(0);
		expect(
			pinnedShapeMismatches(loadExample('whatsapp-calling-office-hours.json'), executions),
		).toEqual([]);
	});
});

describe('clicking through the pinned sample data, without an NXCloud credential', () => {
	/** The node a user runs the example from in the editor. */
	const START: Record<string, string> = {
		'whatsapp-failures-and-replies.json': 'NXCloud Trigger',
		'whatsapp-template-after-24h.json': 'NXCloud Trigger',
		'callbot-order-finished-update-record.json': 'NXCloud Trigger',
		'call-list-from-csv.json': 'Calls Finished',
		'whatsapp-calling-office-hours.json': 'Set Office Hours',
	};
	const savedFiles: string[] = [];

	afterAll(() => {
		for (const file of savedFiles) if (existsSync(file)) rmSync(file);
	});

	it('names a start node for every example', () => {
		expect(Object.keys(START).sort()).toEqual(exampleFiles().sort());
	});

	for (const [file, start] of Object.entries(START)) {
		it(`${file}: "Execute workflow" from ${start} runs every node after it on the pinned data and calls no NXCloud API`, async () => {
			const workflow = prepareExample(loadExample(file), {
				credentialId,
				servicesOrigin: recorder.origin,
				name: uniqueName(`click-through ${file}`),
			});
			// As imported by someone without an NXCloud account: no credential anywhere.
			for (const node of workflow.nodes) delete node.credentials;
			const save = workflow.nodes.find((node) => node.name === 'Save Results');
			if (save) {
				mkdirSync(join(homedir(), '.n8n-files'), { recursive: true });
				save.parameters.fileName = join(homedir(), '.n8n-files', `${uniqueName('click')}.csv`);
				savedFiles.push(String(save.parameters.fileName));
			}
			const id = await n8n.createWorkflow(workflow);
			const nxCloudBefore = standIn.requests.length;

			// What the editor sends for "Execute workflow" from a chosen trigger.
			const response = await n8n.rest('POST', `/workflows/${id}/run`, {
				triggerToStartFrom: { name: start },
			});
			expect({ status: response.status, body: response.json }).toMatchObject({
				status: 200,
				body: { data: { executionId: expect.any(String) } },
			});
			const [execution] = await expectSuccessfulRuns(id, 1);

			// Every node downstream of the start node ran (each If branch has a sample that takes it).
			const reachable = new Set<string>();
			const visit = (name: string) => {
				if (reachable.has(name)) return;
				reachable.add(name);
				for (const targets of workflow.connections[name]?.main ?? [])
					for (const target of targets ?? []) visit(target.node);
			};
			visit(start);
			const ran = Object.keys(execution.data!.resultData.runData);
			expect(ran.sort()).toEqual([...reachable].sort());
			// Pinned nodes output their pinned items, and nothing went to NXCloud.
			for (const [name, items] of Object.entries(workflow.pinData ?? {})) {
				if (!reachable.has(name)) continue;
				expect({ name, items: nodeOutputs(execution, name)[0].map((item) => item.json) }).toEqual({
					name,
					items: items.map((item) => item.json),
				});
			}
			expect(standIn.requests.length).toBe(nxCloudBefore);
		});
	}
});
