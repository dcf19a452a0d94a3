import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { fixtureBytes, fixtureNames, FIXTURES } from './events/fixtures';
import { CREDENTIALS, deliver, signedCallbotHeaders, signedWhatsAppHeaders } from './mockWebhook';

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
const wa = (output: string) => WHATSAPP_OUTPUTS.indexOf(output);
/** Item counts per WhatsApp output, from { output: count }. */
const waCounts = (counts: Record<string, number>) => WHATSAPP_OUTPUTS.map((o) => counts[o] ?? 0);

/** A 200 with the acknowledgement, sent by n8n at once, and no workflow data (no execution). */
function expectAnsweredWithoutExecution(
	result: unknown,
	response: { status?: number; json?: unknown },
	ack: object,
) {
	expect(result).toEqual({ webhookResponse: ack });
	expect(response).toMatchObject({ answeredBy: 'n8n', status: 200, json: ack });
}

function itemCounts(workflowData: unknown): number[] {
	return (workflowData as unknown[][]).map((output) => output.length);
}

// Every vendor example to its output, SHA256 callbacks, and the redelivery window as n8n saves
// it: on n8n-core's real WebhookContext in webhookContext.test.ts. The cases here need what only a
// hand-made context gives: a body n8n already read or failed to read, the trigger's log lines, a
// credential read that throws, static data inspected between calls.

describe('item contents', () => {
	it('a sent status: raw status, envelope, ISO copies and the cost summary', async () => {
		const body = fixtureBytes('whatsapp', 'status-sent');
		const { result } = await deliver({ body, headers: signedWhatsAppHeaders(body) });
		const json = result.workflowData![wa('sent')][0].json;
		expect(json).toMatchObject({
			event: 'status.sent',
			businessPhone: null,
			context: {},
			timestamps: {
				timestamp: '2022-08-09T04:39:46.000Z',
				conversation: { expiration_timestamp: '2022-08-10T04:40:00.000Z' },
			},
			cost: {
				lines: 2,
				priceCny: 0.1381,
				foreignPrice: 0.02,
				foreignCurrency: 'USD',
				types: ['per-message', 'marketing'],
			},
		});
	});

	it('an inbound message: the matching contact in the context', async () => {
		const body = fixtureBytes('whatsapp', 'message-image');
		const { result } = await deliver({ body, headers: signedWhatsAppHeaders(body) });
		expect(result.workflowData![wa('message')][0].json).toMatchObject({
			event: 'message.image',
			businessPhone: '86176xxxx0819',
			context: {
				merchant_phone: '86176xxxx0819',
				messaging_product: 'whatsapp',
				contact: { wa_id: '852xxxx705' },
			},
			timestamps: { timestamp: '2022-09-13T07:10:29.000Z' },
		});
	});

	it('a push with three statuses gives three items, on their outputs', async () => {
		const body = JSON.stringify({
			business_phone: '85266123456',
			statuses: [
				{ id: 'w1', status: 'sent', timestamp: '1700000000' },
				{ id: 'w1', status: 'delivered', timestamp: '1700000001' },
				{ id: 'w2', status: 'delivered', timestamp: '1700000002' },
			],
		});
		const { result } = await deliver({ body, headers: signedWhatsAppHeaders(body) });
		expect(itemCounts(result.workflowData)).toEqual(waCounts({ sent: 1, delivered: 2 }));
		expect(result.workflowData![wa('delivered')].map((i) => (i.json.data as any).id)).toEqual([
			'w1',
			'w2',
		]);
	});

	it('single output routing puts every event on output 0, in push order', async () => {
		const body = JSON.stringify({
			statuses: [{ id: 'a', status: 'read' }],
			messages: [{ id: 'b', type: 'text' }],
			field: 'x',
			value: {},
		});
		const { result } = await deliver({
			parameters: { outputRouting: 'single' },
			body,
			headers: signedWhatsAppHeaders(body),
		});
		expect(result.workflowData).toHaveLength(1);
		expect(result.workflowData![0].map((i) => i.json.event)).toEqual([
			'status.read',
			'message.text',
			'other.x',
		]);
	});
});

