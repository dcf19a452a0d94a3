// Gzip both ways (docs/vendor-api.md §5.2): gzip request bodies are signed uncompressed; responses are gzipped when
// the client accepts it. Includes the 100,000-row import the benchmark relies on.
import { gzipSync } from 'node:zlib';

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

describe('gzip requests', () => {
	it('Callbot: gzip body is gunzipped, its uncompressed JSON is what is signed', async () => {
		await callCallbot(standIn, 'createTask', createTaskBody('t1'));
		const res = await callCallbot(standIn, 'importBatchCall', callInfoBody('t1', 10), {
			gzip: true,
		});
		expect(res.json()).toMatchObject({ retCode: 0, successCount: 10 });
		const record = standIn.lastRequest('/importBatchCall')!;
		expect(record.contentEncoding).toBe('gzip');
		expect(record.wireSize).toBeLessThan(record.bodySize);
		expect((record.json() as any).callInfoList.callList).toHaveLength(10);
	});

	it('Callbot: signing the compressed bytes instead → 6', async () => {
		const text = JSON.stringify({ data: 'x' });
		const wire = gzipSync(text);
		const createTs = Math.floor(Date.now() / 1000).toString();
		const sign = callbotSignOf(
			ACCOUNTS.callbotSecretKey,
			wire.toString('latin1'),
			createTs,
			'r',
			ACCOUNTS.callbotUuid,
			'MD5',
		);
		const res = await post(`${standIn.url}/callcentre/api/v3/ping`, wire, {
			headers: {
				'content-type': 'application/json',
				'content-encoding': 'gzip',
				requestID: 'r',
				uuid: ACCOUNTS.callbotUuid,
				createTs,
				sign,
			},
		});
		expect(res.json().code).toBe(6);
	});

	it('Callbot: a body that does not gunzip → 3', async () => {
		const res = await callCallbot(
			standIn,
			'ping',
			{ data: 1 },
			{ headers: { 'Content-Encoding': 'gzip' } },
		);
		expect(res.json()).toMatchObject({
			code: 3,
			msg: 'Parameter format error: request body',
			data: null,
		});
		expect(standIn.lastRequest()!.reason).toMatch(/^body does not gunzip/);
	});

	it('open platform: gzip body accepted (uncompressed signed); undecodable → 1003', async () => {
		standIn.state.calling.setConfig(PHONE, {
			status: 1,
			region: 'SG',
			icon_status: 1,
			permission_status: 1,
			recording_status: 1,
			hours_status: 0,
			customer_sip_addr: [{ host: '1.2.3.4', port: 5060, type: 1 }],
		});
		const ok = await callOpen(
			standIn,
			'get',
			{ appkey: APPKEY, business_phone: PHONE },
			{ gzip: true },
		);
		expect(ok.json().code).toBe(0);
		const bad = await callOpen(
			standIn,
			'get',
			{ appkey: APPKEY, business_phone: PHONE },
			{ headers: { 'Content-Encoding': 'gzip' } },
		);
		expect(bad.json()).toMatchObject({ code: 1003, message: 'Invalid signature' });
		const br = await callOpen(
			standIn,
			'get',
			{ appkey: APPKEY, business_phone: PHONE },
			{ headers: { 'Content-Encoding': 'br' } },
		);
		expect(br.json().code).toBe(1003);
	});
});

describe('gzip responses', () => {
	it('Callbot answers are gzipped with Accept-Encoding: gzip and signed over the uncompressed body', async () => {
		const res = await callCallbot(
			standIn,
			'ping',
			{ data: 'z' },
			{ acceptGzip: true, requestID: 'g1' },
		);
		expect(res.headers['content-encoding']).toBe('gzip');
		expect(res.wireBody.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
		expect(res.json().data).toBe('z');
		expect(res.headers.sign).toBe(
			callbotSignOf(
				ACCOUNTS.callbotSecretKey,
				res.text(),
				String(res.headers.createts),
				'g1',
				ACCOUNTS.callbotUuid,
				'MD5',
			),
		);
	});

	it('not gzipped without Accept-Encoding, or with gzip;q=0', async () => {
		expect((await callCallbot(standIn, 'ping', {})).headers['content-encoding']).toBeUndefined();
		const refused = await callCallbot(
			standIn,
			'ping',
			{},
			{ headers: { 'Accept-Encoding': 'gzip;q=0, identity' } },
		);
		expect(refused.headers['content-encoding']).toBeUndefined();
	});
});

describe('100,000 rows', () => {
	it('imports, dials and exports 100,000 rows gzipped both ways in reasonable time', async () => {
		await callCallbot(standIn, 'createTask', createTaskBody('big'));
		await callCallbot(standIn, 'mgrTaskStatus', {
			productID: 'callbot',
			userTaskID: 'big',
			taskOperate: 1,
		});
		const body = callInfoBody('big', 100_000);
		const started = Date.now();
		const imported = await callCallbot(standIn, 'importBatchCall', body, {
			gzip: true,
			acceptGzip: true,
		});
		const importMs = Date.now() - started;
		expect(imported.json()).toMatchObject({
			retCode: 0,
			totalCount: 100_000,
			successCount: 100_000,
			errList: [],
		});
		const exported = await callCallbot(
			standIn,
			'exportBatchCall',
			{ productID: 'callbot', userTaskID: 'big' },
			{ acceptGzip: true },
		);
		expect(exported.headers['content-encoding']).toBe('gzip');
		const json = exported.json();
		expect(json.totalCount).toBe(100_000);
		expect(json.callList[99_999].orderID).toBe('o-99999');
		// Generous bound: linear work is well under a second locally; quadratic would take minutes.
		expect(importMs).toBeLessThan(10_000);
		// One row over the default limit is refused outright.
		const over = await callCallbot(standIn, 'importBatchCall', callInfoBody('big', 100_001, 'x'), {
			gzip: true,
		});
		expect(over.json()).toMatchObject({ retCode: 4001 });
	}, 60_000);
});
