// Injected faults: each kind, matching, counting, afterHandling, and that the fault is recorded.
import { type StandIn, post } from '../../support/standin';
import {
	ACCOUNTS,
	APPKEY,
	PHONE,
	callCallbot,
	callInfoBody,
	callOpen,
	callbotSignOf,
	createTaskBody,
	start,
} from './client';

let standIn: StandIn;
beforeAll(async () => {
	standIn = await start();
});
beforeEach(() => standIn.reset());
afterAll(() => standIn.close());

const ping = (): ReturnType<typeof callCallbot> =>
	callCallbot(standIn, 'ping', { data: 'p' }, { requestID: 'fr' });

it('status: 503 with a body, once, then normal again', async () => {
	standIn.failNext({ kind: 'status', status: 503, body: 'upstream down' });
	const failed = await ping();
	expect(failed.status).toBe(503);
	expect(failed.text()).toBe('upstream down');
	expect((await ping()).json().code).toBe(0);
	expect(standIn.requests.map((r) => r.fault?.kind)).toEqual(['status', undefined]);
	expect(standIn.requests[0]).toMatchObject({
		status: 503,
		fault: { kind: 'status', status: 503, body: 'upstream down' },
	});
});

it('status: 429 with a Retry-After header; default body is the status text', async () => {
	standIn.failNext({ kind: 'status', status: 429, headers: { 'retry-after': '2' } });
	const res = await ping();
	expect(res.status).toBe(429);
	expect(res.headers['retry-after']).toBe('2');
	expect(res.text()).toBe('Too Many Requests');
});

it('times: n requests in a row, match by substring', async () => {
	standIn.failNext({ match: '/ping', kind: 'status', status: 500, times: 2 });
	await callCallbot(standIn, 'listTask', {
		productID: 'callbot',
		page: 1,
		size: 1,
		queryConditions: {},
	});
	expect((await ping()).status).toBe(500);
	expect((await ping()).status).toBe(500);
	expect((await ping()).status).toBe(200);
	expect(standIn.requestsTo('/listTask')[0].fault).toBeUndefined();
	expect(standIn.pendingFaults()).toBe(0);
});

it('match by predicate on the parsed body', async () => {
	standIn.failNext({
		match: (r) => (r.json() as any).data === 'second',
		kind: 'status',
		status: 502,
	});
	expect((await callCallbot(standIn, 'ping', { data: 'first' })).status).toBe(200);
	expect((await callCallbot(standIn, 'ping', { data: 'second' })).status).toBe(502);
});

it('retCode: Callbot envelope with the vendor wording, signed back', async () => {
	standIn.failNext({ kind: 'retCode', retCode: 7 });
	const res = await ping();
	expect(res.status).toBe(200);
	expect(res.json()).toEqual({
		retCode: 7,
		retMsg: 'System busy',
		responseID: expect.stringMatching(/^[0-9a-f]{32}$/),
	});
	expect(res.headers.sign).toBe(
		callbotSignOf(
			ACCOUNTS.callbotSecretKey,
			res.text(),
			String(res.headers.createts),
			'fr',
			ACCOUNTS.callbotUuid,
			'MD5',
		),
	);
	expect(standIn.lastRequest()!.retCode).toBe(7);
	standIn.failNext({ kind: 'retCode', retCode: 1001 });
	expect((await ping()).json().retMsg).toBe(
		'Batch import in progress, import and export are unavailable',
	);
});

it('code: open-platform envelope (10003, 1102)', async () => {
	standIn.failNext({ kind: 'code', code: 1102 });
	const res = await callOpen(standIn, 'get', { appkey: APPKEY, business_phone: PHONE });
	expect(res.json()).toEqual({
		code: 1102,
		message: 'Insufficient balance',
		traceId: expect.any(String),
	});
	standIn.failNext({ kind: 'code', code: 10003, message: 'custom' });
	expect((await callOpen(standIn, 'get', {})).json()).toMatchObject({
		code: 10003,
		message: 'custom',
	});
	expect(standIn.lastRequest()!.code).toBe(10003);
});

