// The NXCloud credential's "Test" button, run for real: n8n's own credential-test endpoint
// (POST /rest/credentials/test, what the editor calls) evaluates the credential's test request
// and rules, our `authenticate` signs it, and the strict stand-in checks the signature.
import { randomBytes } from 'node:crypto';

import { getN8n } from '../support/e2e/n8nClient';
import {
	startStandIn,
	standInSigning,
	type RecordedRequest,
	type StandIn,
} from '../support/standin';

jest.setTimeout(60_000);

const secret = () => randomBytes(16).toString('hex');
const ACCOUNT = {
	accessKey: `ak${randomBytes(6).toString('hex')}`,
	accessSecret: secret(),
	callbotUuid: randomBytes(16).toString('hex'),
	callbotSecretKey: secret(),
};
/** Codes with which NXCloud refuses an open-platform request before looking at its body. */
const OPEN_PLATFORM_AUTH_CODES = [1001, 1002, 1003, 1004, 1005];
const OPEN_PLATFORM_PROBE = '/api/wa/calling/get';
const CALLBOT_PROBE = '/callcentre/api/v3/ping';

const n8n = getN8n();
let standIn: StandIn;
let skewedStandIn: StandIn;
/** Every secret handed to n8n in this file, right or wrong; none may show up in its log. */
const usedSecrets = new Set<string>([ACCOUNT.accessSecret, ACCOUNT.callbotSecretKey]);

beforeAll(async () => {
	standIn = await startStandIn(ACCOUNT);
	// Same accounts, but its clock runs 5 minutes ahead: every `ts` we send looks stale.
	skewedStandIn = await startStandIn({ ...ACCOUNT, now: () => Date.now() + 5 * 60_000 });
});

afterAll(async () => {
	await standIn?.close();
	await skewedStandIn?.close();
});

function openPlatformCredential(overrides: Record<string, unknown> = {}, server = standIn) {
	return {
		accessKey: ACCOUNT.accessKey,
		accessSecret: ACCOUNT.accessSecret,
		openApiAlgorithm: 'md5',
		openApiBaseUrl: server.url,
		...overrides,
	};
}

function callbotCredential(overrides: Record<string, unknown> = {}) {
	return {
		callbotUuid: ACCOUNT.callbotUuid,
		callbotSecretKey: ACCOUNT.callbotSecretKey,
		callbotAlgorithm: 'MD5',
		callbotBaseUrl: standIn.url,
		...overrides,
	};
}

/** Runs n8n's credential test and returns its verdict with what the stand-in received. */
async function testCredential(data: Record<string, unknown>, server = standIn) {
	for (const field of ['accessSecret', 'callbotSecretKey']) {
		if (typeof data[field] === 'string' && data[field] !== '')
			usedSecrets.add(data[field] as string);
	}
	server.clearRequests();
	const result = await n8n.testCredential('nxCloudApi', data);
	return { result, requests: [...server.requests] };
}

function only(requests: RecordedRequest[], path: string): RecordedRequest {
	expect(requests.map((r) => r.path)).toEqual([path]);
	return requests[0];
}

function header(request: RecordedRequest, name: string): string {
	const value = request.headers[name.toLowerCase()];
	if (typeof value !== 'string') throw new Error(`the request has no ${name} header`);
	return value;
}

/** The open-platform sign recomputed from the recorded request with the stand-in's own code. */
function expectedOpenPlatformSign(
	request: RecordedRequest,
	accessSecret: string,
	digest: 'md5' | 'sha256',
) {
	return standInSigning.openPlatformSign(
		{
			accessKey: header(request, 'accessKey'),
			action: header(request, 'action'),
			bizType: header(request, 'bizType'),
			ts: header(request, 'ts'),
			body: request.body,
			accessSecret,
		},
		digest,
	);
}

function expectedCallbotSign(
	request: RecordedRequest,
	secretKey: string,
	digest: 'MD5' | 'SHA256',
) {
	return standInSigning.callbotSign(
		{
			secretKey,
			body: request.body,
			createTs: header(request, 'createTs'),
			requestID: header(request, 'requestID'),
			uuid: header(request, 'uuid'),
		},
		digest,
	);
}

