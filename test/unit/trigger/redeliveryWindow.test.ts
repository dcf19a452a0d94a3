import type { IDataObject } from 'n8n-workflow';

import { fixtureBytes } from './events/fixtures';
import { currentWindow, forgetWindow, PERSIST_INTERVAL_MS, recordWindow, windowMemoryKey } from '../../../nodes/NxCloud/trigger/redeliveryWindow';
import { deliver, mockWebhookContext, signedWhatsAppHeaders } from './mockWebhook';

const push = (id: string) => JSON.stringify({ business_phone: '85266123456', messages: [{ id, type: 'text', text: { body: 'hi' } }] });
const emitted = (result: { workflowData?: unknown[][] }) => (result.workflowData ?? []).flat().length;

afterEach(() => jest.restoreAllMocks());

describe('redelivery window: in this process and in static data', () => {
	it('lets only one of two simultaneous deliveries of the same event through', async () => {
		const body = fixtureBytes('whatsapp', 'status-delivered');
		// As in n8n, each request gets its own copy of the static data, loaded before either saved.
		const a = mockWebhookContext({ body, headers: signedWhatsAppHeaders(body), staticData: {} });
		const b = mockWebhookContext({ workflowId: a.workflowId, body, headers: signedWhatsAppHeaders(body, { algorithm: 'sha256' }), staticData: {} });
		// Both requests are in flight at once: their awaits (body read, credential) interleave.
		const [first, second] = await Promise.all([a.trigger.webhook.call(a.context), b.trigger.webhook.call(b.context)]);
		expect([emitted(first), emitted(second)].sort()).toEqual([0, 1]);
		expect([a.response.status, b.response.status]).toEqual([200, 200]);
	});

	it('writes the window to static data at most once a second, and still drops redeliveries in between', async () => {
		let now = Date.UTC(2026, 10, 23, 12, 0, 0);
		jest.spyOn(Date, 'now').mockImplementation(() => now);
		const staticData: IDataObject = {};
		const first = await deliver({ body: push('m1'), headers: signedWhatsAppHeaders(push('m1'), { ts: String(now) }), staticData });
		const workflowId = first.workflowId;
		expect(staticData.redeliveryWindow).toHaveLength(1);

		now += 200;
		const second = await deliver({ workflowId, body: push('m2'), headers: signedWhatsAppHeaders(push('m2'), { ts: String(now) }), staticData });
		expect(emitted(second.result)).toBe(1);
		// Not written yet...
		expect(staticData.redeliveryWindow).toHaveLength(1);
		// ...but known: a redelivery of m2 is dropped.
		now += 200;
		const again = await deliver({ workflowId, body: push('m2'), headers: signedWhatsAppHeaders(push('m2'), { ts: String(now) }), staticData });
		expect(again.result).toEqual({ noWebhookResponse: true });

		now += PERSIST_INTERVAL_MS;
		await deliver({ workflowId, body: push('m3'), headers: signedWhatsAppHeaders(push('m3'), { ts: String(now) }), staticData });
		expect(staticData.redeliveryWindow).toHaveLength(3);
	});

	it('also honours keys another process (or this one before a restart) stored', async () => {
		const staticData: IDataObject = {};
		// Another n8n process took m9 and stored its key.
		await deliver({ body: push('m9'), headers: signedWhatsAppHeaders(push('m9')), staticData });
		const stored = staticData.redeliveryWindow;
		// This process already has a window of its own for the node...
		const here = await deliver({ body: push('m8'), headers: signedWhatsAppHeaders(push('m8')), staticData: {} });
		// ...and then sees the database copy holding m9.
		const redelivery = await deliver({
			workflowId: here.workflowId,
			body: push('m9'),
			headers: signedWhatsAppHeaders(push('m9')),
			staticData: { redeliveryWindow: stored },
		});
		expect(redelivery.result).toEqual({ noWebhookResponse: true });
	});

	it('merges the stored and in-process windows, oldest first, without repeats', () => {
		const key = windowMemoryKey('wf-merge', 'node-1');
		const staticData: IDataObject = { redeliveryWindow: ['a', 'b'] };
		expect(currentWindow(key, staticData)).toEqual(['a', 'b']);
		expect(recordWindow(key, ['a', 'b', 'c'], staticData, 1000)).toBe(true);
		expect(recordWindow(key, ['a', 'b', 'c', 'd'], staticData, 1500)).toBe(false);
		expect(currentWindow(key, { redeliveryWindow: ['x', 'a'] })).toEqual(['x', 'a', 'b', 'c', 'd']);
		expect(currentWindow(key, { redeliveryWindow: 'garbage' })).toEqual(['a', 'b', 'c', 'd']);
		forgetWindow(key);
		expect(currentWindow(key, staticData)).toEqual(['a', 'b', 'c']);
	});
});
