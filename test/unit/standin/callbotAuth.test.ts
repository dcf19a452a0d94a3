// Callbot authentication over HTTP (docs/vendor-api.md §5.2–§5.4): refusals, accepted digests, signed responses, ping.
import type { StandIn } from '../../support/standin';
import { ACCOUNTS, callCallbot, callbotSignOf, start } from './client';

let standIn: StandIn;
beforeAll(async () => {
	standIn = await start();
});
afterAll(() => standIn.close());

const ping = { data: 'ping' };

/** ping refuses in its own envelope ({data, timestamp, code, msg, reqId}), never with retCode. */
function expectRet(json: any, code: number, msg: string, data: unknown = 'ping'): void {
	expect(json).toMatchObject({ data, timestamp: expect.any(Number), code, msg });
	expect(Object.keys(json).sort()).toEqual(['code', 'data', 'msg', 'reqId', 'timestamp']);
	expect(json).not.toHaveProperty('retCode');
}

describe('refusals', () => {
	it('missing sign → 6001', async () => {
		const res = await callCallbot(standIn, 'ping', ping, { headers: { sign: undefined } });
		expect(res.status).toBe(200);
		expectRet(res.json(), 6001, 'Signature missing');
	});

	it.each(['requestID', 'uuid', 'createTs'])('missing %s → 2 naming it', async (header) => {
		const res = await callCallbot(standIn, 'ping', ping, { headers: { [header]: undefined } });
		expectRet(res.json(), 2, `Missing parameter: ${header}`);
	});

	it('unknown uuid → 6002', async () => {
		const res = await callCallbot(standIn, 'ping', ping, { uuid: 'someone-else' });
		expectRet(res.json(), 6002, 'Account does not exist');
		// No secret for that uuid, so the answer cannot be signed.
		expect(res.headers.sign).toBeUndefined();
	});

	it('wrong secret → 6', async () => {
		const res = await callCallbot(standIn, 'ping', ping, { secret: 'wrong' });
		expectRet(res.json(), 6, 'Signature incorrect');
		expect(standIn.lastRequest()!.reason).toBe('sign does not match (MD5 of the received body)');
	});

	it('lowercase hex sign → 6 (the vendor specifies uppercase)', async () => {
		const res = await callCallbot(standIn, 'ping', ping, { lowercaseSign: true });
		expectRet(res.json(), 6, 'Signature incorrect');
		expect(standIn.lastRequest()!.reason).toMatch(/lowercase/);
	});

	it.each([
		['301 s old', () => String(Math.floor(Date.now() / 1000) - 301)],
		['301 s ahead', () => String(Math.floor(Date.now() / 1000) + 301)],
		['in milliseconds', () => String(Date.now())],
	])('createTs %s → 6', async (_name, createTs) => {
		const res = await callCallbot(standIn, 'ping', ping, { createTs: createTs() });
		expectRet(res.json(), 6, 'Signature incorrect');
	});

	it('SHA256 sign without the algorithm header → 6; MD5 sign announced as SHA256 → 6', async () => {
		expectRet(
			(
				await callCallbot(standIn, 'ping', ping, { algorithm: 'SHA256', algorithmHeader: null })
			).json(),
			6,
			'Signature incorrect',
		);
		expectRet(
			(
				await callCallbot(standIn, 'ping', ping, { algorithm: 'MD5', algorithmHeader: 'SHA256' })
			).json(),
			6,
			'Signature incorrect',
		);
	});

	it('unknown algorithm → 6', async () => {
		expectRet(
			(await callCallbot(standIn, 'ping', ping, { algorithmHeader: 'SHA1' })).json(),
			6,
			'Signature incorrect',
		);
	});

	it('body not JSON (but signed) → 3', async () => {
		expectRet(
			(await callCallbot(standIn, 'ping', 'data=ping')).json(),
			3,
			'Parameter format error: body must be a JSON object',
			null,
		);
	});
});

describe('accepted', () => {
	it.each([
		['MD5', 'MD5'],
		['SHA256', 'SHA256'],
		['SHA256', 'sha256'],
		['MD5', null],
	] as const)(
		'%s sign, algorithm header %p; ping echoes data',
		async (algorithm, algorithmHeader) => {
			const before = Math.floor(Date.now() / 1000);
			const res = await callCallbot(
				standIn,
				'ping',
				{ data: 'hello 牛' },
				{ algorithm, algorithmHeader, requestID: 'req-1' },
			);
			expect(res.json()).toEqual({
				data: 'hello 牛',
				timestamp: expect.any(Number),
				code: 0,
				msg: 'success',
				reqId: 'req-1',
			});
			expect(res.json().timestamp).toBeGreaterThanOrEqual(before);
			expect(standIn.lastRequest()!.retCode).toBe(0);
		},
	);

	it('a 290 s old createTs is inside the window', async () => {
		const res = await callCallbot(standIn, 'ping', ping, {
			createTs: String(Math.floor(Date.now() / 1000) - 290),
		});
		expect(res.json().code).toBe(0);
	});

	it('response headers are signed back over the response body (docs/vendor-api.md §5.4)', async () => {
		const res = await callCallbot(standIn, 'ping', ping, {
			algorithm: 'SHA256',
			requestID: 'abc123',
		});
		const h = res.headers;
		expect(h.requestid).toBe('abc123');
		expect(h.uuid).toBe(ACCOUNTS.callbotUuid);
		expect(h.algorithm).toBe('SHA256');
		expect(String(h.createts)).toMatch(/^\d{10}$/);
		const expected = callbotSignOf(
			ACCOUNTS.callbotSecretKey,
			res.text(),
			String(h.createts),
			'abc123',
			ACCOUNTS.callbotUuid,
			'SHA256',
		);
		expect(h.sign).toBe(expected);
	});

	it('refusals from a known account are signed too', async () => {
		const res = await callCallbot(standIn, 'ping', ping, { secret: 'wrong', requestID: 'r2' });
		const expected = callbotSignOf(
			ACCOUNTS.callbotSecretKey,
			res.text(),
			String(res.headers.createts),
			'r2',
			ACCOUNTS.callbotUuid,
			'MD5',
		);
		expect(res.headers.sign).toBe(expected);
	});

	it("lowercase signs pass with callbotSignCase: 'any'", async () => {
		const lenient = await start({ callbotSignCase: 'any' });
		try {
			expect((await callCallbot(lenient, 'ping', ping, { lowercaseSign: true })).json().code).toBe(
				0,
			);
		} finally {
			await lenient.close();
		}
	});
});
