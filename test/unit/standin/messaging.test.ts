// WhatsApp messaging endpoints of the stand-in (§12 send, §14 read, §16 templates, §20 OTP): the
// action header each wants, body rules per message type, codes, template paging, and the status
// pushes built from what was sent. Signing here is this file's own few lines, from the spec.
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

import { type PostResult, type StandIn, post, standInSigning } from '../../support/standin';
import { ACCOUNTS, APPKEY, PHONE, start } from './client';

const USER = '8613800000001';

function callPath(
	standIn: StandIn,
	path: string,
	body: object | string,
	action: string,
	secret = ACCOUNTS.accessSecret,
): Promise<PostResult> {
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	const ts = Date.now().toString();
	const plaintext = `accessKey=${ACCOUNTS.accessKey}&action=${action}&bizType=2&ts=${ts}&body=${text}&accessSecret=${secret}`;
	const sign = createHash('md5').update(plaintext, 'utf8').digest('hex');
	const headers = {
		'Content-Type': 'application/json',
		accessKey: ACCOUNTS.accessKey,
		ts,
		bizType: '2',
		action,
		sign,
	};
	return post(`${standIn.url}${path}`, text, { headers });
}

const head = {
	appkey: APPKEY,
	business_phone: PHONE,
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to: USER,
};
const mt = (standIn: StandIn, body: object, action = 'mt') =>
	callPath(standIn, '/api/wa/mt', body, action);
const text = (extra: object = {}) => ({
	...head,
	type: 'text',
	text: { body: 'Hello', preview_url: false },
	...extra,
});

let standIn: StandIn;
beforeAll(async () => {
	standIn = await start();
});
beforeEach(() => standIn.reset());
afterAll(() => standIn.close());

async function refusal(result: Promise<PostResult>) {
	const json = (await result).json();
	return { code: json.code, reason: standIn.lastRequest()?.reason, data: json.data };
}

describe('signing vector of a send (§22)', () => {
	it('the stand-in signs the §22 body to the computed md5 and sha256 values', () => {
		const body =
			'{"appkey":"f543ertg","business_phone":"185xxxx8399","messaging_product":"whatsapp","recipient_type":"individual","to":"86136xxxx9759","type":"text","text":{"body":"text-message-content","preview_url":false}}';
		const parts = {
			accessKey: 'fme2na3kdi3ki',
			action: 'mt',
			bizType: '2',
			ts: '1655710885431',
			body,
			accessSecret: 'abciiiko2k3',
		};
		expect(standInSigning.openPlatformSign(parts, 'md5')).toBe('7ebbc0d6bebb495a7185304ca415442f');
		expect(standInSigning.openPlatformSign(parts, 'sha256')).toBe(
			'b907a1601a21c28576e656d70ce2e89c56572cc1c45a09ef6779cc199e1e6855',
		);
	});
});

describe('action header per endpoint (§11.1)', () => {
	it.each([
		['/api/wa/markMessageAsRead', 'markMessageAsRead'],
		['/api/wa/otp', 'otp'],
		['/api/wa/getTemplate', 'mt'],
		['/api/wa/mt', 'send'],
	])('%s with action "%s" is refused with 1002', async (path, action) => {
		const result = await refusal(callPath(standIn, path, {}, action));
		expect(result.code).toBe(1002);
	});

	it('a wrong secret is 1003 on the messaging endpoints too', async () => {
		expect((await refusal(callPath(standIn, '/api/wa/mt', text(), 'mt', 'wrong'))).code).toBe(1003);
	});
});

