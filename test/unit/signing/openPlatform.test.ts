import {
	openPlatformAlgorithmFromHeader,
	signOpenPlatform,
	verifyWhatsAppPush,
} from '../../../nodes/NxCloud/signing/openPlatform';

// Every vector of docs/vendor-api.md §1.4 (V1–V3 vendor-published, V4–V6 computed by the spec authors).
const common = { accessKey: 'fme2na3kdi3ki', ts: '1655710885431', accessSecret: 'abciiiko2k3' };

const vectors: Array<{
	id: string;
	action: string;
	bizType: string;
	body?: string;
	md5?: string;
	sha256?: string;
}> = [
	{
		id: 'V1',
		action: 'send',
		bizType: '1',
		body: '{"name":"牛小信","id":10001}',
		md5: '87c3560d3331ae23f1021e2025722354',
	},
	{
		id: 'V2',
		action: 'send',
		bizType: '1',
		body: '{"id":10001,"name":"牛小信"}',
		md5: '7750759da06333f20d0640be09355e34',
	},
	{
		id: 'V3',
		action: 'send',
		bizType: '1',
		body: '{"id": 10001, "name": "牛小信"}',
		md5: 'd0c24a9886c629330d7f3f2056c65bc2',
	},
	{
		id: 'V4',
		action: 'send',
		bizType: '1',
		body: '{"name":"牛小信","id":10001}',
		sha256: 'e0eec2c99ef80f269a82795e2223f618ebfc0616c8b6c8c7d438021ec38ad0eb',
	},
	{
		id: 'V5',
		action: 'uploadMedia',
		bizType: '2',
		md5: 'd2632e6b4cbea8587b36cb585e06a195',
		sha256: '7017ea722938caa1d454ac43ae05d9ffc736bb2ebf1e18563777927f3f54c389',
	},
	{
		id: 'V6',
		action: 'mt',
		bizType: '2',
		body: '{"appkey":"pem28kje","business_phone":"8613300000000"}',
		md5: '6372cc0aea594b0783d419a36be49513',
		sha256: '8e11f62f0c41b669d7032465e4a319452fc4736dad4922ef472283e2cfaf1dd5',
	},
];

describe('signOpenPlatform: spec docs/vendor-api.md §1.4 vectors', () => {
	for (const v of vectors) {
		for (const algorithm of ['md5', 'sha256'] as const) {
			const expected = v[algorithm];
			if (!expected) continue;
			it(`${v.id} ${algorithm}`, () => {
				expect(
					signOpenPlatform({
						...common,
						action: v.action,
						bizType: v.bizType,
						body: v.body,
						algorithm,
					}),
				).toBe(expected);
			});
		}
	}

	it('hashes a Buffer body byte for byte like the same string', () => {
		const body = '{"name":"牛小信","id":10001}';
		const fromBuffer = signOpenPlatform({
			...common,
			action: 'send',
			bizType: '1',
			body: Buffer.from(body, 'utf8'),
			algorithm: 'md5',
		});
		expect(fromBuffer).toBe('87c3560d3331ae23f1021e2025722354');
	});

	it('treats an empty body like no body (multipart and bodiless requests sign headers only)', () => {
		const args = { ...common, action: 'uploadMedia', bizType: '2', algorithm: 'md5' as const };
		expect(signOpenPlatform({ ...args, body: '' })).toBe('d2632e6b4cbea8587b36cb585e06a195');
		expect(signOpenPlatform({ ...args, body: Buffer.alloc(0) })).toBe(
			'd2632e6b4cbea8587b36cb585e06a195',
		);
	});

	it('changes with every input (no field is ignored)', () => {
		const base = { ...common, action: 'mt', bizType: '2', body: '{}', algorithm: 'md5' as const };
		const reference = signOpenPlatform(base);
		for (const [field, value] of Object.entries({
			accessKey: 'x',
			action: 'send',
			bizType: '3',
			ts: '1655710885432',
			body: '{ }',
			accessSecret: 'y',
		})) {
			expect(signOpenPlatform({ ...base, [field]: value })).not.toBe(reference);
		}
	});
});

describe('openPlatformAlgorithmFromHeader', () => {
	it.each([
		[undefined, 'md5'],
		['', 'md5'],
		['md5', 'md5'],
		['MD5', 'md5'],
		['sha256', 'sha256'],
		['SHA256', 'sha256'],
		[' Sha256 ', 'sha256'],
		['sha1', 'md5'],
	])('%p -> %p', (header, expected) => {
		expect(openPlatformAlgorithmFromHeader(header as string | undefined)).toBe(expected);
	});
});

describe('verifyWhatsAppPush: spec docs/vendor-api.md §2.2 derived vector', () => {
	const body = '{"name":"牛小信","id":10001}';
	const headers = {
		accesskey: 'fme2na3kdi3ki',
		action: 'send',
		biztype: '1',
		ts: '1655710885431',
		algorithm: 'md5',
		sign: '87c3560d3331ae23f1021e2025722354',
	};

	it('accepts the vector, with the signature in either case', () => {
		expect(verifyWhatsAppPush(headers, Buffer.from(body), 'abciiiko2k3')).toBeNull();
		expect(
			verifyWhatsAppPush({ ...headers, sign: headers.sign.toUpperCase() }, body, 'abciiiko2k3'),
		).toBeNull();
	});

	it('defaults to md5 when the algorithm header is absent', () => {
		const noAlgorithm: Record<string, string | undefined> = { ...headers, algorithm: undefined };
		expect(verifyWhatsAppPush(noAlgorithm, body, 'abciiiko2k3')).toBeNull();
	});

	it('accepts the SHA-256 variant (V4) with the algorithm header in any case', () => {
		const sha = {
			...headers,
			algorithm: 'SHA256',
			sign: 'e0eec2c99ef80f269a82795e2223f618ebfc0616c8b6c8c7d438021ec38ad0eb',
		};
		expect(verifyWhatsAppPush(sha, body, 'abciiiko2k3')).toBeNull();
	});

	it('refuses a wrong secret, a changed body, a re-serialised body and a wrong-length signature', () => {
		expect(verifyWhatsAppPush(headers, body, 'wrong')).toEqual({ reason: 'bad_signature' });
		expect(verifyWhatsAppPush(headers, body.replace('10001', '10002'), 'abciiiko2k3')).toEqual({
			reason: 'bad_signature',
		});
		expect(
			verifyWhatsAppPush(headers, JSON.stringify(JSON.parse(body), null, 1), 'abciiiko2k3'),
		).toEqual({ reason: 'bad_signature' });
		expect(
			verifyWhatsAppPush({ ...headers, sign: headers.sign.slice(1) }, body, 'abciiiko2k3'),
		).toEqual({ reason: 'bad_signature' });
	});

	it('names the first missing header', () => {
		for (const name of ['accesskey', 'action', 'biztype', 'ts', 'sign']) {
			expect(verifyWhatsAppPush({ ...headers, [name]: undefined }, body, 'abciiiko2k3')).toEqual({
				reason: 'missing_header',
				header: name,
			});
		}
	});

	it('refuses an unknown algorithm instead of guessing', () => {
		expect(verifyWhatsAppPush({ ...headers, algorithm: 'sha1' }, body, 'abciiiko2k3')).toEqual({
			reason: 'unknown_algorithm',
			algorithm: 'sha1',
		});
	});
});
