// The NXCloud Trigger inside a real n8n, fed by the stand-in acting as NXCloud's sender (its
// signing code is written from the spec, independently of nodes/). Every push is checked by what
// n8n answered and by the executions n8n recorded.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { executionError, nodeRan } from '../support/e2e/executionData';
import { delay } from '../support/e2e/http';
import { getN8n, uniqueName } from '../support/e2e/n8nClient';
import { createNxCloudCredential } from '../support/e2e/standInCredential';
import {
	DOWNSTREAM_NODE,
	TRIGGER_NODE,
	deployTrigger,
	triggerWorkflow,
} from '../support/e2e/triggerWorkflow';
import {
	FIXTURES,
	WHATSAPP_OUTPUTS,
	expectCallbotRouting,
	fixtureText,
	outputCounts,
	triggerItems,
} from '../support/e2e/triggerExecutions';
import { Sender, type SendResult } from '../support/standin';

const TRIGGER = TRIGGER_NODE;
const AFTER = DOWNSTREAM_NODE;
const DELIVERED = WHATSAPP_OUTPUTS.indexOf('Delivered');
/** Item counts per WhatsApp output, from { Output: count }. */
const waCounts = (counts: Record<string, number>) => WHATSAPP_OUTPUTS.map((o) => counts[o] ?? 0);

const ACCOUNT = {
	accessKey: 'e2eAccessKey01',
	accessSecret: `e2e-secret-${randomUUID()}`,
	callbotUuid: randomUUID(),
	callbotSecretKey: `e2e-callbot-${randomUUID()}`,
};
jest.setTimeout(120_000);

const sender = new Sender(ACCOUNT);
const n8n = getN8n();

interface Deployed {
	id: string;
	url: string;
}

async function deploy(
	parameters: Record<string, unknown>,
	credentialId: string,
	branch: number,
): Promise<Deployed> {
	const { workflowId, url } = await deployTrigger(n8n, credentialId, parameters, 'trigger e2e', {
		downstreamOutput: branch,
	});
	return { id: workflowId, url };
}

/** All executions of a workflow (finished or not). n8n creates one before it answers 200. */
async function executionCount(workflowId: string): Promise<number> {
	return (await n8n.listExecutions({ workflowId })).length;
}

function expectRefused(result: SendResult, status: number, reason: string) {
	expect({ status: result.status, reason: result.json().reason }).toEqual({ status, reason });
	expect(result.headers['content-type']).toMatch(/^application\/json/);
}

let credentialId: string;
let credentialSha256Id: string;

beforeAll(async () => {
	credentialId = await createNxCloudCredential(
		n8n,
		{ ...ACCOUNT, callbotAlgorithm: 'MD5' },
		'trigger e2e',
	);
	credentialSha256Id = await createNxCloudCredential(
		n8n,
		{ ...ACCOUNT, callbotAlgorithm: 'SHA256' },
		'trigger e2e sha256',
	);
});

afterAll(async () => {
	await n8n.cleanup();
});

