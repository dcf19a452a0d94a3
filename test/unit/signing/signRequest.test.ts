import { gunzipSync } from 'zlib';

import { signCallbot } from '../../../nodes/NxCloud/signing/callbot';
import { signOpenPlatform } from '../../../nodes/NxCloud/signing/openPlatform';
import { signRequest } from '../../../nodes/NxCloud/signing/signRequest';

const credentials = {
	accessKey: 'fme2na3kdi3ki',
	accessSecret: 'abciiiko2k3',
	openApiAlgorithm: 'md5',
	openApiBaseUrl: 'https://api2.nxcloud.com',
	callbotUuid: 'Vh71ym3yQwWSYZFpqkFwTskGXUbSxDtR',
	callbotSecretKey: 'u7Mf3zUNOkg4lMV9a0E6cHSgIkK22GSr',
	callbotAlgorithm: 'MD5',
	callbotBaseUrl: 'https://nxbot.nxcloud.com',
};

const openRequest = () => ({
	method: 'POST' as const,
	url: 'https://api2.nxcloud.com/api/wa/calling/get',
	headers: { bizType: '2', action: 'mt' },
	body: '{"appkey":"pem28kje","business_phone":"8613300000000"}',
});

describe('signRequest: open platform', () => {
	it('signs the exact body string it sends, with a millisecond ts (spec V6)', async () => {
		const signed = await signRequest(credentials, openRequest(), () => 1655710885431);
		expect(signed.body).toBe('{"appkey":"pem28kje","business_phone":"8613300000000"}');
		expect(signed.headers).toMatchObject({
			accessKey: 'fme2na3kdi3ki',
			bizType: '2',
			action: 'mt',
			ts: '1655710885431',
			algorithm: 'md5',
			sign: '6372cc0aea594b0783d419a36be49513',
			'Content-Type': 'application/json',
		});
	});

	it('uses sha256 when the credential says so (spec V6 sha256)', async () => {
		const signed = await signRequest(
			{ ...credentials, openApiAlgorithm: 'sha256' },
			openRequest(),
			() => 1655710885431,
		);
		expect(signed.headers).toMatchObject({
			algorithm: 'sha256',
			sign: '8e11f62f0c41b669d7032465e4a319452fc4736dad4922ef472283e2cfaf1dd5',
		});
	});

	it('serialises an object body once and signs that serialisation', async () => {
		const signed = await signRequest(
			credentials,
			{ ...openRequest(), body: { b: 1, a: '牛' } },
			() => 1,
		);
		expect(signed.body).toBe('{"b":1,"a":"牛"}');
		const headers = signed.headers as Record<string, string>;
		expect(headers.sign).toBe(
			signOpenPlatform({
				accessKey: 'fme2na3kdi3ki',
				action: 'mt',
				bizType: '2',
				ts: '1',
				body: '{"b":1,"a":"牛"}',
				accessSecret: 'abciiiko2k3',
				algorithm: 'md5',
			}),
		);
	});

	it('re-signs with a fresh timestamp on every call (so every retry is signed anew)', async () => {
		let clock = 1_700_000_000_000;
		const first = (await signRequest(credentials, openRequest(), () => clock)).headers as Record<
			string,
			string
		>;
		clock += 1500;
		const second = (await signRequest(credentials, openRequest(), () => clock)).headers as Record<
			string,
			string
		>;
		expect(second.ts).toBe(String(Number(first.ts) + 1500));
		expect(second.sign).not.toBe(first.sign);
	});

	it("does not mutate the caller's options", async () => {
		const request = openRequest();
		await signRequest(credentials, request);
		expect(request.headers).toEqual({ bizType: '2', action: 'mt' });
	});

	it('names the missing credential field before anything is sent', async () => {
		await expect(signRequest({ ...credentials, accessKey: '' }, openRequest())).rejects.toThrow(
			'Access Key (field "accessKey")',
		);
		await expect(signRequest({ ...credentials, accessSecret: ' ' }, openRequest())).rejects.toThrow(
			'Access Secret (field "accessSecret")',
		);
	});

	it('refuses an open platform request without bizType/action', async () => {
		await expect(signRequest(credentials, { ...openRequest(), headers: {} })).rejects.toThrow(
			'bizType and action',
		);
	});

	it('signs the uncompressed JSON and sends it gzipped when asked', async () => {
		const body = JSON.stringify({
			rows: Array.from({ length: 50 }, (_, i) => ({ i, name: '牛小信' })),
		});
		const signed = await signRequest(
			credentials,
			{
				...openRequest(),
				headers: { bizType: '2', action: 'mt', 'Content-Encoding': 'gzip' },
				body,
			},
			() => 5,
		);
		expect(Buffer.isBuffer(signed.body)).toBe(true);
		expect(gunzipSync(signed.body as Buffer).toString('utf8')).toBe(body);
		expect((signed.headers as Record<string, string>).sign).toBe(
			signOpenPlatform({
				accessKey: 'fme2na3kdi3ki',
				action: 'mt',
				bizType: '2',
				ts: '5',
				body,
				accessSecret: 'abciiiko2k3',
				algorithm: 'md5',
			}),
		);
	});
});

