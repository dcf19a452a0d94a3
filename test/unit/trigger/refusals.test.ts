import { NodeOperationError } from 'n8n-workflow';

import { REFUSAL_LOG_INTERVAL_MS } from '../../../nodes/NxCloud/trigger/refusalLog';
import { REREAD_INTERVAL_MS } from '../../../nodes/NxCloud/trigger/rereadGate';
import { WAIT_FOR_EARLIER_DELIVERY_MS } from '../../../nodes/NxCloud/trigger/takePush';
import { fixtureBytes } from './events/fixtures';
import {
	CREDENTIALS,
	deliver,
	mockWebhookContext,
	signedCallbotHeaders,
	signedWhatsAppHeaders,
} from './mockWebhook';

const body = fixtureBytes('whatsapp', 'status-read');
const unsigned = { 'content-type': 'application/json' };

afterEach(() => jest.restoreAllMocks());

/** Runs webhook() and returns what was thrown (or undefined) with the mock. */
async function attempt(options: Parameters<typeof mockWebhookContext>[0]) {
	const mock = mockWebhookContext(options);
	const thrown = await mock.trigger.webhook.call(mock.context).then(
		() => undefined,
		(error: unknown) => error,
	);
	return { ...mock, thrown };
}

describe('"Listen for test event": a refused push shows in the editor on the same click', () => {
	it('an unsigned push fails the trigger with what to do, and NXCloud still gets 401 with the reason', async () => {
		const { thrown, response } = await attempt({ mode: 'manual', body, headers: unsigned });
		expect(response).toMatchObject({ status: 401, json: { reason: 'missing_header' } });
		expect(thrown).toBeInstanceOf(NodeOperationError);
		expect((thrown as Error).message).toBe(
			'NXCloud Trigger refused a push (401 missing_header): This push is not signed. Turn on signing in the NXCloud console (your WhatsApp application → receipt-signing algorithm), or set Signature Check to Verify If Present.',
		);
	});

	it('a wrongly signed Callbot callback names the credential fields to check', async () => {
		const callback = fixtureBytes('callbot', 'order-filled');
		const { thrown, response } = await attempt({
			mode: 'manual',
			parameters: { source: 'callbot' },
			body: callback,
			headers: signedCallbotHeaders(callback, { secret: 'not-it' }),
		});
		expect(response).toMatchObject({ status: 401, json: { reason: 'bad_signature' } });
		expect((thrown as Error).message).toMatch(
			/not with the secret of this credential.*Callbot UUID, Secret Key and Algorithm/,
		);
	});

	it('never puts the body or a secret in the message', async () => {
		const { thrown } = await attempt({
			mode: 'manual',
			body,
			headers: signedWhatsAppHeaders(body, { secret: 'forged' }),
		});
		const text = `${(thrown as Error).message} ${(thrown as NodeOperationError).description}`;
		expect(text).not.toContain(CREDENTIALS.accessSecret);
		expect(text).not.toContain('forged');
		expect(text).not.toContain('wamid');
	});
});

describe('production: refusals logged at warn, one line per reason per minute per node, with a count', () => {
	it('writes one warn line for a burst, then one more after a minute counting the others', async () => {
		let now = 1_800_000_000_000;
		jest.spyOn(Date, 'now').mockImplementation(() => now);
		const workflowId = `wf-refusals-${process.pid}`;
		const logs: string[] = [];
		for (let i = 0; i < 5; i++) {
			const run = await deliver({ workflowId, body, headers: unsigned });
			expect(run.response.status).toBe(401);
			expect(run.result).toEqual({ noWebhookResponse: true });
			logs.push(...run.logs.filter((line) => line.startsWith('warn:')));
		}
		expect(logs).toEqual([
			`warn: NXCloud Trigger "NXCloud Trigger" (workflow ${workflowId}) refused a push (401 missing_header): This push is not signed. Turn on signing in the NXCloud console (your WhatsApp application → receipt-signing algorithm), or set Signature Check to Verify If Present.`,
		]);
		// Another reason gets its own line.
		const forged = await deliver({
			workflowId,
			body,
			headers: signedWhatsAppHeaders(body, { secret: 'forged' }),
		});
		expect(forged.logs.filter((line) => line.startsWith('warn:'))).toHaveLength(1);
		now += REFUSAL_LOG_INTERVAL_MS;
		const later = await deliver({ workflowId, body, headers: unsigned });
		expect(later.logs.filter((line) => line.startsWith('warn:'))).toEqual([
			expect.stringMatching(
				/refused a push \(401 missing_header\).*\(4 more refused for this reason in the last minute, not logged\)$/,
			),
		]);
	});
});

describe('forged pushes stay cheap: at most one credential re-read per interval per node', () => {
	it('re-reads once for a flood of bad signatures against a cached secret, and again after the interval', async () => {
		let now = 1_900_000_000_000;
		jest.spyOn(Date, 'now').mockImplementation(() => now);
		const warm = await deliver({ body, headers: signedWhatsAppHeaders(body) });
		expect(warm.credentialReads()).toBe(1);
		let reads = 0;
		for (let i = 0; i < 50; i++) {
			const forged = await deliver({
				workflowId: warm.workflowId,
				body,
				headers: signedWhatsAppHeaders(body, { secret: `guess-${i}` }),
			});
			expect(forged.response).toMatchObject({ status: 401, json: { reason: 'bad_signature' } });
			reads += forged.credentialReads();
			now += 100;
		}
		expect(reads).toBe(1);
		now += REREAD_INTERVAL_MS;
		const after = await deliver({
			workflowId: warm.workflowId,
			body,
			headers: signedWhatsAppHeaders(body, { secret: 'guess-late' }),
		});
		expect(after.credentialReads()).toBe(1);
	});
});

describe('a twin of a delivery n8n is still storing', () => {
	it('is answered 503 delivery_in_progress after the wait, with a warn line saying NXCloud retries it', async () => {
		const push = JSON.stringify({
			business_phone: '85266123456',
			messages: [{ id: 'twin-1', type: 'text', text: { body: 'hi' } }],
		});
		const first = mockWebhookContext({
			body: push,
			headers: signedWhatsAppHeaders(push),
			staticData: {},
		});
		// n8n has the first delivery's workflow data but has not stored its execution yet.
		const firstResult = await first.trigger.webhook.call(first.context);
		jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
		try {
			const twin = mockWebhookContext({
				workflowId: first.workflowId,
				body: push,
				headers: signedWhatsAppHeaders(push),
				staticData: {},
			});
			let settled = false;
			const pending = twin.trigger.webhook.call(twin.context).finally(() => (settled = true));
			for (let waited = 0; !settled && waited <= 3 * WAIT_FOR_EARLIER_DELIVERY_MS; waited += 1000) {
				await jest.advanceTimersByTimeAsync(1000);
			}
			expect(await pending).toEqual({ noWebhookResponse: true });
			expect(twin.response).toMatchObject({
				answeredBy: 'trigger',
				status: 503,
				json: { reason: 'delivery_in_progress' },
			});
			expect(twin.logs.filter((line) => line.startsWith('warn:'))).toEqual([
				expect.stringContaining('(503 delivery_in_progress)'),
			]);
			expect(twin.logs.join('\n')).toContain('NXCloud retries it');
		} finally {
			jest.useRealTimers();
			first.answerAsN8n(firstResult);
		}
	});
});