describe('WhatsApp pushes in a real n8n', () => {
	let workflow: Deployed;

	beforeAll(async () => {
		// The no-op hangs off the Delivered output.
		workflow = await deploy({ source: 'whatsapp' }, credentialId, DELIVERED);
	});

	it('routes signed pushes (md5 and sha256) to the right outputs, one item per event', async () => {
		const pushes: Array<[name: string, algorithm: 'md5' | 'sha256', output: string]> = [
			['status-sent', 'md5', 'Sent'],
			['status-delivered', 'sha256', 'Delivered'],
			['status-read', 'md5', 'Read'],
			['status-failed-131026', 'sha256', 'Failed'],
			['message-text', 'md5', 'Message'],
			['message-interactive-nfm-reply', 'sha256', 'Message'],
			['template-status-approved', 'md5', 'Template'],
			['account-review-approved', 'sha256', 'Account'],
			['call-record', 'md5', 'Call'],
		];
		for (const [name, algorithm] of pushes) {
			const result = await sender.pushWhatsApp(workflow.url, fixtureText('whatsapp', name), {
				algorithm,
			});
			expect({ name, status: result.status, body: result.json() }).toEqual({
				name,
				status: 200,
				body: { received: true },
			});
		}
		const unknown = JSON.stringify({
			field: 'user_preferences',
			value: { business_phone: '85266123456', wabaId: 'w' },
		});
		expect((await sender.pushWhatsApp(workflow.url, unknown)).status).toBe(200);

		const executions = await n8n.waitForExecutions(workflow.id, pushes.length + 1, 30_000);
		expect(executions.every((e) => e.status === 'success')).toBe(true);
		const byEvent = new Map(executions.map((e) => [String(triggerItems(e)[0]?.json.event), e]));
		const expected = [
			...pushes.map(([name, , output]) => [name, output] as const),
			['user_preferences', 'Other'] as const,
		];
		const events = [
			'status.sent',
			'status.delivered',
			'status.read',
			'status.failed',
			'message.text',
			'message.interactive',
			'template.message_template_status_update',
			'account.account_review_update',
			'call.record',
			'other.user_preferences',
		];
		expect([...byEvent.keys()].sort()).toEqual([...events].sort());
		events.forEach((event, i) => {
			const execution = byEvent.get(event)!;
			const output = expected[i][1];
			expect({ event, counts: outputCounts(execution) }).toEqual({
				event,
				counts: WHATSAPP_OUTPUTS.map((o) => (o === output ? 1 : 0)),
			});
			// Only the Delivered push ran the node wired to the Delivered output.
			expect(nodeRan(execution, AFTER)).toBe(output === 'Delivered');
		});

		const sent = triggerItems(byEvent.get('status.sent')!)[0].json;
		expect(sent).toMatchObject({
			event: 'status.sent',
			source: 'whatsapp',
			signatureVerified: true,
			data: JSON.parse(fixtureText('whatsapp', 'status-sent')).statuses[0],
			timestamps: { timestamp: '2022-08-09T04:39:46.000Z' },
			cost: { lines: 2, priceCny: 0.1381, foreignPrice: 0.02, foreignCurrency: 'USD' },
		});
		expect(triggerItems(byEvent.get('status.failed')!)[0].json).toMatchObject({
			businessPhone: '852xxxx3862',
			context: { app_id: 'xxx', metadata: { phone_number_id: '161169xxxx19812' } },
		});
	});

	it('splits a push with three statuses into three items', async () => {
		const id = randomUUID();
		const body = JSON.stringify({
			business_phone: '85266123456',
			statuses: [
				{ id: `wamid.${id}.a`, status: 'sent', timestamp: '1763888400' },
				{ id: `wamid.${id}.a`, status: 'delivered', timestamp: '1763888401' },
				{ id: `wamid.${id}.b`, status: 'delivered', timestamp: '1763888402' },
			],
		});
		const before = await executionCount(workflow.id);
		expect((await sender.pushWhatsApp(workflow.url, body)).status).toBe(200);
		const executions = await n8n.waitForExecutions(workflow.id, before + 1);
		const latest = executions[executions.length - 1];
		expect(outputCounts(latest)).toEqual(waCounts({ Sent: 1, Delivered: 2 }));
	});

	it('answers bad or missing signatures with 401 and starts nothing', async () => {
		const body = JSON.stringify({ statuses: [{ id: `wamid.${randomUUID()}`, status: 'read' }] });
		const before = await executionCount(workflow.id);
		expectRefused(
			await sender.pushWhatsApp(workflow.url, body, { signed: false }),
			401,
			'missing_header',
		);
		expectRefused(
			await sender.pushWhatsApp(workflow.url, body, { omitHeaders: ['sign'] }),
			401,
			'missing_header',
		);
		expectRefused(
			await sender.pushWhatsApp(workflow.url, body, { tamper: 'sign' }),
			401,
			'bad_signature',
		);
		expectRefused(
			await sender.pushWhatsApp(workflow.url, body, { tamper: 'secret' }),
			401,
			'bad_signature',
		);
		expectRefused(
			await sender.pushWhatsApp(workflow.url, body, { tamper: 'body' }),
			401,
			'bad_signature',
		);
		expectRefused(
			await sender.pushWhatsApp(workflow.url, body, { tamper: 'timestamp', algorithm: 'sha256' }),
			401,
			'bad_signature',
		);
		expectRefused(
			await sender.pushWhatsApp(workflow.url, body, { algorithmHeader: 'sha1' }),
			401,
			'unknown_algorithm',
		);
		const missing = await sender.pushWhatsApp(workflow.url, body, { omitHeaders: ['biztype'] });
		expect(missing.json()).toMatchObject({ reason: 'missing_header', header: 'biztype' });
		await delay(1000);
		expect(await executionCount(workflow.id)).toBe(before);
	});

	it('answers malformed JSON, an empty body and a wrong content type with 400, and starts nothing', async () => {
		const before = await executionCount(workflow.id);
		expectRefused(
			await sender.pushWhatsApp(workflow.url, '{"statuses":[{"id":"x",}]}'),
			400,
			'malformed_json',
		);
		const printed = readFileSync(
			join(FIXTURES, 'whatsapp', 'invalid', 'template-status-flagged.as-printed.txt'),
			'utf8',
		);
		expectRefused(await sender.pushWhatsApp(workflow.url, printed), 400, 'malformed_json');
		expectRefused(await sender.pushWhatsApp(workflow.url, ''), 400, 'empty_body');
		expectRefused(
			await sender.pushWhatsApp(workflow.url, '{}', { contentType: 'text/plain' }),
			400,
			'unsupported_content_type',
		);
		await delay(1000);
		expect(await executionCount(workflow.id)).toBe(before);
	});

	it('drops a redelivered push: 200 again, but no second execution', async () => {
		const body = JSON.stringify({
			business_phone: '85266123456',
			statuses: [{ id: `wamid.${randomUUID()}`, status: 'read', timestamp: '1763888400' }],
		});
		const before = await executionCount(workflow.id);
		const first = await sender.pushWhatsApp(workflow.url, body);
		// Sent the moment the first answer arrives, re-signed with a new ts, as a retry would be.
		const second = await sender.pushWhatsApp(workflow.url, body, { algorithm: 'sha256' });
		const third = await sender.pushWhatsApp(workflow.url, body);
		expect([first, second, third].map((r) => [r.status, r.json()])).toEqual([
			[200, { received: true }],
			[200, { received: true }],
			[200, { received: true }],
		]);
		await n8n.waitForExecutions(workflow.id, before + 1);
		await delay(1000);
		expect(await executionCount(workflow.id)).toBe(before + 1);
		// The window lives in the workflow's static data, in n8n's database, so a restart keeps it.
		const stored = await n8n.api<{ staticData: Record<string, { redeliveryWindow: string[] }> }>(
			'GET',
			`/workflows/${workflow.id}`,
		);
		expect(stored.staticData[`node:${TRIGGER}`].redeliveryWindow).toContainEqual(
			expect.stringMatching(/^[0-9a-f]{16}$/),
		);

		// A push carrying the redelivered status and a new one emits only the new one.
		const parsed = JSON.parse(body);
		const mixed = JSON.stringify({
			...parsed,
			statuses: [...parsed.statuses, { ...parsed.statuses[0], id: `wamid.${randomUUID()}` }],
		});
		expect((await sender.pushWhatsApp(workflow.url, mixed)).status).toBe(200);
		const executions = await n8n.waitForExecutions(workflow.id, before + 2);
		expect(outputCounts(executions[executions.length - 1])).toEqual(waCounts({ Read: 1 }));
	});
});