describe('send (/api/wa/mt)', () => {
	it('accepts a text and answers the message id; the message is kept with its body', async () => {
		const answer = (await mt(standIn, text())).json();
		expect(answer).toEqual({
			code: 0,
			message: 'Request successful',
			data: {
				messaging_product: 'whatsapp',
				messages: [{ id: expect.stringMatching(/^wamid\.[0-9a-f]{32}$/) }],
			},
			traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
		});
		const stored = standIn.state.messaging.message(answer.data.messages[0].id);
		expect(stored).toMatchObject({ to: USER, type: 'text', business_phone: PHONE, body: text() });
	});

	it('cus_message_id becomes the message id; using it again is refused (our assumption)', async () => {
		const first = (await mt(standIn, text({ cus_message_id: 'order-1' }))).json();
		expect(first.data.messages[0].id).toBe('order-1');
		const again = await refusal(mt(standIn, text({ cus_message_id: 'order-1' })));
		expect(again).toMatchObject({ code: 9000, reason: expect.stringMatching(/cus_message_id/) });
	});

	it.each([
		['missing to', text({ to: undefined }), 9000, /^to is missing/],
		['to with a plus', text({ to: '+8613800000001' }), 9000, /^to:/],
		['letters in business_phone', text({ business_phone: '86133abc' }), 9002, /business_phone/],
		['unbound business_phone', text({ business_phone: '8613399999999' }), 9006, /not bound/],
		['another app key', text({ appkey: 'other-app' }), 9006, /not bound to appkey/],
		['wrong recipient_type', text({ recipient_type: 'group' }), 9000, /recipient_type/],
		['unknown type', text({ type: 'contacts' }), 9000, /type/],
		['empty text', text({ text: { body: '   ' } }), 9000, /text\.body/],
		['preview_url as text', text({ text: { body: 'x', preview_url: 'yes' } }), 9000, /preview_url/],
		['dr_webhook not a URL', text({ dr_webhook: 'n8n trigger' }), 9000, /dr_webhook/],
		['context without message_id', text({ context: {} }), 9000, /context\.message_id/],
		[
			'media with neither link nor id',
			{ ...head, type: 'image', image: { caption: 'x' } },
			9000,
			/image\.link or image\.id/,
		],
		[
			'media link not http',
			{ ...head, type: 'video', video: { link: 'ftp://x/y.mp4' } },
			9000,
			/video\.link/,
		],
		[
			'reaction without meta_message_id',
			{ ...head, type: 'reaction', reaction: { message_id: 'wamid.A', emoji: '👍' } },
			9000,
			/meta_message_id/,
		],
		[
			'template policy',
			{
				...head,
				type: 'template',
				template: { name: 't', language: { code: 'en', policy: 'fallback' } },
			},
			9000,
			/policy/,
		],
		[
			'template button index as a number',
			{
				...head,
				type: 'template',
				template: {
					name: 't',
					language: { code: 'en', policy: 'deterministic' },
					components: [
						{
							type: 'button',
							sub_type: 'url',
							index: 0,
							parameters: [{ type: 'text', text: 'x' }],
						},
					],
				},
			},
			9000,
			/index/,
		],
		[
			'template body with a payload parameter',
			{
				...head,
				type: 'template',
				template: {
					name: 't',
					language: { code: 'en', policy: 'deterministic' },
					components: [{ type: 'body', parameters: [{ type: 'payload', payload: 'x' }] }],
				},
			},
			9000,
			/not allowed in a body/,
		],
	])('%s → %i', async (_name, body, code, reason) => {
		const result = await refusal(mt(standIn, body));
		expect(result.code).toBe(code);
		expect(result.reason).toMatch(reason);
		expect(result.data).toBeNull();
		expect(standIn.state.messaging.messages()).toHaveLength(0);
	});

	it.each([
		['text over 4096 characters', text({ text: { body: 'x'.repeat(4097) } }), 100],
		[
			'link and id together',
			{ ...head, type: 'image', image: { link: 'https://e.com/a.png', id: 'm1' } },
			100,
		],
		['caption on audio', { ...head, type: 'audio', audio: { id: 'm1', caption: 'x' } }, 100],
		[
			'four reply buttons',
			{
				...head,
				type: 'interactive',
				interactive: {
					type: 'button',
					body: { text: 'Pick' },
					action: {
						buttons: [1, 2, 3, 4].map((n) => ({
							type: 'reply',
							reply: { id: `b${n}`, title: `B${n}` },
						})),
					},
				},
			},
			131009,
		],
		[
			'a list of 11 rows',
			{
				...head,
				type: 'interactive',
				interactive: {
					type: 'list',
					body: { text: 'Pick' },
					action: {
						button: 'Menu',
						sections: [
							{
								title: 'All',
								rows: Array.from({ length: 11 }, (_, n) => ({ id: `r${n}`, title: `R${n}` })),
							},
						],
					},
				},
			},
			131009,
		],
	])('%s → 9099 with Meta error %i in data.error', async (_name, body, metaCode) => {
		const answer = (await mt(standIn, body)).json();
		expect(answer).toMatchObject({
			code: 9099,
			message: 'WhatsApp error',
			data: {
				error: {
					code: metaCode,
					type: 'OAuthException',
					error_data: { messaging_product: 'whatsapp' },
				},
			},
		});
	});

	it('accepts every free-form type in the documented shapes', async () => {
		const bodies = [
			{ type: 'image', image: { link: 'https://e.com/a.png', caption: 'A' } },
			{ type: 'video', video: { id: '5867096a-a9be-4a56-94d6-89377623b4ac' } },
			{ type: 'audio', audio: { id: 'm1' } },
			{
				type: 'document',
				document: { link: 'https://e.com/a.pdf', filename: 'a.pdf', caption: 'Invoice' },
			},
			{ type: 'sticker', sticker: { link: 'https://e.com/s.webp' } },
			{
				type: 'location',
				location: { latitude: '22.55', longitude: 114.05, name: 'HQ', address: 'Road 1' },
			},
			{
				type: 'interactive',
				interactive: {
					type: 'button',
					body: { text: 'Pick' },
					action: { buttons: [{ type: 'reply', reply: { id: 'y', title: 'Yes' } }] },
				},
			},
			{
				type: 'interactive',
				interactive: {
					type: 'list',
					header: { type: 'text', text: 'Menu' },
					body: { text: 'Pick' },
					footer: { text: 'f' },
					action: {
						button: 'Open',
						sections: [
							{ title: 'A', rows: [{ id: '1', title: 'One', description: 'd' }] },
							{ title: 'B', rows: [{ id: '2', title: 'Two' }] },
						],
					},
				},
			},
			{
				type: 'reaction',
				reaction: { message_id: 'wamid.A', meta_message_id: 'wamid.HBgA', emoji: '👍' },
			},
		];
		for (const body of bodies) {
			const answer = (await mt(standIn, { ...head, ...body })).json();
			expect({ type: body.type, code: answer.code, reason: standIn.lastRequest()?.reason }).toEqual(
				{ type: body.type, code: 0, reason: undefined },
			);
		}
		expect(standIn.state.messaging.messages()).toHaveLength(bodies.length);
	});
});

