// Open-platform authentication over HTTP: each documented refusal (docs/vendor-api.md §1.6) and the accepted cases.
import { createHash } from 'node:crypto';

import type { StandIn } from '../../support/standin';
import { APPKEY, PHONE, callOpen, start } from './client';

const body = { appkey: APPKEY, business_phone: PHONE };

let standIn: StandIn;
beforeAll(async () => {
	standIn = await start();
	standIn.state.calling.setConfig(PHONE, {
		status: 1,
		region: 'SG',
		icon_status: 1,
		permission_status: 0,
		recording_status: 0,
		hours_status: 0,
		customer_sip_addr: [{ host: '34.56.78.90', port: 5060, type: 1 }],
	});
});
afterAll(() => standIn.close());

function expectEnvelope(json: any, code: number, message: string): void {
	expect(json).toEqual({ code, message, traceId: expect.stringMatching(/^[0-9a-f]{32}$/) });
}

describe('refusals', () => {
	it.each(['accessKey', 'ts', 'bizType', 'action', 'sign'])('missing %s → 1001', async (header) => {
		const res = await callOpen(standIn, 'get', body, { headers: { [header]: undefined } });
		expect(res.status).toBe(200);
		expectEnvelope(res.json(), 1001, 'Missing common parameters');
		expect(standIn.lastRequest()!.reason).toBe(`missing header ${header}`);
	});

	it('an empty header value counts as missing → 1001', async () => {
		const res = await callOpen(standIn, 'get', body, { headers: { sign: '' } });
		expectEnvelope(res.json(), 1001, 'Missing common parameters');
	});

	it.each([
		['text/plain', 'text/plain'],
		['form', 'application/x-www-form-urlencoded'],
	])('Content-Type %s → 1003', async (_name, contentType) => {
		const res = await callOpen(standIn, 'get', body, { contentType });
		expectEnvelope(res.json(), 1003, 'Invalid signature');
	});

	it('no Content-Type → 1003', async () => {
		const res = await callOpen(standIn, 'get', body, { contentType: null });
		expectEnvelope(res.json(), 1003, 'Invalid signature');
	});

	it.each([
		['61 s old', () => String(Date.now() - 61_000)],
		['61 s ahead', () => String(Date.now() + 61_000)],
		['in seconds', () => String(Math.floor(Date.now() / 1000))],
		['not a number', () => 'yesterday'],
	])('ts %s → 1004', async (_name, ts) => {
		const res = await callOpen(standIn, 'get', body, { ts: ts() });
		expectEnvelope(res.json(), 1004, 'Timestamp expired');
	});

	it('ts 50 s old is still accepted', async () => {
		const res = await callOpen(standIn, 'get', body, { ts: String(Date.now() - 50_000) });
		expect(res.json().code).toBe(0);
	});

	it('unknown accessKey → 1005', async () => {
		const res = await callOpen(standIn, 'get', body, { accessKey: 'nobody' });
		expectEnvelope(res.json(), 1005, 'Insufficient permissions');
	});

	it.each([
		['bizType 1', { bizType: '1' }],
		['action send', { action: 'send' }],
	])('%s on a calling endpoint → 1002', async (_name, o) => {
		const res = await callOpen(standIn, 'get', body, o);
		expectEnvelope(res.json(), 1002, 'Parameter error');
	});

	it('wrong secret → 1003', async () => {
		const res = await callOpen(standIn, 'get', body, { secret: 'not-the-secret' });
		expectEnvelope(res.json(), 1003, 'Invalid signature');
		expect(standIn.lastRequest()!.reason).toBe('sign does not match the md5 of the received body');
	});

	it('body sent differs from body signed (a trailing newline) → 1003', async () => {
		const text = JSON.stringify(body);
		const ts = Date.now().toString();
		// Sign one string, send another: what a re-serialising client does.
		const sign = createHash('md5')
			.update(
				`accessKey=fme2na3kdi3ki&action=mt&bizType=2&ts=${ts}&body=${text}&accessSecret=abciiiko2k3`,
			)
			.digest('hex');
		expect((await callOpen(standIn, 'get', text, { ts, headers: { sign } })).json().code).toBe(0);
		const res = await callOpen(standIn, 'get', `${text}\n`, { ts, headers: { sign } });
		expectEnvelope(res.json(), 1003, 'Invalid signature');
	});

	it('sha256 sign with the algorithm header left out (so md5 is expected) → 1003', async () => {
		const res = await callOpen(standIn, 'get', body, {
			algorithm: 'sha256',
			algorithmHeader: null,
		});
		expectEnvelope(res.json(), 1003, 'Invalid signature');
	});

	it('md5 sign announced as sha256 → 1003', async () => {
		const res = await callOpen(standIn, 'get', body, {
			algorithm: 'md5',
			algorithmHeader: 'sha256',
		});
		expectEnvelope(res.json(), 1003, 'Invalid signature');
	});

	it('an unknown algorithm value → 1003 (our choice for requests)', async () => {
		const res = await callOpen(standIn, 'get', body, { algorithmHeader: 'SHA-256' });
		expectEnvelope(res.json(), 1003, 'Invalid signature');
		expect(standIn.lastRequest()!.reason).toBe('unsupported algorithm "SHA-256"');
	});

	it('checks run in the documented order: a missing header wins over everything', async () => {
		const res = await callOpen(standIn, 'get', body, {
			contentType: 'text/plain',
			ts: '1',
			accessKey: 'nobody',
			headers: { sign: undefined },
		});
		expect(res.json().code).toBe(1001);
	});
});

