// The trigger's webhook() on n8n-core's real WebhookContext, behind a loopback URL, with NXCloud's
// pushes sent, signed, by the stand-in's sender: parameters with n8n's defaults, the credential from
// n8n's credentials helper, the node's static data saved the way n8n saves it after the request.
// Cases n8n's context cannot produce (a body n8n has already read, a failing body read, what the
// trigger logs) stay on the hand-made context in webhook.test.ts.
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { fixtureBytes, fixtureNames } from './events/fixtures';
import { useInProcessN8n } from '../../support/inProcess';

const n8n = useInProcessN8n();

const WHATSAPP_OUTPUTS = [
	'account',
	'call',
	'message',
	'phone',
	'delivered',
	'failed',
	'read',
	'sent',
	'template',
	'other',
];
const CALLBOT_OUTPUTS = ['call', 'order', 'task', 'other'];

function expectedWhatsAppOutput(name: string): string {
	if (name.startsWith('message-')) return 'message';
	if (name.startsWith('status-')) return name.split('-')[1];
	if (name.startsWith('template-')) return 'template';
	if (name.startsWith('account-')) return 'account';
	if (name.startsWith('phone-')) return 'phone';
	if (name === 'call-record') return 'call';
	throw new Error(`no expectation for ${name}`);
}

const counts = (workflowData: INodeExecutionData[][] | undefined) =>
	(workflowData ?? []).map((output) => output.length);