describe('what Meta would fail later shows in the status push', () => {
	const tmpl = (components?: object[]) => ({
		...head,
		type: 'template',
		template: {
			name: 'order_update',
			language: { code: 'en_US', policy: 'deterministic' },
			components,
		},
	});
	beforeEach(() => {
		standIn.state.whatsApp.templates.add(PHONE, {
			name: 'order_update',
			language: 'en_US',
			components: [
				{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
				{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} ships today.' },
				{
					type: 'BUTTONS',
					buttons: [{ type: 'URL', text: 'Track', url: 'https://e.com/t/{{1}}' }],
				},
			],
		});
	});

	it('a free-form message outside the 24-hour window fails with 131047; after an inbound message it is sent', async () => {
		const outside = (await mt(standIn, text())).json().data.messages[0].id;
		expect(standIn.state.messaging.statusPush(outside)).toMatchObject({
			statuses: [{ id: outside, status: 'failed', recipient_id: USER, errors: [{ code: 131047 }] }],
			business_phone: PHONE,
		});
		standIn.state.messaging.inboundText({
			from: USER,
			business_phone: PHONE,
			text: 'hi',
			secondsAgo: 60,
		});
		const inside = (await mt(standIn, text())).json().data.messages[0].id;
		const push = standIn.state.messaging.statusPush(inside) as {
			statuses: Array<Record<string, unknown>>;
		};
		expect(push.statuses[0]).toMatchObject({
			id: inside,
			status: 'sent',
			meta_message_id: expect.stringMatching(/^wamid\.HBg/),
		});
		expect(push.statuses[0].errors).toBeUndefined();
	});

	it('a template with the right parameter counts is sent, at any time', async () => {
		const id = (
			await mt(
				standIn,
				tmpl([
					{ type: 'header', parameters: [{ type: 'text', text: 'A1' }] },
					{
						type: 'body',
						parameters: [
							{ type: 'text', text: 'Ana' },
							{ type: 'text', text: 'A1' },
						],
					},
					{
						type: 'button',
						sub_type: 'url',
						index: '0',
						parameters: [{ type: 'text', text: 'A1' }],
					},
				]),
			)
		).json().data.messages[0].id;
		expect(standIn.state.messaging.firstStatus(id)).toBe('sent');
	});

	it.each([
		[
			'a body variable short',
			[
				{ type: 'header', parameters: [{ type: 'text', text: 'A1' }] },
				{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] },
				{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'A1' }] },
			],
			132000,
		],
		['no components', undefined, 132000],
	])('%s → failed 10000 / meta_code %i', async (_name, components, metaCode) => {
		const id = (await mt(standIn, tmpl(components))).json().data.messages[0].id;
		expect(standIn.state.messaging.statusPush(id)).toMatchObject({
			statuses: [{ status: 'failed', errors: [{ code: 10000, meta_code: metaCode }] }],
		});
	});

	it('an unknown template is accepted and fails with 132001', async () => {
		const body = {
			...head,
			type: 'template',
			template: { name: 'nope', language: { code: 'en_US', policy: 'deterministic' } },
		};
		const id = (await mt(standIn, body)).json().data.messages[0].id;
		expect(standIn.state.messaging.statusPush(id)).toMatchObject({
			statuses: [{ status: 'failed', errors: [{ meta_code: 132001 }] }],
		});
	});
});

