import {
	callbotAlgorithmFromHeader,
	signCallbot,
	verifyCallbotCallback,
} from '../../../nodes/NxCloud/signing/callbot';

// docs/vendor-api.md §5.3: the vendor's sample credentials with createTs/requestID fixed by the spec.
const sample = {
	secretKey: 'u7Mf3zUNOkg4lMV9a0E6cHSgIkK22GSr',
	uuid: 'Vh71ym3yQwWSYZFpqkFwTskGXUbSxDtR',
	createTs: '1700000000',
	requestID: '0123456789abcdef0123456789abcdef',
};

describe('signCallbot: spec docs/vendor-api.md §5.3 vectors', () => {
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
	] as const)('%s %s', (body, algorithm, expected) => {
		expect(signCallbot({ ...sample, body, algorithm })).toBe(expected);
		expect(signCallbot({ ...sample, body: Buffer.from(body), algorithm })).toBe(expected);
	});

	it('is uppercase hex of the documented plaintext (secret first, no key= prefix)', () => {
		const { createHash } = require('crypto');
		const plaintext = `${sample.secretKey}&body={"data":"ping"}&createTs=${sample.createTs}&requestID=${sample.requestID}&uuid=${sample.uuid}`;
		expect(signCallbot({ ...sample, body: '{"data":"ping"}', algorithm: 'MD5' })).toBe(
			createHash('md5').update(plaintext, 'utf8').digest('hex').toUpperCase(),
		);
	});
});

describe('callbotAlgorithmFromHeader', () => {
	it.each([
		[undefined, 'MD5'],
		['MD5', 'MD5'],
		['sha256', 'SHA256'],
		['SHA256', 'SHA256'],
		['other', 'MD5'],
	])('%p -> %p', (header, expected) => {
		expect(callbotAlgorithmFromHeader(header as string | undefined)).toBe(expected);
	});
});

describe('verifyCallbotCallback', () => {
	const body = '{"callbackType":1,"taskStat":{}}';
	const credentials = { uuid: sample.uuid, secretKey: sample.secretKey, algorithm: 'MD5' as const };
	const headers = (algorithm: 'MD5' | 'SHA256' = 'MD5') => ({
		requestid: sample.requestID,
		uuid: sample.uuid,
		createts: sample.createTs,
		sign: signCallbot({ ...sample, body, algorithm }),
	});

	it('accepts a callback signed with the credential algorithm, in either case', () => {
		expect(verifyCallbotCallback(headers(), body, credentials)).toBeNull();
		expect(
			verifyCallbotCallback(
				{ ...headers(), sign: headers().sign.toLowerCase() },
				body,
				credentials,
			),
		).toBeNull();
		expect(
			verifyCallbotCallback(headers('SHA256'), body, { ...credentials, algorithm: 'SHA256' }),
		).toBeNull();
	});

	it('lets an algorithm header override the credential choice', () => {
		expect(
			verifyCallbotCallback({ ...headers('SHA256'), algorithm: 'SHA256' }, body, credentials),
		).toBeNull();
	});

	it('refuses a wrong digest choice, a changed body, a wrong secret', () => {
		expect(verifyCallbotCallback(headers('SHA256'), body, credentials)).toEqual({
			reason: 'bad_signature',
		});
		expect(verifyCallbotCallback(headers(), body + ' ', credentials)).toEqual({
			reason: 'bad_signature',
		});
		expect(verifyCallbotCallback(headers(), body, { ...credentials, secretKey: 'x' })).toEqual({
			reason: 'bad_signature',
		});
	});

	it('refuses a callback for another account', () => {
		expect(
			verifyCallbotCallback(headers(), body, { ...credentials, uuid: 'another-account-uuid' }),
		).toEqual({ reason: 'wrong_account' });
	});

	it('names the first missing header', () => {
		for (const name of ['requestid', 'uuid', 'createts', 'sign']) {
			expect(verifyCallbotCallback({ ...headers(), [name]: '' }, body, credentials)).toEqual({
				reason: 'missing_header',
				header: name,
			});
		}
	});
});