describe('signature algorithms', () => {
	it.each(['md5', 'MD5', 'sha256', 'SHA256', 'Sha256'])(
		'accepts algorithm header %s',
		async (algorithm) => {
			const body = fixtureBytes('whatsapp', 'status-read');
			const { result } = await deliver({
				body,
				headers: signedWhatsAppHeaders(body, { algorithm }),
			});
			expect(itemCounts(result.workflowData)[wa('read')]).toBe(1);
		},
	);

	it('refuses a sha256 signature presented as md5 (no guessing)', async () => {
		const body = fixtureBytes('whatsapp', 'status-read');
		const headers = { ...signedWhatsAppHeaders(body, { algorithm: 'sha256' }), algorithm: 'md5' };
		const { response } = await deliver({ body, headers });
		expect(response.json).toMatchObject({ reason: 'bad_signature' });
	});
});

describe('refusals: answered by the trigger, nothing executes', () => {
	const body = fixtureBytes('whatsapp', 'status-delivered');

	async function refused(options: Parameters<typeof deliver>[0]) {
		const outcome = await deliver(options);
		expect(outcome.result).toEqual({ noWebhookResponse: true });
		expect(outcome.response.headers).toEqual({ 'Content-Type': 'application/json; charset=utf-8' });
		expect(outcome.staticData.redeliveryWindow).toBeUndefined();
		return outcome.response;
	}

	it('401 missing_header when the push is not signed', async () => {
		const response = await refused({ body, headers: { 'content-type': 'application/json' } });
		expect(response.status).toBe(401);
		// accesskey is the first of the signature headers the check looks for.
		expect(response.json).toEqual({
			error: 'Missing signature header "accesskey"',
			reason: 'missing_header',
			header: 'accesskey',
		});
	});

	it.each(['accesskey', 'action', 'biztype', 'ts', 'sign'])(
		'401 missing_header naming %s',
		async (header) => {
			const headers: Record<string, string | undefined> = {
				...signedWhatsAppHeaders(body),
				[header]: undefined,
			};
			const response = await refused({ body, headers });
			expect(response).toMatchObject({ status: 401, json: { reason: 'missing_header', header } });
		},
	);

	it('401 bad_signature for a wrong secret, a changed byte, or re-serialised JSON', async () => {
		const wrongSecret = await refused({
			body,
			headers: signedWhatsAppHeaders(body, { secret: 'not-the-secret' }),
		});
		expect(wrongSecret).toMatchObject({
			status: 401,
			json: { reason: 'bad_signature', error: 'The signature does not match the request' },
		});
		const changed = Buffer.from(body.toString().replace('delivered', 'Delivered'));
		expect(await refused({ body: changed, headers: signedWhatsAppHeaders(body) })).toMatchObject({
			status: 401,
			json: { reason: 'bad_signature' },
		});
		const compact = JSON.stringify(JSON.parse(body.toString()));
		expect(await refused({ body: compact, headers: signedWhatsAppHeaders(body) })).toMatchObject({
			json: { reason: 'bad_signature' },
		});
	});

	it('401 unknown_algorithm for an algorithm other than md5/sha256', async () => {
		const response = await refused({
			body,
			headers: signedWhatsAppHeaders(body, { algorithm: 'sha1' }),
		});
		expect(response).toMatchObject({
			status: 401,
			json: { reason: 'unknown_algorithm', algorithm: 'sha1' },
		});
	});

	it('401 stale_timestamp when ts (milliseconds) is older than Max Timestamp Age', async () => {
		const ts = String(Date.now() - 600_000);
		const response = await refused({
			parameters: { maxTimestampAge: 300 },
			body,
			headers: signedWhatsAppHeaders(body, { ts }),
		});
		expect(response.status).toBe(401);
		expect(response.json).toMatchObject({
			reason: 'stale_timestamp',
			header: 'ts',
			maxAgeSeconds: 300,
		});
		expect(response.json.ageSeconds).toBeGreaterThanOrEqual(599);
		expect(response.json.ageSeconds).toBeLessThan(700);
	});

	it('401 stale_timestamp for a timestamp too far in the future, and for one that is not a number', async () => {
		const future = String(Date.now() + 3_600_000);
		expect(
			await refused({
				parameters: { maxTimestampAge: 300 },
				body,
				headers: signedWhatsAppHeaders(body, { ts: future }),
			}),
		).toMatchObject({
			json: { reason: 'stale_timestamp' },
		});
		expect(
			await refused({
				parameters: { maxTimestampAge: 300 },
				body,
				headers: signedWhatsAppHeaders(body, { ts: 'yesterday' }),
			}),
		).toMatchObject({
			json: { reason: 'stale_timestamp', ageSeconds: null },
		});
	});

	it('401 stale_timestamp for a Callbot createTs (seconds) older than the limit', async () => {
		const callback = fixtureBytes('callbot', 'task-filled');
		const createTs = String(Math.floor(Date.now() / 1000) - 120);
		const response = await refused({
			parameters: { source: 'callbot', maxTimestampAge: 60 },
			body: callback,
			headers: signedCallbotHeaders(callback, { createTs }),
		});
		expect(response).toMatchObject({
			status: 401,
			json: { reason: 'stale_timestamp', header: 'createts' },
		});
		expect(response.json.ageSeconds).toBeGreaterThanOrEqual(119);
	});

	it('401 for a Callbot callback from another account, unsigned, or with an unknown algorithm', async () => {
		const callback = fixtureBytes('callbot', 'order-filled');
		const params = { source: 'callbot' };
		expect(
			await refused({
				parameters: params,
				body: callback,
				headers: signedCallbotHeaders(callback, { uuid: 'someone-else' }),
			}),
		).toMatchObject({
			status: 401,
			json: {
				reason: 'bad_signature',
				error: 'The uuid header is not the Callbot UUID of this credential',
			},
		});
		expect(
			await refused({
				parameters: params,
				body: callback,
				headers: { 'content-type': 'application/json' },
			}),
		).toMatchObject({
			json: { reason: 'missing_header', header: 'requestid' },
		});
		const headers = { ...signedCallbotHeaders(callback), algorithm: 'SHA-1' };
		expect(await refused({ parameters: params, body: callback, headers })).toMatchObject({
			json: { reason: 'unknown_algorithm', algorithm: 'SHA-1' },
		});
		// Signed with MD5 while the credential (= the console) says SHA256.
		expect(
			await refused({
				parameters: params,
				credentials: { ...CREDENTIALS, callbotAlgorithm: 'SHA256' },
				body: callback,
				headers: signedCallbotHeaders(callback),
			}),
		).toMatchObject({ json: { reason: 'bad_signature' } });
	});

	it('400 malformed_json for a signed body that is not JSON', async () => {
		const broken = '{"statuses":[{"id":"x",}]}';
		const response = await refused({ body: broken, headers: signedWhatsAppHeaders(broken) });
		expect(response.status).toBe(400);
		expect(response.json.reason).toBe('malformed_json');
		expect(response.json.error).toMatch(/^The request body is not valid JSON: /);
	});

	it('400 malformed_json for the two vendor examples as printed', async () => {
		const dir = join(FIXTURES, 'whatsapp', 'invalid');
		for (const file of readdirSync(dir)) {
			const printed = readFileSync(join(dir, file));
			expect(
				await refused({ body: printed, headers: signedWhatsAppHeaders(printed) }),
			).toMatchObject({ status: 400, json: { reason: 'malformed_json' } });
		}
	});

	it('400 empty_body for a signed empty body', async () => {
		expect(await refused({ body: '', headers: signedWhatsAppHeaders('') })).toMatchObject({
			status: 400,
			json: { reason: 'empty_body' },
		});
	});

	it('400 unsupported_content_type for a signed body that is not declared JSON', async () => {
		const headers = { ...signedWhatsAppHeaders(body), 'content-type': 'text/plain' };
		expect(await refused({ body, headers })).toMatchObject({
			status: 400,
			json: {
				reason: 'unsupported_content_type',
				error: 'Expected Content-Type application/json, got "text/plain"',
			},
		});
	});

	it('401 comes before 400: an unsigned malformed body is refused for its signature', async () => {
		expect(
			await refused({ body: 'nonsense', headers: { 'content-type': 'text/plain' } }),
		).toMatchObject({ status: 401 });
	});

	it("413 body_too_large when n8n's size limit stops the read", async () => {
		const readError = Object.assign(new Error('request entity too large'), {
			status: 413,
			type: 'entity.too.large',
		});
		expect(await refused({ body, headers: signedWhatsAppHeaders(body), readError })).toMatchObject({
			status: 413,
			json: { reason: 'body_too_large' },
		});
	});

	it('400 unreadable_body when the upload is aborted', async () => {
		const readError = Object.assign(new Error('Request body stream was aborted'), { status: 400 });
		expect(await refused({ body, headers: signedWhatsAppHeaders(body), readError })).toMatchObject({
			status: 400,
			json: { reason: 'unreadable_body' },
		});
	});

	it('500 credential_incomplete when the credential has no Access Secret or none is selected', async () => {
		const noSecret = await refused({
			body,
			headers: signedWhatsAppHeaders(body),
			credentials: { ...CREDENTIALS, accessSecret: '' },
		});
		expect(noSecret).toMatchObject({ status: 500, json: { reason: 'credential_incomplete' } });
		expect(noSecret.json.error).toContain('Access Secret');
		const none = await refused({
			body,
			headers: signedWhatsAppHeaders(body),
			credentials: new Error('Node does not have any credentials set'),
		});
		expect(none).toMatchObject({ status: 500, json: { reason: 'credential_incomplete' } });
		const callbot = await refused({
			parameters: { source: 'callbot' },
			body,
			headers: {},
			credentials: { ...CREDENTIALS, callbotUuid: '' },
		});
		expect(callbot.json.error).toContain('Callbot UUID');
	});

	it('500 invalid_parameters naming a bad Business Phones entry', async () => {
		const response = await refused({
			parameters: { businessPhones: '85266123456, sales' },
			body,
			headers: signedWhatsAppHeaders(body),
		});
		expect(response).toMatchObject({ status: 500, json: { reason: 'invalid_parameters' } });
		expect(response.json.error).toContain('"businessPhones"');
		expect(response.json.error).toContain('"sales"');
	});
});