describe("on n8n-core's WebhookContext", () => {
	it.each(fixtureNames('whatsapp'))(
		'WhatsApp example %s lands on its output, answered 200 once its execution and window are stored',
		async (name) => {
			const endpoint = await n8n.triggerEndpoint();
			const body = fixtureBytes('whatsapp', name).toString('utf8');
			const sent = await n8n.standIn.sender.pushWhatsApp(endpoint.url, body);
			expect(sent.status).toBe(200);
			expect(sent.json()).toEqual({ received: true });
			expect(sent.headers['content-type']).toBe('application/json; charset=utf-8');

			const [delivery] = endpoint.deliveries;
			expect(delivery.error).toBeUndefined();
			// n8n answers, with what webhook() returned, after storing the execution.
			expect(delivery.result?.noWebhookResponse).toBeUndefined();
			expect(delivery.executionStored).toBe(true);
			const output = WHATSAPP_OUTPUTS.indexOf(expectedWhatsAppOutput(name));
			expect(counts(delivery.result?.workflowData)).toEqual(
				WHATSAPP_OUTPUTS.map((_, k) => (k === output ? 1 : 0)),
			);
			const item = delivery.result!.workflowData![output][0];
			const parsed = JSON.parse(body) as IDataObject;
			const first = (list: unknown) => (Array.isArray(list) ? list[0] : undefined);
			expect(item.json).toMatchObject({
				source: 'whatsapp',
				data:
					first(parsed.statuses) ?? first(parsed.messages) ?? first(parsed.calls) ?? parsed.value,
				signatureVerified: true,
			});
			const kind = expectedWhatsAppOutput(name);
			const prefix = ['sent', 'delivered', 'read', 'failed'].includes(kind)
				? `status.${kind}`
				: `${kind}.`;
			expect(String(item.json.event).startsWith(prefix)).toBe(true);
			expect(new Date(item.json.receivedAt as string).toISOString()).toBe(item.json.receivedAt);
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(delivery.staticDataSaved).toBe(true);
			expect(endpoint.savedStaticData()).toEqual({
				'node:NXCloud Trigger': { redeliveryWindow: [expect.stringMatching(/^[0-9a-f]{16}$/)] },
			});
		},
	);

	it.each(fixtureNames('callbot'))(
		'Callbot example %s lands on its output, answered {"retCode":0}',
		async (name) => {
			const endpoint = await n8n.triggerEndpoint({ parameters: { source: 'callbot' } });
			const body = fixtureBytes('callbot', name).toString('utf8');
			const sent = await n8n.standIn.sender.callbotCallback(endpoint.url, body);
			expect(sent.status).toBe(200);
			expect(sent.json()).toEqual({ retCode: 0 });
			const output = CALLBOT_OUTPUTS.indexOf(name.split('-')[0]);
			const [delivery] = endpoint.deliveries;
			expect(counts(delivery.result?.workflowData)).toEqual(
				CALLBOT_OUTPUTS.map((_, k) => (k === output ? 1 : 0)),
			);
			expect(delivery.result!.workflowData![output][0].json).toMatchObject({
				event: `callbot.${CALLBOT_OUTPUTS[output]}`,
				source: 'callbot',
				data: JSON.parse(body) as IDataObject,
				signatureVerified: true,
			});
		},
	);

	it('verifies SHA256 callbacks when the credential says SHA256', async () => {
		const endpoint = await n8n.triggerEndpoint(
			{ parameters: { source: 'callbot' } },
			{ callbotAlgorithm: 'SHA256' },
		);
		const sent = await n8n.standIn.sender.callbotCallback(
			endpoint.url,
			fixtureBytes('callbot', 'order-filled').toString('utf8'),
			{ algorithm: 'SHA256' },
		);
		expect(sent.status).toBe(200);
		expect(counts(endpoint.deliveries[0].result?.workflowData)).toEqual([0, 1, 0, 0]);
	});

	it.each(['body', 'sign', 'secret'] as const)(
		'refuses a push spoiled by its %s with 401 bad_signature; nothing runs, nothing is saved',
		async (tamper) => {
			const endpoint = await n8n.triggerEndpoint();
			const sent = await n8n.standIn.sender.pushWhatsApp(
				endpoint.url,
				fixtureBytes('whatsapp', 'status-delivered').toString('utf8'),
				{ tamper },
			);
			expect(sent.status).toBe(401);
			expect(sent.json()).toMatchObject({ reason: 'bad_signature' });
			expect(endpoint.deliveries[0].result).toEqual({ noWebhookResponse: true });
			expect(endpoint.deliveries[0].staticDataSaved).toBe(false);
		},
	);

	it('drops a redelivery (re-signed, new ts) using the window n8n saved after the first delivery', async () => {
		const endpoint = await n8n.triggerEndpoint();
		const body = fixtureBytes('whatsapp', 'status-delivered').toString('utf8');
		await n8n.standIn.sender.pushWhatsApp(endpoint.url, body);
		const again = await n8n.standIn.sender.pushWhatsApp(endpoint.url, body, {
			ts: String(Date.now() + 1),
		});
		expect(again.status).toBe(200);
		expect(again.json()).toEqual({ received: true });
		expect(
			endpoint.deliveries.map((d) => counts(d.result?.workflowData).reduce((a, b) => a + b, 0)),
		).toEqual([1, 0]);
		expect(endpoint.deliveries.map((d) => d.staticDataSaved)).toEqual([true, false]);
	});

	it('does not drop anything on the test URL ("Listen for test event" replays samples)', async () => {
		const endpoint = await n8n.triggerEndpoint({ mode: 'manual' });
		const body = fixtureBytes('whatsapp', 'message-text').toString('utf8');
		for (let i = 0; i < 2; i++) await n8n.standIn.sender.pushWhatsApp(endpoint.url, body);
		expect(
			endpoint.deliveries.map(
				(d) => counts(d.result?.workflowData)[WHATSAPP_OUTPUTS.indexOf('message')],
			),
		).toEqual([1, 1]);
	});

	it('answers 500 credential_incomplete when the credential lacks the half the source needs', async () => {
		const endpoint = await n8n.triggerEndpoint({}, { accessKey: '', accessSecret: '' });
		const sent = await n8n.standIn.sender.pushWhatsApp(
			endpoint.url,
			fixtureBytes('whatsapp', 'status-read').toString('utf8'),
		);
		expect(sent.status).toBe(500);
		expect(sent.json()).toMatchObject({ reason: 'credential_incomplete' });
		expect(endpoint.deliveries[0].result).toEqual({ noWebhookResponse: true });
	});
});