describe('WhatsApp trigger options in a real n8n', () => {
	it('single output routing and Max Timestamp Age', async () => {
		const workflow = await deploy(
			{ source: 'whatsapp', outputRouting: 'single', maxTimestampAge: 300 },
			credentialId,
			0,
		);
		const body = fixtureText('whatsapp', 'message-reaction');
		expectRefused(
			await sender.pushWhatsApp(workflow.url, body, { ts: String(Date.now() - 3_600_000) }),
			401,
			'stale_timestamp',
		);
		expect(
			(await sender.pushWhatsApp(workflow.url, body, { ts: String(Date.now() - 60_000) })).status,
		).toBe(200);
		const [execution] = await n8n.waitForExecutions(workflow.id, 1);
		expect(outputCounts(execution)).toEqual([1]);
		expect(triggerItems(execution)[0].json.event).toBe('message.reaction');
		expect(nodeRan(execution, AFTER)).toBe(true);
	});
});

describe('credential changes in a real n8n', () => {
	it('uses a changed Access Secret from the next push on, and refuses the old one', async () => {
		const secretA = `a-${randomUUID()}`;
		const secretB = `b-${randomUUID()}`;
		const id = await n8n.createCredential({
			name: uniqueName('NXCloud rotating'),
			type: 'nxCloudApi',
			data: { ...ACCOUNT, accessSecret: secretA },
		});
		const workflow = await deploy({ source: 'whatsapp', dropRedeliveries: false }, id, 0);
		const body = fixtureText('whatsapp', 'message-text');
		expect((await sender.pushWhatsApp(workflow.url, body, { accessSecret: secretA })).status).toBe(
			200,
		);
		await n8n.updateCredential(id, {
			name: uniqueName('NXCloud rotated'),
			type: 'nxCloudApi',
			data: { ...ACCOUNT, accessSecret: secretB },
		});
		// The trigger keeps a decrypted secret for up to a minute, but re-reads the credential when a
		// signature does not match it.
		expect((await sender.pushWhatsApp(workflow.url, body, { accessSecret: secretB })).status).toBe(
			200,
		);
		expectRefused(
			await sender.pushWhatsApp(workflow.url, body, { accessSecret: secretA }),
			401,
			'bad_signature',
		);
		await n8n.waitForExecutions(workflow.id, 2);
	});
});