describe('open platform part (Access Key + Access Secret)', () => {
	it.each([
		['md5', /^[0-9a-f]{32}$/],
		['sha256', /^[0-9a-f]{64}$/],
	] as const)('accepts the right secrets signed with %s', async (algorithm, signShape) => {
		const { result, requests } = await testCredential(
			openPlatformCredential({ openApiAlgorithm: algorithm }),
		);

		expect(result).toEqual({ status: 'OK', message: expect.any(String) });
		const request = only(requests, OPEN_PLATFORM_PROBE);
		expect(header(request, 'accessKey')).toBe(ACCOUNT.accessKey);
		expect(header(request, 'algorithm')).toBe(algorithm);
		expect(header(request, 'ts')).toMatch(/^\d{13}$/);
		expect(header(request, 'sign')).toMatch(signShape);
		expect(header(request, 'sign')).toBe(
			expectedOpenPlatformSign(request, ACCOUNT.accessSecret, algorithm),
		);
		// The stand-in checked the signature and went on to the body (a business answer, not 1001–1005).
		expect(OPEN_PLATFORM_AUTH_CODES).not.toContain(request.code);
		expect(request.code).toEqual(expect.any(Number));
	});

	it.each(['md5', 'sha256'] as const)(
		'refuses a wrong Access Secret (%s) and says which part and why',
		async (algorithm) => {
			const wrongSecret = secret();
			const { result, requests } = await testCredential(
				openPlatformCredential({ openApiAlgorithm: algorithm, accessSecret: wrongSecret }),
			);

			expect(result.status).toBe('Error');
			expect(result.message).toBe(
				'Open Platform part refused (code 1003): Invalid signature. Check the Access Secret and the Open Platform Algorithm in the NXCloud credential (they must match the console).',
			);
			const request = only(requests, OPEN_PLATFORM_PROBE);
			expect(request.code).toBe(1003);
			// Signed, correctly, with the secret it was given: the refusal is about the secret itself.
			expect(header(request, 'sign')).toBe(
				expectedOpenPlatformSign(request, wrongSecret, algorithm),
			);
			expect(header(request, 'sign')).not.toBe(
				expectedOpenPlatformSign(request, ACCOUNT.accessSecret, algorithm),
			);
		},
	);

	it('refuses an unknown Access Key and names it', async () => {
		const { result, requests } = await testCredential(
			openPlatformCredential({ accessKey: 'nosuchkey' }),
		);

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Open Platform part refused \(code 1005\): .*Access Key/);
		expect(only(requests, OPEN_PLATFORM_PROBE).code).toBe(1005);
	});

	it('says to check the clock when NXCloud finds the timestamp stale', async () => {
		const { result, requests } = await testCredential(
			openPlatformCredential({}, skewedStandIn),
			skewedStandIn,
		);

		expect(result).toEqual({
			status: 'Error',
			message:
				"Open Platform part refused (code 1004): Timestamp expired. NXCloud allows 60 seconds of clock skew: synchronise this machine's clock (NTP).",
		});
		expect(only(requests, OPEN_PLATFORM_PROBE).code).toBe(1004);
	});

	it('names the missing Access Secret and sends nothing', async () => {
		const { result, requests } = await testCredential(openPlatformCredential({ accessSecret: '' }));

		expect(result.status).toBe('Error');
		expect(result.message).toContain('Access Secret (field "accessSecret")');
		expect(requests).toEqual([]);
	});
});

