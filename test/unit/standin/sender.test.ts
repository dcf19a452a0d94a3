// NXCloud as sender: signed WhatsApp pushes (docs/vendor-api.md §2.2) and Callbot callbacks (docs/vendor-api.md §5.5) to a local receiver,
// verified here with an independent construction.
import { createHash } from 'node:crypto';
import { type IncomingHttpHeaders, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { StandIn } from '../../support/standin';
import { ACCOUNTS, callbotSignOf, start } from './client';

interface Received {
	headers: IncomingHttpHeaders;
	body: string;
}

let standIn: StandIn;
let receiver: Server;
let url: string;
const received: Received[] = [];

beforeAll(async () => {
	standIn = await start();
	receiver = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"retCode":0}');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
beforeEach(() => {
	received.length = 0;
});
afterAll(async () => {
	await standIn.close();
	await new Promise((resolve) => receiver.close(resolve));
});

const pushSign = (
	h: IncomingHttpHeaders,
	body: string,
	digest: string,
	secret = ACCOUNTS.accessSecret,
): string =>
	createHash(digest)
		.update(
			`accessKey=${h.accesskey}&action=${h.action}&bizType=${h.biztype}&ts=${h.ts}${body ? `&body=${body}` : ''}&accessSecret=${secret}`,
			'utf8',
		)
		.digest('hex');

const statusPush = {
	statuses: [
		{ id: 'wamid.1', status: 'read', timestamp: '1660019990', recipient_id: '86176xxxx0819' },
	],
};

describe('pushWhatsApp', () => {
	it.each(['md5', 'sha256'] as const)(
		'signs with %s, sends the six headers and the exact body',
		async (algorithm) => {
			const res = await standIn.sender.pushWhatsApp(url, statusPush, { algorithm });
			expect(res.status).toBe(200);
			expect(res.text()).toBe('{"retCode":0}');
			const [{ headers, body }] = received;
			expect(body).toBe(JSON.stringify(statusPush));
			expect(headers).toMatchObject({
				accesskey: ACCOUNTS.accessKey,
				action: 'mt',
				biztype: '2',
				algorithm,
				'content-type': 'application/json',
			});
			expect(String(headers.ts)).toMatch(/^\d{13}$/);
			expect(Math.abs(Date.now() - Number(headers.ts))).toBeLessThan(5000);
			expect(headers.sign).toBe(pushSign(headers, body, algorithm));
			expect(res.sent.body).toBe(body);
		},
	);

	it('sends a string body byte for byte (pretty-printed, non-ASCII)', async () => {
		const text = '{\n  "messages": [ { "text": { "body": "牛小信" } } ]\n}';
		await standIn.sender.pushWhatsApp(url, text, { ts: '1655710885431' });
		const [{ headers, body }] = received;
		expect(body).toBe(text);
		expect(headers.ts).toBe('1655710885431');
		expect(headers.sign).toBe(pushSign(headers, text, 'md5'));
	});

	it('reproduces the derived docs/vendor-api.md §2.2 vector', async () => {
		await standIn.sender.pushWhatsApp(url, '{"name":"牛小信","id":10001}', {
			action: 'send',
			bizType: '1',
			ts: '1655710885431',
		});
		expect(received[0].headers.sign).toBe('87c3560d3331ae23f1021e2025722354');
	});

	it.each([
		[
			'body',
			(h: IncomingHttpHeaders, b: string) => {
				expect(b.endsWith(' ')).toBe(true);
				expect(h.sign).toBe(pushSign(h, b.slice(0, -1), 'md5'));
			},
		],
		['sign', (h: IncomingHttpHeaders, b: string) => expect(h.sign).not.toBe(pushSign(h, b, 'md5'))],
		[
			'secret',
			(h: IncomingHttpHeaders, b: string) =>
				expect(h.sign).toBe(pushSign(h, b, 'md5', `${ACCOUNTS.accessSecret}x`)),
		],
		[
			'timestamp',
			(h: IncomingHttpHeaders, b: string) =>
				expect(h.sign).toBe(pushSign({ ...h, ts: String(Number(h.ts) - 1) }, b, 'md5')),
		],
	] as const)('tamper %s breaks the signature that way', async (tamper, check) => {
		await standIn.sender.pushWhatsApp(url, statusPush, { tamper });
		const [{ headers, body }] = received;
		expect(headers.sign).not.toBe(pushSign(headers, body, 'md5'));
		check(headers, body);
	});

	it('unsigned: no signature headers; headers can be overridden and omitted', async () => {
		await standIn.sender.pushWhatsApp(url, statusPush, { signed: false });
		expect(received[0].headers).not.toHaveProperty('sign');
		expect(received[0].headers).not.toHaveProperty('accesskey');
		await standIn.sender.pushWhatsApp(url, statusPush, {
			omitHeaders: ['TS'],
			headers: { algorithm: 'SHA256', 'x-extra': '1' },
			algorithm: 'sha256',
		});
		expect(received[1].headers).not.toHaveProperty('ts');
		expect(received[1].headers).toMatchObject({ algorithm: 'SHA256', 'x-extra': '1' });
		await standIn.sender.pushWhatsApp(url, statusPush, { algorithmHeader: null });
		expect(received[2].headers).not.toHaveProperty('algorithm');
	});
});

describe('callbotCallback', () => {
	const order = { callbackType: '2', orderID: 'o-1', finish: true };

	it.each(['MD5', 'SHA256'] as const)(
		'signs with %s: requestID, uuid, createTs (s), uppercase sign',
		async (algorithm) => {
			await standIn.sender.callbotCallback(url, order, { algorithm, requestID: 'cb-1' });
			const [{ headers, body }] = received;
			expect(body).toBe(JSON.stringify(order));
			expect(headers).toMatchObject({ requestid: 'cb-1', uuid: ACCOUNTS.callbotUuid });
			expect(String(headers.createts)).toMatch(/^\d{10}$/);
			expect(headers).not.toHaveProperty('algorithm');
			expect(headers.sign).toBe(
				callbotSignOf(
					ACCOUNTS.callbotSecretKey,
					body,
					String(headers.createts),
					'cb-1',
					ACCOUNTS.callbotUuid,
					algorithm,
				),
			);
		},
	);

	it('options: createTs, algorithm header, lowercase sign, tampering', async () => {
		await standIn.sender.callbotCallback(url, order, {
			createTs: '1700000000',
			algorithmHeader: 'MD5',
			lowercaseSign: true,
		});
		const h = received[0].headers;
		expect(h.createts).toBe('1700000000');
		expect(h.algorithm).toBe('MD5');
		expect(h.sign).toBe(
			callbotSignOf(
				ACCOUNTS.callbotSecretKey,
				received[0].body,
				'1700000000',
				String(h.requestid),
				ACCOUNTS.callbotUuid,
				'MD5',
			).toLowerCase(),
		);
		await standIn.sender.callbotCallback(url, order, { tamper: 'secret' });
		const t = received[1];
		expect(t.headers.sign).toBe(
			callbotSignOf(
				`${ACCOUNTS.callbotSecretKey}x`,
				t.body,
				String(t.headers.createts),
				String(t.headers.requestid),
				ACCOUNTS.callbotUuid,
				'MD5',
			),
		);
	});

	it('a callback body from the model goes out as built', async () => {
		const payload = { callbackType: 3, orderID: 'x', callInfoDetail: { callID: 'c', intents: [] } };
		const res = await standIn.sender.callbotCallback(url, JSON.stringify(payload));
		expect(res.sent.body).toBe(JSON.stringify(payload));
		expect(JSON.parse(received[0].body)).toEqual(payload);
	});
});