describe('signRequest: Callbot', () => {
	const callbotRequest = () => ({
		method: 'POST' as const,
		url: 'https://nxbot.nxcloud.com/callcentre/api/v3/ping',
		headers: { 'Content-Type': 'application/json', bizType: '2', action: 'mt' },
		body: '{"data":"ping"}',
	});

	it('signs with seconds createTs, a 32-hex requestID and uppercase hex; drops open platform headers', async () => {
		const signed = await signRequest(credentials, callbotRequest(), () => 1_700_000_000_999);
		const headers = signed.headers as Record<string, string>;
		expect(headers.createTs).toBe('1700000000');
		expect(headers.requestID).toMatch(/^[0-9a-f]{32}$/);
		expect(headers.uuid).toBe(credentials.callbotUuid);
		expect(headers.algorithm).toBe('MD5');
		expect(headers.bizType).toBeUndefined();
		expect(headers.action).toBeUndefined();
		expect(headers.sign).toBe(
			signCallbot({
				secretKey: credentials.callbotSecretKey,
				body: '{"data":"ping"}',
				createTs: '1700000000',
				requestID: headers.requestID,
				uuid: credentials.callbotUuid,
				algorithm: 'MD5',
			}),
		);
	});

	it('uses a new requestID on every call', async () => {
		const a = (await signRequest(credentials, callbotRequest())).headers as Record<string, string>;
		const b = (await signRequest(credentials, callbotRequest())).headers as Record<string, string>;
		expect(a.requestID).not.toBe(b.requestID);
	});

	it('honours SHA256', async () => {
		const signed = await signRequest(
			{ ...credentials, callbotAlgorithm: 'SHA256' },
			callbotRequest(),
			() => 1_700_000_000_000,
		);
		const headers = signed.headers as Record<string, string>;
		expect(headers.algorithm).toBe('SHA256');
		expect(headers.sign).toMatch(/^[0-9A-F]{64}$/);
	});

	it('names the missing Callbot field', async () => {
		await expect(
			signRequest({ ...credentials, callbotUuid: '' }, callbotRequest()),
		).rejects.toThrow('Callbot UUID (field "callbotUuid")');
		await expect(
			signRequest({ ...credentials, callbotSecretKey: '' }, callbotRequest()),
		).rejects.toThrow('Callbot Secret Key (field "callbotSecretKey")');
	});

	it('does not need the open platform half', async () => {
		const onlyCallbot = { ...credentials, accessKey: '', accessSecret: '' };
		await expect(signRequest(onlyCallbot, callbotRequest())).resolves.toBeDefined();
	});
});
