// The stand-in's own signing functions against every vector of docs/vendor-api.md §1.4 and §5.3.
import {
	callbotDigestOf,
	callbotPlaintext,
	callbotSign,
	openPlatformDigestOf,
	openPlatformPlaintext,
	openPlatformSign,
} from '../../support/standin/signing';

const base = {
	accessKey: 'fme2na3kdi3ki',
	action: 'send',
	bizType: '1',
	ts: '1655710885431',
	accessSecret: 'abciiiko2k3',
};

describe('open platform sign (docs/vendor-api.md §1.4)', () => {
	it.each([
		['V1', '{"name":"牛小信","id":10001}', 'md5', '87c3560d3331ae23f1021e2025722354'],
		['V2', '{"id":10001,"name":"牛小信"}', 'md5', '7750759da06333f20d0640be09355e34'],
		['V3', '{"id": 10001, "name": "牛小信"}', 'md5', 'd0c24a9886c629330d7f3f2056c65bc2'],
		[
			'V4',
			'{"name":"牛小信","id":10001}',
			'sha256',
			'e0eec2c99ef80f269a82795e2223f618ebfc0616c8b6c8c7d438021ec38ad0eb',
		],
	] as const)('%s %s', (_name, body, digest, expected) => {
		expect(openPlatformSign({ ...base, body }, digest)).toBe(expected);
		// The server hashes raw bytes; the same vector must come out of a Buffer.
		expect(openPlatformSign({ ...base, body: Buffer.from(body, 'utf8') }, digest)).toBe(expected);
	});

	it('V1 is JSON.stringify of the object (key order as written)', () => {
		expect(
			openPlatformSign({ ...base, body: JSON.stringify({ name: '牛小信', id: 10001 }) }, 'md5'),
		).toBe('87c3560d3331ae23f1021e2025722354');
	});

	it.each([
		['md5', 'd2632e6b4cbea8587b36cb585e06a195'],
		['sha256', '7017ea722938caa1d454ac43ae05d9ffc736bb2ebf1e18563777927f3f54c389'],
	] as const)('V5 (no body, uploadMedia, bizType 2) %s', (digest, expected) => {
		const parts = { ...base, action: 'uploadMedia', bizType: '2' };
		expect(openPlatformSign(parts, digest)).toBe(expected);
		expect(openPlatformSign({ ...parts, body: '' }, digest)).toBe(expected);
		expect(openPlatformSign({ ...parts, body: Buffer.alloc(0) }, digest)).toBe(expected);
	});

	it.each([
		['md5', '6372cc0aea594b0783d419a36be49513'],
		['sha256', '8e11f62f0c41b669d7032465e4a319452fc4736dad4922ef472283e2cfaf1dd5'],
	] as const)('V6 (calling body, action mt, bizType 2) %s', (digest, expected) => {
		const parts = {
			...base,
			action: 'mt',
			bizType: '2',
			body: '{"appkey":"pem28kje","business_phone":"8613300000000"}',
		};
		expect(openPlatformSign(parts, digest)).toBe(expected);
	});

	it('plaintext is the documented concatenation, body only when non-empty', () => {
		expect(openPlatformPlaintext({ ...base, body: '{"name":"牛小信","id":10001}' })).toBe(
			'accessKey=fme2na3kdi3ki&action=send&bizType=1&ts=1655710885431&body={"name":"牛小信","id":10001}&accessSecret=abciiiko2k3',
		);
		expect(openPlatformPlaintext({ ...base, action: 'uploadMedia', bizType: '2' })).toBe(
			'accessKey=fme2na3kdi3ki&action=uploadMedia&bizType=2&ts=1655710885431&accessSecret=abciiiko2k3',
		);
	});

	it.each([
		[undefined, 'md5'],
		['', 'md5'],
		['md5', 'md5'],
		['MD5', 'md5'],
		['sha256', 'sha256'],
		[' SHA256 ', 'sha256'],
		['sha-256', null],
		['sha1', null],
	])('algorithm header %p → %p (unknown refused on requests)', (header, expected) => {
		expect(openPlatformDigestOf(header)).toBe(expected);
	});
});

describe('Callbot sign (docs/vendor-api.md §5.3)', () => {
	const sample = {
		secretKey: 'u7Mf3zUNOkg4lMV9a0E6cHSgIkK22GSr',
		uuid: 'Vh71ym3yQwWSYZFpqkFwTskGXUbSxDtR',
		createTs: '1700000000',
		requestID: '0123456789abcdef0123456789abcdef',
	};

	it.each([
		['{"data":"ping"}', 'MD5', 'B13974D77A7E6B91FF2952D1938AACCE'],
		[
			'{"data":"ping"}',
			'SHA256',
			'3D3F8D612D5A8AAB93E94328222B944BDE093168B2CE766973E597D373C057AA',
		],
		[
			'{"customerId": "1234", "appKey": "xxxxxx", "status": 1}',
			'MD5',
			'5D9DF0A715F076BD80045812AB251F08',
		],
		[
			'{"customerId": "1234", "appKey": "xxxxxx", "status": 1}',
			'SHA256',
			'07B49BD7AAA5DB7705A2B48D6024A00D9962FE643FC5379E1627D998A53A013A',
		],
	] as const)('%s %s', (body, digest, expected) => {
		expect(callbotSign({ ...sample, body }, digest)).toBe(expected);
		expect(callbotSign({ ...sample, body: Buffer.from(body) }, digest)).toBe(expected);
	});

	it('plaintext: secret first, no key= prefix, then body, createTs, requestID, uuid', () => {
		expect(callbotPlaintext({ ...sample, body: '{"data":"ping"}' })).toBe(
			'u7Mf3zUNOkg4lMV9a0E6cHSgIkK22GSr&body={"data":"ping"}&createTs=1700000000' +
				'&requestID=0123456789abcdef0123456789abcdef&uuid=Vh71ym3yQwWSYZFpqkFwTskGXUbSxDtR',
		);
	});

	it.each([
		[undefined, 'MD5'],
		['md5', 'MD5'],
		['Sha256', 'SHA256'],
		['SHA-256', null],
	])('algorithm header %p → %p', (header, expected) => {
		expect(callbotDigestOf(header)).toBe(expected);
	});
});