describe('Signature Check modes', () => {
	const body = fixtureBytes('whatsapp', 'message-text');

	it('Verify If Present lets an unsigned push through, marked unverified', async () => {
		const { result } = await deliver({
			parameters: { signatureCheck: 'ifPresent' },
			body,
			headers: { 'content-type': 'application/json' },
		});
		expect(result.workflowData![wa('message')][0].json.signatureVerified).toBe(false);
	});

	it('Verify If Present still refuses a wrong signature', async () => {
		const { response } = await deliver({
			parameters: { signatureCheck: 'ifPresent' },
			body,
			headers: signedWhatsAppHeaders(body, { secret: 'x' }),
		});
		expect(response).toMatchObject({ status: 401, json: { reason: 'bad_signature' } });
	});

	it('Verify If Present checks the timestamp of a signed push only', async () => {
		const old = String(Date.now() - 3_600_000);
		const signed = await deliver({
			parameters: { signatureCheck: 'ifPresent', maxTimestampAge: 60 },
			body,
			headers: signedWhatsAppHeaders(body, { ts: old }),
		});
		expect(signed.response.json).toMatchObject({ reason: 'stale_timestamp' });
		const unsigned = await deliver({
			parameters: { signatureCheck: 'ifPresent', maxTimestampAge: 60 },
			body,
			headers: { 'content-type': 'application/json', ts: old },
		});
		expect(unsigned.result.workflowData).toBeDefined();
	});

	it('Off accepts a wrongly signed push without asking for a credential', async () => {
		const { result } = await deliver({
			parameters: { signatureCheck: 'off' },
			body,
			headers: signedWhatsAppHeaders(body, { secret: 'x' }),
			credentials: new Error('no credential'),
		});
		expect(result.workflowData![wa('message')][0].json).toMatchObject({
			event: 'message.text',
			signatureVerified: false,
		});
	});

	it('accepts a timestamp inside the window, in the right unit per source', async () => {
		// 100 s old: fine for a 300 s window. Read as seconds instead of ms it would be far in the future.
		const ts = String(Date.now() - 100_000);
		const wa = await deliver({
			parameters: { maxTimestampAge: 300 },
			body,
			headers: signedWhatsAppHeaders(body, { ts }),
		});
		expect(wa.result.workflowData).toBeDefined();
		const callback = fixtureBytes('callbot', 'call-filled');
		const createTs = String(Math.floor(Date.now() / 1000) - 100);
		const cb = await deliver({
			parameters: { source: 'callbot', maxTimestampAge: 300 },
			body: callback,
			headers: signedCallbotHeaders(callback, { createTs }),
		});
		expect(cb.result.workflowData).toBeDefined();
	});
});