describe('"Listen for test event" in a real n8n', () => {
	/** What the editor does on "Listen for test event": registers the test URL for one call. */
	async function listen(workflowId: string): Promise<void> {
		const response = await n8n.listenForTestEvent(workflowId, TRIGGER);
		expect({ status: response.status, body: response.json }).toEqual({
			status: 200,
			body: { data: { waitingForWebhook: true } },
		});
	}

	it('accepts a signed push on the test URL, and replays of it too', async () => {
		const webhookId = randomUUID();
		const id = await n8n.createWorkflow(
			triggerWorkflow(webhookId, credentialId, { source: 'whatsapp' }, 'trigger e2e test URL', {
				downstreamOutput: DELIVERED,
			}),
		);
		const testUrl = `${n8n.baseUrl}/webhook-test/${webhookId}/webhook`;
		const body = fixtureText('whatsapp', 'status-delivered');
		for (let run = 1; run <= 2; run++) {
			await listen(id);
			const result = await sender.pushWhatsApp(testUrl, body);
			expect({ run, status: result.status, body: result.json() }).toEqual({
				run,
				status: 200,
				body: { received: true },
			});
			const executions = await n8n.waitForExecutions(id, run);
			const latest = executions[executions.length - 1];
			expect(latest.mode).toBe('manual');
			expect(outputCounts(latest)).toEqual(waCounts({ Delivered: 1 }));
		}
		// Unsigned, it is refused on the test URL as well.
		await listen(id);
		expectRefused(
			await sender.pushWhatsApp(testUrl, body, { signed: false }),
			401,
			'missing_header',
		);
	});

	it('shows a refused push in the editor on the same click, with what to do, while NXCloud gets 401 + reason', async () => {
		const webhookId = randomUUID();
		const id = await n8n.createWorkflow(
			triggerWorkflow(webhookId, credentialId, { source: 'whatsapp' }, 'trigger e2e refused push', {
				downstreamOutput: DELIVERED,
			}),
		);
		const testUrl = `${n8n.baseUrl}/webhook-test/${webhookId}/webhook`;
		const body = fixtureText('whatsapp', 'status-delivered');
		await listen(id);
		const refused = await sender.pushWhatsApp(testUrl, body, { signed: false });
		expectRefused(refused, 401, 'missing_header');
		// The click's result: a manual execution that failed on the trigger, saying why and what to do.
		const [execution] = await n8n.waitForExecutions(id, 1);
		expect(execution.mode).toBe('manual');
		expect(execution.status).toBe('error');
		expect(executionError(execution, TRIGGER)?.message).toContain(
			'This push is not signed. Turn on signing in the NXCloud console (your WhatsApp application → receipt-signing algorithm), or set Signature Check to Verify If Present.',
		);
		expect(nodeRan(execution, AFTER)).toBe(false);
		// That click is over (the test URL is released), and n8n goes on: the next click takes a signed push.
		expect((await sender.pushWhatsApp(testUrl, body)).status).toBe(404);
		await listen(id);
		expect((await sender.pushWhatsApp(testUrl, body)).status).toBe(200);
		const executions = await n8n.waitForExecutions(id, 2);
		expect(executions[executions.length - 1].status).toBe('success');
	});
});

