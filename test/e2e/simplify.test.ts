// Simplify inside a real n8n: the trigger emits flat items when Simplify is on and raw events when
// the parameter is absent (as in every workflow saved before it existed); the NXCloud node
// simplifies Get Many Calls by default at typeVersion 1.1 (what the editor adds) and stays raw at 1.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CALL_FIELDS } from '../../nodes/NxCloud/actions/callbotCallList/simplified';
import { SIMPLIFIED_FIELDS } from '../../nodes/NxCloud/trigger/events/simplify';
import { seedBatch, seedTask } from '../fixtures/action/callbotSeed';
import { QUICK, useActionE2e } from '../support/e2e/actionContext';
import { nodeOutputs } from '../support/e2e/executionData';
import { getN8n } from '../support/e2e/n8nClient';
import { createNxCloudCredential } from '../support/e2e/standInCredential';
import { TRIGGER_NODE, deployTrigger } from '../support/e2e/triggerWorkflow';
import { Sender } from '../support/standin';

jest.setTimeout(180_000);

const n8n = getN8n();
const e2e = useActionE2e();

const ACCOUNT = {
	accessKey: 'e2eSimplifyKey',
	accessSecret: `e2e-secret-${randomUUID()}`,
	callbotUuid: randomUUID(),
	callbotSecretKey: `e2e-callbot-${randomUUID()}`,
};
const sender = new Sender(ACCOUNT);
const MESSAGE_TEXT = readFileSync(
	join(__dirname, '..', 'fixtures', 'whatsapp', 'message-text.json'),
	'utf8',
);
const MESSAGE_OUTPUT = 2;

let credentialId: string;

beforeAll(async () => {
	credentialId = await createNxCloudCredential(n8n, ACCOUNT, 'simplify e2e');
});

afterAll(async () => {
	await n8n.cleanup();
});

/** The trigger's items on the Message output of the workflow's only execution. */
async function messageItems(parameters: Record<string, unknown>) {
	const { workflowId, url } = await deployTrigger(n8n, credentialId, parameters, 'simplify e2e', {
		downstreamOutput: MESSAGE_OUTPUT,
	});
	const sent = await sender.pushWhatsApp(url, MESSAGE_TEXT);
	expect(sent.status).toBe(200);
	const [execution] = await n8n.waitForExecutions(workflowId, 1, 30_000);
	return nodeOutputs(execution, TRIGGER_NODE)[MESSAGE_OUTPUT];
}

describe('the trigger', () => {
	it('emits flat items with Simplify on', async () => {
		const [item] = await messageItems({ source: 'whatsapp', simplify: true });
		expect(Object.keys(item.json)).toEqual([...SIMPLIFIED_FIELDS.message]);
		expect(item.json).toMatchObject({
			from: '852xxxx705',
			name: 'Jay',
			text: '你好',
			businessPhone: '86176xxxx0819',
		});
	});

	it('emits the raw event when the workflow was saved without the parameter', async () => {
		const [item] = await messageItems({});
		expect(item.json).toMatchObject({
			event: 'message.text',
			source: 'whatsapp',
			data: { from: '852xxxx705', text: { body: '你好' } },
		});
	});
});

describe('the NXCloud node, Get Many Calls', () => {
	const parameters = {
		resource: 'callbotCallList',
		operation: 'getAllCalls',
		userTaskId: 'task-1',
		returnAll: true,
		options: QUICK,
	};

	function seed(): void {
		seedTask(e2e.standIn, 'task-1');
		seedBatch(e2e.standIn, 'task-1', [{ orderID: 'ord-1', userPhone: '8615500000001' }]);
		e2e.standIn.state.callbot.dial('task-1');
	}

	it('a new node (typeVersion 1.1) returns simplified calls; one saved at 1 returns raw rows', async () => {
		seed();
		const fresh = await n8n.runActionWorkflow({
			credentialId: e2e.credentialId,
			parameters,
			items: [{}],
			node: { typeVersion: 1.1 },
		});
		expect(fresh.error).toBeUndefined();
		expect(Object.keys(fresh.items[0])).toEqual([...CALL_FIELDS]);
		expect(fresh.items[0]).toMatchObject({ orderId: 'ord-1', phone: '8615500000001' });

		const saved = await n8n.runActionWorkflow({
			credentialId: e2e.credentialId,
			parameters,
			items: [{}],
			node: { typeVersion: 1 },
		});
		expect(saved.error).toBeUndefined();
		expect(saved.items[0]).toMatchObject({ orderID: 'ord-1', userPhone: '8615500000001' });
	});
});