describe('filters', () => {
	it('answers, but does not emit, event types that are not selected', async () => {
		const body = fixtureBytes('whatsapp', 'status-sent');
		const { result, response, staticData } = await deliver({
			parameters: { events: ['message', 'status.read'] },
			body,
			headers: signedWhatsAppHeaders(body),
		});
		expectAnsweredWithoutExecution(result, response, { received: true });
		expect(staticData.redeliveryWindow).toBeUndefined();
	});

	it('emits events it does not recognise even with nothing selected', async () => {
		const body = JSON.stringify({
			field: 'user_preferences',
			value: { business_phone: '85266123456' },
		});
		const { result } = await deliver({
			parameters: { events: [] },
			body,
			headers: signedWhatsAppHeaders(body),
		});
		expect(result.workflowData![wa('other')][0].json.event).toBe('other.user_preferences');
	});

	it('keeps only the listed business numbers', async () => {
		const body = fixtureBytes('whatsapp', 'status-failed-131026');
		// The vendor example names 852xxxx3862 only.
		const elsewhere = await deliver({
			parameters: { businessPhones: '+852 6612 3456' },
			body,
			headers: signedWhatsAppHeaders(body),
		});
		expectAnsweredWithoutExecution(elsewhere.result, elsewhere.response, { received: true });
		const allowed = JSON.stringify({
			business_phone: '852 6612 3456',
			statuses: [{ id: 'x', status: 'failed' }],
		});
		const ok = await deliver({
			parameters: { businessPhones: '85266123456, 8613800138000' },
			body: allowed,
			headers: signedWhatsAppHeaders(allowed),
		});
		expect(itemCounts(ok.result.workflowData)[wa('failed')]).toBe(1);
		const other = JSON.stringify({
			business_phone: '85299999999',
			statuses: [{ id: 'x', status: 'failed' }],
		});
		const dropped = await deliver({
			parameters: { businessPhones: '85266123456' },
			body: other,
			headers: signedWhatsAppHeaders(other),
		});
		expectAnsweredWithoutExecution(dropped.result, dropped.response, { received: true });
	});

	it("emits the vendor's status examples that name no business number, unless told to drop them, and counts them", async () => {
		// 13 of the 26 status examples carry no business_phone, merchant_phone or metadata.
		const names = fixtureNames('whatsapp').filter((name) => name.startsWith('status-'));
		const phoneless = names.filter((name) => {
			const body = JSON.parse(fixtureBytes('whatsapp', name).toString('utf8'));
			return (
				body.business_phone === undefined &&
				body.merchant_phone === undefined &&
				body.metadata === undefined
			);
		});
		expect({ statuses: names.length, phoneless: phoneless.length }).toEqual({
			statuses: 26,
			phoneless: 13,
		});
		for (const name of phoneless) {
			const body = fixtureBytes('whatsapp', name);
			const kept = await deliver({
				parameters: { businessPhones: '85266123456' },
				body,
				headers: signedWhatsAppHeaders(body),
			});
			expect({
				name,
				emitted: itemCounts(kept.result.workflowData).reduce((a, b) => a + b, 0),
			}).toEqual({ name, emitted: 1 });
			expect(kept.logs).toContain(
				'debug: NXCloud Trigger "NXCloud Trigger": 1 event(s), 0 filtered out (1 without a business number, emitted), 0 redelivered, 1 emitted',
			);
			const dropped = await deliver({
				parameters: { businessPhones: '85266123456', unknownPhoneEvents: 'drop' },
				body,
				headers: signedWhatsAppHeaders(body),
			});
			expectAnsweredWithoutExecution(dropped.result, dropped.response, { received: true });
			expect(dropped.logs).toContain(
				'debug: NXCloud Trigger "NXCloud Trigger": 1 event(s), 1 filtered out (1 without a business number, dropped), 0 redelivered, 0 emitted',
			);
		}
	});

	it('refuses an unknown "Events Without a Business Number" value, naming the parameter', async () => {
		const body = fixtureBytes('whatsapp', 'status-read');
		const { response } = await deliver({
			parameters: { businessPhones: '85266123456', unknownPhoneEvents: 'maybe' },
			body,
			headers: signedWhatsAppHeaders(body),
		});
		expect(response).toMatchObject({ status: 500 });
		expect(response.json.error).toContain('"unknownPhoneEvents"');
	});

	it('answers Callbot with {"retCode":0} when nothing is left to emit', async () => {
		const body = fixtureBytes('callbot', 'task-filled');
		const { result, response } = await deliver({
			parameters: { source: 'callbot', callbotEvents: ['order'] },
			body,
			headers: signedCallbotHeaders(body),
		});
		expectAnsweredWithoutExecution(result, response, { retCode: 0 });
	});
});