describe('Callbot callbacks in a real n8n', () => {
	let workflow: Deployed;

	beforeAll(async () => {
		// The no-op hangs off output 1, Order.
		workflow = await deploy({ source: 'callbot' }, credentialId, 1);
	});

	it('routes task, order and call callbacks and answers {"retCode":0}', async () => {
		for (const name of ['task-filled', 'order-filled', 'call-filled']) {
			const result = await sender.callbotCallback(workflow.url, fixtureText('callbot', name));
			expect({ name, status: result.status, body: result.json() }).toEqual({
				name,
				status: 200,
				body: { retCode: 0 },
			});
		}
		const executions = await n8n.waitForExecutions(workflow.id, 3);
		const byEvent = expectCallbotRouting(executions);
		expect(triggerItems(byEvent.get('callbot.call')!)[0].json).toMatchObject({
			businessPhone: '85230001234',
			timestamps: { callInfoDetail: { callStartTs: '2025-11-23T08:01:40.000Z' } },
		});
	});

	it('refuses bad signatures and malformed JSON, and drops a redelivered order', async () => {
		const order = JSON.stringify({
			...JSON.parse(fixtureText('callbot', 'order-filled')),
			orderID: `order-${randomUUID()}`,
		});
		const before = await executionCount(workflow.id);
		expectRefused(
			await sender.callbotCallback(workflow.url, order, { tamper: 'sign' }),
			401,
			'bad_signature',
		);
		expectRefused(
			await sender.callbotCallback(workflow.url, order, { uuid: randomUUID() }),
			401,
			'bad_signature',
		);
		expectRefused(
			await sender.callbotCallback(workflow.url, order, { signed: false }),
			401,
			'missing_header',
		);
		expectRefused(
			await sender.callbotCallback(workflow.url, order, { algorithm: 'SHA256' }),
			401,
			'bad_signature',
		);
		expectRefused(await sender.callbotCallback(workflow.url, '{"orderID":'), 400, 'malformed_json');
		await delay(1000);
		expect(await executionCount(workflow.id)).toBe(before);

		expect((await sender.callbotCallback(workflow.url, order)).json()).toEqual({ retCode: 0 });
		expect((await sender.callbotCallback(workflow.url, order)).json()).toEqual({ retCode: 0 });
		await n8n.waitForExecutions(workflow.id, before + 1);
		await delay(1000);
		expect(await executionCount(workflow.id)).toBe(before + 1);
	});

	it('verifies SHA256-signed callbacks when the credential says SHA256', async () => {
		const sha = await deploy({ source: 'callbot' }, credentialSha256Id, 1);
		const body = fixtureText('callbot', 'order-filled');
		expect((await sender.callbotCallback(sha.url, body, { algorithm: 'SHA256' })).json()).toEqual({
			retCode: 0,
		});
		expectRefused(
			await sender.callbotCallback(sha.url, body, { algorithm: 'MD5' }),
			401,
			'bad_signature',
		);
		const [execution] = await n8n.waitForExecutions(sha.id, 1);
		expect(outputCounts(execution)).toEqual([0, 1, 0, 0]);
	});
});