it('malformedJson: 200 application/json that does not parse', async () => {
	standIn.failNext({ kind: 'malformedJson' });
	const res = await ping();
	expect(res.status).toBe(200);
	expect(res.headers['content-type']).toMatch(/^application\/json/);
	expect(() => res.json()).toThrow(SyntaxError);
});

it('htmlPage: a gateway error page', async () => {
	standIn.failNext({ kind: 'htmlPage' });
	const res = await ping();
	expect(res.status).toBe(502);
	expect(res.headers['content-type']).toBe('text/html');
	expect(res.text()).toContain('<title>502 Bad Gateway</title>');
	standIn.failNext({ kind: 'htmlPage', status: 504 });
	expect((await ping()).text()).toContain('504 Gateway Timeout');
});

it('reset: the socket is destroyed without an answer', async () => {
	standIn.failNext({ kind: 'reset' });
	await expect(ping()).rejects.toThrow(/socket hang up|ECONNRESET/);
	expect(standIn.lastRequest()).toMatchObject({
		answered: false,
		reason: 'fault: socket reset',
		fault: { kind: 'reset' },
	});
});

it('timeout with afterMs: no answer, then the socket is dropped', async () => {
	standIn.failNext({ kind: 'timeout', afterMs: 150 });
	const started = Date.now();
	await expect(ping()).rejects.toThrow(/socket hang up|ECONNRESET/);
	expect(Date.now() - started).toBeGreaterThanOrEqual(140);
});

it('timeout without afterMs: no answer until the client gives up', async () => {
	standIn.failNext({ kind: 'timeout' });
	await expect(
		post(`${standIn.url}/callcentre/api/v3/ping`, '{}', { timeoutMs: 300 }),
	).rejects.toThrow(/timed out/);
	expect(standIn.lastRequest()).toMatchObject({
		answered: false,
		reason: 'fault: no answer',
		fault: { kind: 'timeout' },
	});
});

it('close() returns while a request hangs, and that request then fails', async () => {
	const local = await start();
	local.failNext({ kind: 'timeout' });
	const pending = callCallbot(local, 'ping', {});
	while (local.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
	await local.close();
	await expect(pending).rejects.toThrow(/socket hang up|ECONNRESET/);
});

it('slow: the normal answer, late', async () => {
	standIn.failNext({ kind: 'slow', delayMs: 200 });
	const started = Date.now();
	const res = await ping();
	expect(Date.now() - started).toBeGreaterThanOrEqual(190);
	expect(res.json().code).toBe(0);
	expect(standIn.lastRequest()!.fault).toEqual({ kind: 'slow', delayMs: 200 });
});

it('afterHandling: the import happens, the answer is lost; a retry meets duplicate orderIDs', async () => {
	await callCallbot(standIn, 'createTask', createTaskBody('t1'));
	standIn.failNext({ match: '/importBatchCall', kind: 'status', status: 502, afterHandling: true });
	expect((await callCallbot(standIn, 'importBatchCall', callInfoBody('t1', 2))).status).toBe(502);
	expect(standIn.state.callbot.task('t1')!.orders.size).toBe(2);
	const retry = (await callCallbot(standIn, 'importBatchCall', callInfoBody('t1', 2))).json();
	expect(retry).toMatchObject({ retCode: 0, successCount: 0 });
	expect(retry.errList).toHaveLength(2);
});

it('without afterHandling a faulted request changes nothing', async () => {
	await callCallbot(standIn, 'createTask', createTaskBody('t1'));
	standIn.failNext({ match: '/importBatchCall', kind: 'retCode', retCode: 5001 });
	expect(
		(await callCallbot(standIn, 'importBatchCall', callInfoBody('t1', 2))).json().retCode,
	).toBe(5001);
	expect(standIn.state.callbot.task('t1')!.orders.size).toBe(0);
});

it('clearFaults empties the queue; times must be positive', () => {
	standIn.failNext({ kind: 'reset', times: Infinity });
	expect(standIn.pendingFaults()).toBe(1);
	standIn.clearFaults();
	expect(standIn.pendingFaults()).toBe(0);
	expect(() => standIn.failNext({ kind: 'reset', times: 0 })).toThrow(/times must be positive/);
});
