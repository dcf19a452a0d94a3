/**
 * Every workflow in examples/ is imported into the real n8n and executed against the stand-in
 * NXCloud. What the test swaps (and nothing else): the credential (a test one pointing at the
 * stand-in), the host of outside-service URLs (a local recorder, path kept), webhook IDs (fresh).
 * See examples/README.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { executionError, nodeOutputs } from '../support/e2e/executionData';
import { getN8n, uniqueName } from '../support/e2e/n8nClient';
import { NODE_TYPES, repoRoot } from '../support/e2e/paths';
import { startStandIn, type StandIn } from '../support/standin';
import {
	exampleFiles,
	loadExample,
	prepareExample,
	startServiceRecorder,
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

const fixture = (kind: string, name: string) => readFileSync(join(repoRoot, 'test', 'fixtures', kind, `${name}.json`), 'utf8');

const n8n = getN8n();
let standIn: StandIn;
let recorder: Awaited<ReturnType<typeof startServiceRecorder>>;
let credentialId: string;

beforeAll(async () => {
	standIn = await startStandIn({ ...ACCOUNT, boundPhones: [{ business_phone: '8613300000000', appkey: 'examples-app' }] });
	recorder = await startServiceRecorder();
	credentialId = await n8n.createCredential({
		name: uniqueName('NXCloud examples'),
		type: 'nxCloudApi',
		data: { ...ACCOUNT, openApiBaseUrl: standIn.url, callbotBaseUrl: standIn.url },
	});
});

afterAll(async () => {
	await n8n.cleanup();
	await recorder?.close();
	await standIn?.close();
});

const requestsTo = (prefix: string): Captured[] => recorder.requests.filter((r) => r.path.startsWith(prefix));

async function importAndActivate(file: string): Promise<{ id: string; url: string }> {
	const workflow = prepareExample(loadExample(file), { credentialId, servicesOrigin: recorder.origin, name: uniqueName(file) });
	const id = await n8n.createWorkflow(workflow);
	await n8n.activateWorkflow(id);
	const url = triggerUrl(workflow, n8n.connection.baseUrl);
	// Signature check is Required: an unsigned {} gets 401 once the webhook is live.
	await n8n.waitForWebhook(url, 401);
	return { id, url };
}

describe('every example names only parameters and options our built nodes have', () => {
	const descriptions = {
		[NODE_TYPES.action]: builtDescription('NxCloud'),
		[NODE_TYPES.trigger]: builtDescription('NxCloudTrigger'),
	};
	const resources = new Set(
		(descriptions[NODE_TYPES.action].properties.find((p) => p.name === 'resource')?.options ?? []).map((o) => ('value' in o ? o.value : '')),
	);
	for (const file of exampleFiles()) {
		// Examples built on action-node resources that the built node does not have yet (issue 3 in
		// progress) are reported as skipped, not passed: they cannot be checked or run until it lands.
		const needs = loadExample(file)
			.nodes.filter((node) => node.type === NODE_TYPES.action)
			.map((node) => String(node.parameters.resource));
		const missing = [...new Set(needs.filter((resource) => !resources.has(resource)))];
		(missing.length ? it.skip : it)(`${file}${missing.length ? ` (action node lacks resource ${missing.join(', ')})` : ''}`, () => {
			expect(unknownParameters(loadExample(file), descriptions)).toEqual([]);
		});
	}
});

describe('whatsapp-failures-and-replies.json', () => {
	it('sends a failed delivery to the team alert and answers an inbound text message', async () => {
		const { id, url } = await importAndActivate('whatsapp-failures-and-replies.json');
		const failed = JSON.parse(fixture('whatsapp', 'status-failed-131026'));
		const inbound = JSON.parse(fixture('whatsapp', 'message-text'));
		// A delivered status is not subscribed ("Events to Emit"): answered, no execution.
		const delivered = JSON.parse(fixture('whatsapp', 'status-delivered'));

		expect((await standIn.sender.pushWhatsApp(url, failed)).status).toBe(200);
		expect((await standIn.sender.pushWhatsApp(url, inbound)).status).toBe(200);
		expect((await standIn.sender.pushWhatsApp(url, delivered)).status).toBe(200);
		const executions = await n8n.waitForExecutions(id, 2);
		for (const execution of executions) {
			expect({ id: execution.id, status: execution.status, error: executionError(execution)?.message }).toEqual({
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

		const replies = requestsTo('/whatsapp/reply');
		expect(replies).toHaveLength(1);
		expect(replies[0].body).toMatchObject({ to: inbound.messages[0].from });
		expect(String(replies[0].body.text)).toContain(inbound.messages[0].text.body);
		// Only two executions: the delivered status was filtered out by the trigger.
		expect((await n8n.listExecutions({ workflowId: id })).length).toBe(2);
	});
});

describe('callbot-order-finished-update-record.json', () => {
	it('updates the order record from a finished-order callback, and ignores task callbacks', async () => {
		const { id, url } = await importAndActivate('callbot-order-finished-update-record.json');
		const order = JSON.parse(fixture('callbot', 'order-filled'));
		expect((await standIn.sender.callbotCallback(url, order)).json()).toEqual({ retCode: 0 });
		expect((await standIn.sender.callbotCallback(url, fixture('callbot', 'task-filled'))).json()).toEqual({ retCode: 0 });

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
	});
});