describe('redeliveries', () => {
	it('drops a redelivered push and answers 200 (n8n) with the acknowledgement', async () => {
		const body = fixtureBytes('whatsapp', 'status-delivered');
		const staticData = {};
		const first = await deliver({ body, headers: signedWhatsAppHeaders(body), staticData });
		expect(itemCounts(first.result.workflowData)[wa('delivered')]).toBe(1);
		// NXCloud re-signs with a new ts: still the same event.
		const again = await deliver({
			body,
			headers: signedWhatsAppHeaders(body, { ts: String(Date.now() + 1) }),
			staticData,
		});
		expectAnsweredWithoutExecution(again.result, again.response, { received: true });
		expect(again.logs).toContain(
			'debug: NXCloud Trigger "NXCloud Trigger": 1 event(s), 0 filtered out, 1 redelivered, 0 emitted',
		);
	});

	it('emits only the new events of a push that repeats some', async () => {
		const staticData = {};
		const one = JSON.stringify({ statuses: [{ id: 'w1', status: 'sent' }] });
		await deliver({ body: one, headers: signedWhatsAppHeaders(one), staticData });
		const two = JSON.stringify({
			statuses: [
				{ id: 'w1', status: 'sent' },
				{ id: 'w1', status: 'delivered' },
			],
		});
		const { result } = await deliver({
			body: two,
			headers: signedWhatsAppHeaders(two),
			staticData,
		});
		expect(itemCounts(result.workflowData)).toEqual(waCounts({ delivered: 1 }));
		expect(staticData).toEqual({ redeliveryWindow: [expect.any(String), expect.any(String)] });
	});

	it('drops a redelivered Callbot order', async () => {
		const body = fixtureBytes('callbot', 'order-filled');
		const staticData = {};
		const parameters = { source: 'callbot' };
		await deliver({ parameters, body, headers: signedCallbotHeaders(body), staticData });
		const again = await deliver({
			parameters,
			body,
			headers: signedCallbotHeaders(body, { createTs: '1763888999' }),
			staticData,
		});
		expectAnsweredWithoutExecution(again.result, again.response, { retCode: 0 });
	});

	it('emits redeliveries when Drop Redeliveries is off, and stores nothing', async () => {
		const body = fixtureBytes('whatsapp', 'message-text');
		const staticData = {};
		for (let i = 0; i < 2; i++) {
			const { result } = await deliver({
				parameters: { dropRedeliveries: false },
				body,
				headers: signedWhatsAppHeaders(body),
				staticData,
			});
			expect(itemCounts(result.workflowData)[wa('message')]).toBe(1);
		}
		expect(staticData).toEqual({});
	});

	it('does not drop anything on the test URL ("Listen for test event" replays samples)', async () => {
		const body = fixtureBytes('whatsapp', 'message-text');
		const staticData = {};
		for (let i = 0; i < 2; i++) {
			const { result } = await deliver({
				mode: 'manual',
				body,
				headers: signedWhatsAppHeaders(body),
				staticData,
			});
			expect(itemCounts(result.workflowData)[wa('message')]).toBe(1);
		}
	});

	it('remembers only the last Redelivery Window events', async () => {
		const staticData = {};
		const push = (id: string) => JSON.stringify({ messages: [{ id, type: 'text' }] });
		for (const id of ['a', 'b', 'c']) {
			const body = push(id);
			await deliver({
				parameters: { redeliveryWindow: 2 },
				body,
				headers: signedWhatsAppHeaders(body),
				staticData,
			});
		}
		expect((staticData as any).redeliveryWindow).toHaveLength(2);
		const again = push('a');
		const { result } = await deliver({
			parameters: { redeliveryWindow: 2 },
			body: again,
			headers: signedWhatsAppHeaders(again),
			staticData,
		});
		expect(itemCounts(result.workflowData)[wa('message')]).toBe(1);
	});
});