describe('mark as read (/api/wa/markMessageAsRead, action "read")', () => {
	const body = {
		business_phone: PHONE,
		messaging_product: 'whatsapp',
		message_id: 'ABGHhhdgYFCBnwIQNkLO2ipL1_ZpZ41mwgMHEg',
		status: 'read',
	};
	it('answers data null and records the mark; needs no appkey', async () => {
		const answer = (await callPath(standIn, '/api/wa/markMessageAsRead', body, 'read')).json();
		expect(answer).toMatchObject({ code: 0, data: null });
		expect(standIn.state.messaging.readMarks()).toEqual([
			{ business_phone: PHONE, message_id: body.message_id, at: expect.any(Number) },
		]);
	});
	it.each([
		[{ status: 'delivered' }, 9000],
		[{ message_id: '' }, 9000],
		[{ business_phone: '8613399999999' }, 9006],
	])('%j → %i', async (override, code) => {
		expect(
			(
				await refusal(
					callPath(standIn, '/api/wa/markMessageAsRead', { ...body, ...override }, 'read'),
				)
			).code,
		).toBe(code);
	});
});

describe('OTP (/api/wa/otp, action "mt")', () => {
	const body = {
		appkey: APPKEY,
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to: USER,
		category: 'AUTHENTICATION',
		content: '189384',
		language_code: 'en',
	};
	it('accepts without business_phone (number pool) and answers a message id', async () => {
		const answer = (await callPath(standIn, '/api/wa/otp', body, 'mt')).json();
		expect(answer).toMatchObject({ code: 0, data: { messages: [{ id: expect.any(String) }] } });
		expect(standIn.state.messaging.message(answer.data.messages[0].id)).toMatchObject({
			endpoint: 'otp',
			to: USER,
		});
	});
	it.each([
		[{ content: 'abc' }, 9000],
		[{ category: 'MARKETING' }, 9000],
		[{ language_code: '' }, 9000],
		[{ appkey: 'no-such-app' }, 9003],
		[{ business_phone: '8613399999999' }, 9006],
	])('%j → %i', async (override, code) => {
		expect(
			(await refusal(callPath(standIn, '/api/wa/otp', { ...body, ...override }, 'mt'))).code,
		).toBe(code);
	});
});