describe('Callbot part (Callbot UUID + Callbot Secret Key)', () => {
	it.each([
		['MD5', /^[0-9A-F]{32}$/],
		['SHA256', /^[0-9A-F]{64}$/],
	] as const)('accepts the right secrets signed with %s', async (algorithm, signShape) => {
		const { result, requests } = await testCredential(
			callbotCredential({ callbotAlgorithm: algorithm }),
		);

		expect(result).toEqual({ status: 'OK', message: expect.any(String) });
		// No Access Key: the test probes Callbot only, with none of the open-platform headers.
		const request = only(requests, CALLBOT_PROBE);
		expect(header(request, 'uuid')).toBe(ACCOUNT.callbotUuid);
		expect(header(request, 'algorithm')).toBe(algorithm);
		expect(header(request, 'createTs')).toMatch(/^\d{10}$/);
		expect(header(request, 'requestID')).toMatch(/^[0-9a-f]{32}$/);
		expect(request.headers).not.toHaveProperty('accesskey');
		expect(request.headers).not.toHaveProperty('biztype');
		expect(header(request, 'sign')).toMatch(signShape);
		expect(header(request, 'sign')).toBe(
			expectedCallbotSign(request, ACCOUNT.callbotSecretKey, algorithm),
		);
		// ping answers code 0 only after the signature and account were accepted.
		expect(request.retCode).toBe(0);
	});

	it.each(['MD5', 'SHA256'] as const)(
		'refuses a wrong Callbot Secret Key (%s) and says which part and why',
		async (algorithm) => {
			const wrongSecret = secret();
			const { result, requests } = await testCredential(
				callbotCredential({ callbotAlgorithm: algorithm, callbotSecretKey: wrongSecret }),
			);

			expect(result.status).toBe('Error');
			expect(result.message).toBe(
				'Callbot part refused (code 6): Callbot signature incorrect. Check the Callbot Secret Key and the Callbot Algorithm in the NXCloud credential (they must match the Callbot Developer page).',
			);
			const request = only(requests, CALLBOT_PROBE);
			expect(request.retCode).toBe(6);
			expect(header(request, 'sign')).toBe(expectedCallbotSign(request, wrongSecret, algorithm));
		},
	);

	it('refuses an unknown Callbot UUID and names it', async () => {
		const { result, requests } = await testCredential(
			callbotCredential({ callbotUuid: randomBytes(16).toString('hex') }),
		);

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Callbot part refused \(code 6002\): .*Callbot UUID/);
		expect(only(requests, CALLBOT_PROBE).retCode).toBe(6002);
	});

	it('names the missing Callbot Secret Key and sends nothing', async () => {
		const { result, requests } = await testCredential(callbotCredential({ callbotSecretKey: '' }));

		expect(result.status).toBe('Error');
		expect(result.message).toContain('Callbot Secret Key (field "callbotSecretKey")');
		expect(requests).toEqual([]);
	});
});

it('a credential with both parts is tested on the open platform part', async () => {
	const { result, requests } = await testCredential({
		...callbotCredential(),
		...openPlatformCredential(),
	});

	expect(result.status).toBe('OK');
	expect(OPEN_PLATFORM_AUTH_CODES).not.toContain(only(requests, OPEN_PLATFORM_PROBE).code);
});

it('Test Button Checks chooses the part: with both filled in, the Callbot part is checked on request', async () => {
	const both = { ...callbotCredential(), ...openPlatformCredential() };
	const passed = await testCredential({ ...both, testPart: 'callbot' });
	expect(passed.result.status).toBe('OK');
	expect(only(passed.requests, CALLBOT_PROBE).retCode).toBe(0);

	// A wrong Callbot secret fails this test and names the Callbot part, though the Open Platform part is fine.
	const refused = await testCredential({
		...both,
		testPart: 'callbot',
		callbotSecretKey: secret(),
	});
	expect(refused.result).toEqual({
		status: 'Error',
		message: expect.stringMatching(/^Callbot part refused \(code 6\): /),
	});
	expect(only(refused.requests, CALLBOT_PROBE).retCode).toBe(6);

	// And a wrong Access Secret fails the Open Platform check, naming that part.
	const open = await testCredential({ ...both, testPart: 'openPlatform', accessSecret: secret() });
	expect(open.result.message).toMatch(/^Open Platform part refused \(code 1003\): /);
	expect(only(open.requests, OPEN_PLATFORM_PROBE).code).toBe(1003);
});

it('no secret reaches n8n’s log', () => {
	const log = n8n.logText();
	expect(log.length).toBeGreaterThan(0);
	expect(usedSecrets.size).toBeGreaterThanOrEqual(6);
	for (const value of usedSecrets) expect(log).not.toContain(value);
});