describe('raw body', () => {
	/** The one read-status event of the fixture, on the Read output, acknowledged with 200 by n8n. */
	function expectReadStatusEmitted(
		result: Awaited<ReturnType<typeof deliver>>['result'],
		response: unknown,
	) {
		expect(result.noWebhookResponse).toBeUndefined();
		expect(itemCounts(result.workflowData)).toEqual(
			WHATSAPP_OUTPUTS.map((o) => (o === 'read' ? 1 : 0)),
		);
		expect(result.workflowData![WHATSAPP_OUTPUTS.indexOf('read')][0].json).toMatchObject({
			event: 'status.read',
		});
		expect(response).toMatchObject({ answeredBy: 'n8n', status: 200, json: { received: true } });
	}

	it('reads the raw body itself when n8n has not', async () => {
		const body = fixtureBytes('whatsapp', 'status-read');
		const { readCalls, result, response } = await deliver({
			body,
			headers: signedWhatsAppHeaders(body),
		});
		expect(readCalls()).toBe(1);
		expectReadStatusEmitted(result, response);
	});

	it('uses the raw body n8n already read, without reading again', async () => {
		const body = fixtureBytes('whatsapp', 'status-read');
		const { readCalls, result, response } = await deliver({
			body,
			headers: signedWhatsAppHeaders(body),
			bodyAlreadyRead: true,
		});
		expect(readCalls()).toBe(0);
		expectReadStatusEmitted(result, response);
	});

	it('takes the first value of a repeated header', async () => {
		const body = fixtureBytes('whatsapp', 'status-read');
		const headers = signedWhatsAppHeaders(body);
		const { result, response } = await deliver({
			body,
			headers: { ...headers, sign: [headers.sign, 'bogus'] },
		});
		expectReadStatusEmitted(result, response);
	});
});