describe('accepted', () => {
	const ok = (json: any): void => {
		expect(json).toMatchObject({
			code: 0,
			message: 'Success',
			data: { business_phone: PHONE, status: 1 },
		});
		expect(json.traceId).toMatch(/^[0-9a-f]{32}$/);
	};

	it('md5 with algorithm header "md5"', async () =>
		ok((await callOpen(standIn, 'get', body)).json()));
	it('md5 without an algorithm header (the default)', async () =>
		ok((await callOpen(standIn, 'get', body, { algorithmHeader: null })).json()));
	it('sha256 with algorithm header "sha256"', async () =>
		ok((await callOpen(standIn, 'get', body, { algorithm: 'sha256' })).json()));
	it('sha256 with algorithm header "SHA256" (case-insensitive)', async () =>
		ok(
			(
				await callOpen(standIn, 'get', body, { algorithm: 'sha256', algorithmHeader: 'SHA256' })
			).json(),
		));
	it('an uppercase hex sign (compared ignoring case)', async () =>
		ok((await callOpen(standIn, 'get', body, { uppercaseSign: true })).json()));
	it('Content-Type with a charset parameter', async () =>
		ok(
			(
				await callOpen(standIn, 'get', body, { contentType: 'application/json; charset=UTF-8' })
			).json(),
		));
	it('header names in any case', async () => {
		const res = await callOpen(standIn, 'get', body, { algorithm: 'sha256' });
		expect(res.json().code).toBe(0);
		const record = standIn.lastRequest()!;
		// Node lowercases names on arrival; the stand-in must not depend on the sender's casing.
		expect(record.headers.accesskey).toBe('fme2na3kdi3ki');
	});
	it('non-ASCII body signed as UTF-8', async () => {
		const res = await callOpen(
			standIn,
			'get',
			`{"appkey":"${APPKEY}","business_phone":"${PHONE}","note":"牛小信"}`,
		);
		expect(res.json().code).toBe(0);
	});
	it('a non-JSON body that is correctly signed → 9000', async () => {
		const res = await callOpen(standIn, 'get', 'appkey=pem28kje');
		expectEnvelope(res.json(), 9000, 'Request parameter error: body is not valid JSON');
	});
});
