import type { IDataObject } from 'n8n-workflow';

import { fixtureBytes } from './events/fixtures';
import {
	readStoredWindow,
	writeStoredWindow,
} from '../../../nodes/NxCloud/trigger/redeliveryWindow';
import { deliver, mockWebhookContext, signedWhatsAppHeaders } from './mockWebhook';

const push = (id: string) =>
	JSON.stringify({
		business_phone: '85266123456',
		messages: [{ id, type: 'text', text: { body: 'hi' } }],
	});
const emitted = (result: { workflowData?: unknown[][] }) =>
	(result.workflowData ?? []).flat().length;

describe('redelivery window: stored by n8n once the execution is, and held in this process', () => {
	it('lets only one of two simultaneous deliveries of the same event through; the other waits and is dropped', async () => {
		const body = fixtureBytes('whatsapp', 'status-delivered');
		// As in n8n, each request gets its own copy of the static data, loaded before either saved.
		const a = mockWebhookContext({ body, headers: signedWhatsAppHeaders(body), staticData: {} });
		const b = mockWebhookContext({
			workflowId: a.workflowId,
			body,
			headers: signedWhatsAppHeaders(body, { algorithm: 'sha256' }),
			staticData: {},
		});
		const both = [a, b].map(async (mock) => {
			const result = await mock.trigger.webhook.call(mock.context);
			mock.answerAsN8n(result);
			return result;
		});
		const [first, second] = await Promise.all(both);
		expect([emitted(first), emitted(second)].sort()).toEqual([0, 1]);
		expect([a.response.status, b.response.status]).toEqual([200, 200]);
	});

	it("writes the window, with the push's key, only when n8n reads the answer (after storing the execution)", async () => {
		const staticData: IDataObject = {};
		const mock = mockWebhookContext({
			body: push('m1'),
			headers: signedWhatsAppHeaders(push('m1')),
			staticData,
		});
		const result = await mock.trigger.webhook.call(mock.context);
		expect(emitted(result)).toBe(1);
		expect(staticData.redeliveryWindow).toBeUndefined();
		mock.answerAsN8n(result);
		expect(readStoredWindow(staticData)).toHaveLength(1);
	});

	it("releases the key when n8n could not store the execution (500), so NXCloud's retry runs the event", async () => {
		const staticData: IDataObject = {};
		const failed = await deliver({
			body: push('m2'),
			headers: signedWhatsAppHeaders(push('m2')),
			staticData,
			storeFails: true,
		});
		expect(failed.response.status).toBe(500);
		expect(staticData.redeliveryWindow).toBeUndefined();
		const retry = await deliver({
			workflowId: failed.workflowId,
			body: push('m2'),
			headers: signedWhatsAppHeaders(push('m2')),
			staticData,
		});
		expect(emitted(retry.result)).toBe(1);
		expect(retry.response.status).toBe(200);
		const redelivery = await deliver({
			workflowId: failed.workflowId,
			body: push('m2'),
			headers: signedWhatsAppHeaders(push('m2')),
			staticData,
		});
		expect(emitted(redelivery.result)).toBe(0);
	});

	it('a delivery waiting on an earlier one that failed runs the event itself', async () => {
		const a = mockWebhookContext({
			body: push('m3'),
			headers: signedWhatsAppHeaders(push('m3')),
			staticData: {},
		});
		const b = mockWebhookContext({
			workflowId: a.workflowId,
			body: push('m3'),
			headers: signedWhatsAppHeaders(push('m3')),
			staticData: {},
		});
		const first = await a.trigger.webhook.call(a.context);
		expect(emitted(first)).toBe(1);
		// b arrives while a is still being stored: it waits...
		const second = b.trigger.webhook.call(b.context);
		await new Promise((resolve) => setImmediate(resolve));
		// ...a fails to be stored, so b takes the event.
		a.answerAsN8n(first, { storeFails: true });
		const result = await second;
		expect(emitted(result)).toBe(1);
	});

	it('keeps the key when the connection dropped after n8n stored the execution', async () => {
		const staticData: IDataObject = {};
		const a = mockWebhookContext({
			body: push('m4'),
			headers: signedWhatsAppHeaders(push('m4')),
			staticData,
		});
		const result = await a.trigger.webhook.call(a.context);
		// n8n reads the answer (the execution exists), then the client is gone before it is sent.
		expect(result.webhookResponse).toEqual({ received: true });
		(a.context.getResponseObject() as unknown as NodeJS.EventEmitter).emit('close');
		const again = await deliver({
			workflowId: a.workflowId,
			body: push('m4'),
			headers: signedWhatsAppHeaders(push('m4')),
			staticData: {},
		});
		expect(emitted(again.result)).toBe(0);
	});

	it('also honours keys another process (or this one before a restart) stored', async () => {
		const staticData: IDataObject = {};
		// Another n8n process took m9 and stored its key.
		await deliver({ body: push('m9'), headers: signedWhatsAppHeaders(push('m9')), staticData });
		const stored = staticData.redeliveryWindow;
		const here = await deliver({
			body: push('m8'),
			headers: signedWhatsAppHeaders(push('m8')),
			staticData: {},
		});
		// This process then sees the database copy holding m9.
		const redelivery = await deliver({
			workflowId: here.workflowId,
			body: push('m9'),
			headers: signedWhatsAppHeaders(push('m9')),
			staticData: { redeliveryWindow: stored },
		});
		expect(redelivery.result).toEqual({ webhookResponse: { received: true } });
	});

	it("repairs the stored copy with what this process stored when another process's save dropped it", async () => {
		const here = await deliver({
			body: push('m5'),
			headers: signedWhatsAppHeaders(push('m5')),
			staticData: {},
		});
		const ownKey = readStoredWindow(here.staticData)[0];
		// Another process saved over the window without m5's key; this process's next save puts it back.
		const staticData: IDataObject = { redeliveryWindow: ['other1'] };
		await deliver({
			workflowId: here.workflowId,
			body: push('m6'),
			headers: signedWhatsAppHeaders(push('m6')),
			staticData,
		});
		expect(readStoredWindow(staticData)).toEqual([
			'other1',
			ownKey,
			expect.stringMatching(/^[0-9a-f]{16}$/),
		]);
	});

	it('reads only lists of strings from static data', () => {
		expect(readStoredWindow({ redeliveryWindow: 'garbage' })).toEqual([]);
		expect(readStoredWindow({ redeliveryWindow: ['a', 1, 'b'] })).toEqual(['a', 'b']);
		const staticData: IDataObject = {};
		writeStoredWindow(staticData, ['x']);
		expect(readStoredWindow(staticData)).toEqual(['x']);
	});
});

describe('concurrent requests of one process', () => {
	it("a save that lands after another request's still holds that request's key once its execution is stored", async () => {
		const a = mockWebhookContext({
			body: push('c1'),
			headers: signedWhatsAppHeaders(push('c1')),
			staticData: {},
		});
		const b = mockWebhookContext({
			workflowId: a.workflowId,
			body: push('c2'),
			headers: signedWhatsAppHeaders(push('c2')),
			staticData: {},
		});
		const [ra, rb] = await Promise.all([
			a.trigger.webhook.call(a.context),
			b.trigger.webhook.call(b.context),
		]);
		// n8n stores a's execution and reads its answer, then b's, before either request ends.
		void ra.webhookResponse;
		void rb.webhookResponse;
		// b's save lands last: it must carry a's key too.
		expect(readStoredWindow(b.staticData)).toEqual([
			...readStoredWindow(a.staticData),
			expect.any(String),
		]);
		expect(readStoredWindow(b.staticData)).toHaveLength(2);
	});
});