describe('templates (/api/wa/getTemplate)', () => {
	const ask = (extra: object = {}) =>
		callPath(
			standIn,
			'/api/wa/getTemplate',
			{ appkey: APPKEY, business_phone: PHONE, messaging_product: 'whatsapp', ...extra },
			'getTemplate',
		);
	beforeEach(() => {
		for (const [name, language] of [
			['a_first', 'en_US'],
			['b_second', 'en_US'],
			['b_second', 'zh_CN'],
		]) {
			standIn.state.whatsApp.templates.add(PHONE, {
				name,
				language,
				components: [{ type: 'BODY', text: 'Hi {{1}}' }],
			});
		}
	});

	it('pages with the after cursor; next is present only while there is more', async () => {
		const first = (await ask({ limit: 2 })).json().data;
		expect(
			first.data.map((t: { name: string; language: string }) => `${t.name}/${t.language}`),
		).toEqual(['a_first/en_US', 'b_second/en_US']);
		expect(first.paging.next).toEqual(expect.stringContaining('graph.facebook.com'));
		const second = (await ask({ limit: 2, after: first.paging.cursors.after })).json().data;
		expect(second.data.map((t: { language: string }) => t.language)).toEqual(['zh_CN']);
		expect(second.paging.next).toBeUndefined();
		expect(second.data[0]).toMatchObject({
			id: expect.any(String),
			status: 'APPROVED',
			category: 'UTILITY',
			components: [{ type: 'BODY', text: 'Hi {{1}}' }],
		});
	});

	it('the name filter returns every language of that name; default page size 20', async () => {
		const named = (await ask({ name: 'b_second' })).json().data;
		expect(named.data).toHaveLength(2);
		expect((await ask()).json().data.data).toHaveLength(3);
	});

	it.each([
		[{ after: 'not-ours' }, 9000],
		[{ limit: 0 }, 9000],
		[{ appkey: 'other' }, 9006],
		[{ messaging_product: 'sms' }, 9000],
	])('%j → %i', async (extra, code) => {
		expect((await refusal(ask(extra))).code).toBe(code);
	});
});

describe('pushStatuses: the first status goes to dr_webhook, signed', () => {
	it('posts a sent status for the message id with a valid signature', async () => {
		const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
		const hook = createServer((req, res) => {
			let body = '';
			req.on('data', (chunk) => (body += chunk));
			req.on('end', () => {
				received.push({ headers: req.headers, body });
				res.end('ok');
			});
		});
		await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
		const pushing = await start({ pushStatuses: true });
		try {
			pushing.state.messaging.inboundText({ from: USER, business_phone: PHONE, text: 'hi' });
			const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/status`;
			const id = (
				await mt(pushing, text({ dr_webhook: url, biz_opaque_callback_data: 'crm-42' }))
			).json().data.messages[0].id;
			for (let k = 0; k < 100 && received.length === 0; k++)
				await new Promise((r) => setTimeout(r, 20));
			expect(received).toHaveLength(1);
			const push = JSON.parse(received[0].body);
			expect(push.statuses[0]).toMatchObject({
				id,
				status: 'sent',
				recipient_id: USER,
				biz_opaque_callback_data: 'crm-42',
			});
			const h = received[0].headers;
			const plaintext = `accessKey=${h.accesskey}&action=${h.action}&bizType=${h.biztype}&ts=${h.ts}&body=${received[0].body}&accessSecret=${ACCOUNTS.accessSecret}`;
			expect(h.sign).toBe(createHash('md5').update(plaintext, 'utf8').digest('hex'));
			expect(pushing.state.messaging.deliveries).toEqual([
				{ url, messageId: id, status: 'sent', httpStatus: 200 },
			]);
		} finally {
			await pushing.close();
			await new Promise((resolve) => hook.close(resolve));
		}
	});
});
