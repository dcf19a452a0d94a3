// The trigger's Simplify on n8n-core's WebhookContext: a trigger saved without the parameter (every
// workflow saved before it existed) keeps emitting raw events; Simplify on emits flat items, while
// the redelivery window and routing still work on the raw event.
import { SIMPLIFIED_FIELDS } from '../../../nodes/NxCloud/trigger/events/simplify';
import { fixtureBytes } from './events/fixtures';
import { useInProcessN8n } from '../../support/inProcess';

const n8n = useInProcessN8n();

const MESSAGE_OUTPUT = 2;
const FAILED_OUTPUT = 5;

describe('Simplify on the trigger', () => {
	it('a saved trigger without the parameter emits the raw event', async () => {
		const endpoint = await n8n.triggerEndpoint({ parameters: {} });
		const sent = await n8n.standIn.sender.pushWhatsApp(
			endpoint.url,
			fixtureBytes('whatsapp', 'message-text').toString('utf8'),
		);
		expect(sent.status).toBe(200);
		const [item] = endpoint.deliveries[0].result!.workflowData![MESSAGE_OUTPUT];
		expect(item.json).toMatchObject({
			event: 'message.text',
			source: 'whatsapp',
			data: { from: '852xxxx705', type: 'text' },
		});
	});

	it('Simplify on: flat items on the same outputs, and redeliveries still dropped', async () => {
		const endpoint = await n8n.triggerEndpoint({ parameters: { simplify: true } });
		const message = fixtureBytes('whatsapp', 'message-text').toString('utf8');
		expect((await n8n.standIn.sender.pushWhatsApp(endpoint.url, message)).status).toBe(200);
		const [item] = endpoint.deliveries[0].result!.workflowData![MESSAGE_OUTPUT];
		expect(item.json).toEqual({
			from: '852xxxx705',
			name: 'Jay',
			type: 'text',
			text: '你好',
			messageId: 'ABGHhhdgYFCBnwIQNkLO2ipL1_ZpZ41mwgMHEg',
			replyToId: null,
			mediaId: null,
			time: '2022-09-13T07:23:51.000Z',
			businessPhone: '86176xxxx0819',
		});
		// The same message again: the window was filled from the raw event, so it is dropped.
		expect((await n8n.standIn.sender.pushWhatsApp(endpoint.url, message)).status).toBe(200);
		expect(endpoint.deliveries[1].result?.workflowData).toBeUndefined();

		const failed = fixtureBytes('whatsapp', 'status-failed-131026').toString('utf8');
		await n8n.standIn.sender.pushWhatsApp(endpoint.url, failed);
		const [status] = endpoint.deliveries[2].result!.workflowData![FAILED_OUTPUT];
		expect(Object.keys(status.json)).toEqual([...SIMPLIFIED_FIELDS.status]);
		expect(status.json).toMatchObject({ status: 'failed', errorCode: 131026 });
	});

	it('Simplify on for Callbot callbacks', async () => {
		const endpoint = await n8n.triggerEndpoint({
			parameters: { source: 'callbot', simplify: true },
		});
		const sent = await n8n.standIn.sender.callbotCallback(
			endpoint.url,
			fixtureBytes('callbot', 'order-filled').toString('utf8'),
		);
		expect(sent.status).toBe(200);
		const [item] = endpoint.deliveries[0].result!.workflowData![1];
		expect(Object.keys(item.json)).toEqual([...SIMPLIFIED_FIELDS.callbotOrder]);
		expect(item.json).toMatchObject({ orderId: 'order-20261123-0042', other: 'crm-42' });
	});
});
