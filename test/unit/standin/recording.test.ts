// What the stand-in records about each request, routing of unknown paths, reset().
import { type StandIn, post } from '../../support/standin';
import { APPKEY, PHONE, callCallbot, callOpen, createTaskBody, start } from './client';

let standIn: StandIn;
beforeAll(async () => {
	standIn = await start();
});
beforeEach(() => standIn.reset());
afterAll(() => standIn.close());

it('records method, path, headers, raw body, parsed JSON, the answer and timing', async () => {
	const before = Date.now();
	const text = '{"productID":"callbot","userTaskID":"t1","sceneID":"s"}';
	await callCallbot(standIn, 'createTask', text, { requestID: 'rec-1' });
	const [record] = standIn.requests;
	expect(record).toMatchObject({
		id: 1,
		method: 'POST',
		path: '/callcentre/api/v3/createTask',
		url: '/callcentre/api/v3/createTask',
		api: 'callbot',
		bodySize: Buffer.byteLength(text),
		wireSize: Buffer.byteLength(text),
		answered: true,
		status: 200,
		retCode: 0,
	});
	expect(record.headers.requestid).toBe('rec-1');
	expect(record.body.toString()).toBe(text);
	expect(record.json()).toEqual({ productID: 'callbot', userTaskID: 't1', sceneID: 's' });
	expect(record.at).toBeGreaterThanOrEqual(before);
	expect(record.durationMs).toBeGreaterThanOrEqual(0);
	expect(JSON.parse(record.responseBody!)).toMatchObject({ retCode: 0, userTaskID: 't1' });
	expect(record.responseHeaders!.sign).toMatch(/^[0-9A-F]{32}$/);
});

it('records refusals with the code sent and our reason', async () => {
	await callOpen(
		standIn,
		'get',
		{ appkey: APPKEY, business_phone: PHONE },
		{ ts: '1000000000000' },
	);
	expect(standIn.lastRequest()).toMatchObject({
		api: 'openPlatform',
		status: 200,
		code: 1004,
		reason: expect.stringMatching(/outside ±60000 ms/),
	});
	await callCallbot(standIn, 'createTask', { productID: 'callbot' });
	expect(standIn.lastRequest()).toMatchObject({
		retCode: 2,
		reason: 'Missing parameter: userTaskID',
	});
});

it('requestsTo filters by path suffix; clearRequests empties the log', async () => {
	await callCallbot(standIn, 'ping', {});
	await callCallbot(standIn, 'createTask', createTaskBody('t1'));
	await callCallbot(standIn, 'ping', {});
	expect(standIn.requestsTo('/ping')).toHaveLength(2);
	expect(standIn.requestsTo('/createTask')).toHaveLength(1);
	expect(standIn.lastRequest('/ping')!.id).toBe(3);
	standIn.clearRequests();
	expect(standIn.requests).toHaveLength(0);
});

it('unknown paths → 404, unknown calling op → 404, GET on a known path → 405; all recorded', async () => {
	expect((await post(`${standIn.url}/api/wa/sendSomething`, '{}')).status).toBe(404);
	expect((await post(`${standIn.url}/api/wa/calling/delete`, '{}')).status).toBe(404);
	expect((await post(`${standIn.url}/callcentre/api/v3/nothing`, '{}')).status).toBe(404);
	const get = await post(`${standIn.url}/callcentre/api/v3/ping`, '', { method: 'GET' });
	expect(get.status).toBe(405);
	expect(get.headers.allow).toBe('POST');
	expect(standIn.requests.map((r) => [r.api, r.status])).toEqual([
		['openPlatform', 404],
		['openPlatform', 404],
		['callbot', 404],
		['callbot', 405],
	]);
});

it('reset() restores the seeded bindings and drops tasks, requests and faults', async () => {
	standIn.state.calling.unbindPhone(PHONE);
	await callCallbot(standIn, 'createTask', createTaskBody('t1'));
	standIn.failNext({ kind: 'reset' });
	standIn.reset();
	expect(standIn.state.calling.isBound(PHONE, APPKEY)).toBe(true);
	expect(standIn.state.callbot.task('t1')).toBeUndefined();
	expect(standIn.requests).toHaveLength(0);
	expect(standIn.pendingFaults()).toBe(0);
});

it('recordBodies: false keeps sizes only', async () => {
	const lean = await start({ recordBodies: false });
	try {
		await callCallbot(lean, 'ping', { data: 'x' });
		expect(lean.requests[0].body.length).toBe(0);
		expect(lean.requests[0].bodySize).toBe(12);
	} finally {
		await lean.close();
	}
});

it('listens on a given port and host', async () => {
	const probe = await start();
	const port = probe.port;
	await probe.close();
	const fixed = await start({ port });
	try {
		expect(fixed.url).toBe(`http://127.0.0.1:${port}`);
		expect((await callCallbot(fixed, 'ping', {})).json().code).toBe(0);
	} finally {
		await fixed.close();
	}
});

it('a clock option drives the ts window', async () => {
	const past = await start({ now: () => 1_655_710_885_431 });
	try {
		const res = await callOpen(
			past,
			'get',
			{ appkey: APPKEY, business_phone: PHONE },
			{ ts: '1655710885431' },
		);
		expect(res.json().code).toBe(10013);
	} finally {
		await past.close();
	}
});
