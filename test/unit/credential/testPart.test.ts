// Which part of the credential the Test button checks, and that its messages name that part. n8n
// runs the test request through its own expression engine and our authenticate(); both are used
// here as n8n uses them (the real button is exercised in test/e2e/credential.test.ts).
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	INodeTypes,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { NxCloudApi } from '../../../credentials/NxCloudApi.credentials';

const credential = new NxCloudApi();
const test = credential.test as ICredentialTestRequest;

const emptyNodeType = { description: { properties: [] } };
const workflow = new Workflow({
	nodes: [
		{ id: '1', name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} },
	],
	connections: {},
	active: false,
	nodeTypes: {
		getByName: () => emptyNodeType,
		getByNameAndVersion: () => emptyNodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes,
});

const HOSTS = { openApiBaseUrl: 'https://open.example/', callbotBaseUrl: 'https://bot.example' };
const OPEN = 'https://open.example/api/wa/calling/get';
const CALLBOT = 'https://bot.example/callcentre/api/v3/ping';
const BOTH_PARTS = {
	...HOSTS,
	accessKey: 'ak',
	accessSecret: 'as',
	callbotUuid: 'uuid',
	callbotSecretKey: 'sk',
};

/** The URL the test request goes to, evaluated the way n8n's credential tester does. */
function probedUrl(credentials: ICredentialDataDecryptedObject): string {
	return workflow.expression.getSimpleParameterValue(
		workflow.getNode('Test')!,
		test.request.url!,
		'internal',
		{ $credentials: credentials },
	) as string;
}

/** The test request signed by the credential's authenticate(), as n8n sends it. */
async function signedProbe(credentials: ICredentialDataDecryptedObject) {
	const { method, body, headers } = test.request;
	return await credential.authenticate(credentials, {
		method,
		body,
		url: probedUrl(credentials),
		headers: { ...headers },
	});
}

describe('Test Button Checks', () => {
	it('Automatic (and credentials saved before the field) check the Open Platform part when an Access Key is set', () => {
		expect(probedUrl({ ...BOTH_PARTS, testPart: 'auto' })).toBe(OPEN);
		expect(probedUrl(BOTH_PARTS)).toBe(OPEN);
		expect(probedUrl({ ...BOTH_PARTS, accessKey: '' })).toBe(CALLBOT);
	});

	it('a chosen part is checked whatever else is filled in', () => {
		expect(probedUrl({ ...BOTH_PARTS, testPart: 'callbot' })).toBe(CALLBOT);
		expect(probedUrl({ ...BOTH_PARTS, accessKey: '', testPart: 'openPlatform' })).toBe(OPEN);
	});

	it('is an option of the credential, Automatic by default', () => {
		const field = credential.properties.find((property) => property.name === 'testPart');
		expect(field?.default).toBe('auto');
		expect(field?.options?.map((option) => (option as { value: string }).value)).toEqual([
			'auto',
			'callbot',
			'openPlatform',
		]);
	});
});

describe('the messages name the part tested', () => {
	it('a missing field of the chosen part is named with its part, and nothing is signed', async () => {
		await expect(
			signedProbe({ ...BOTH_PARTS, accessSecret: '', testPart: 'openPlatform' }),
		).rejects.toThrow(
			'The NXCloud credential has no Access Secret (field "accessSecret"), which the Open Platform part needs',
		);
		await expect(
			signedProbe({ ...BOTH_PARTS, callbotSecretKey: '', testPart: 'callbot' }),
		).rejects.toThrow(
			'The NXCloud credential has no Callbot Secret Key (field "callbotSecretKey"), which the Callbot part needs',
		);
	});

	it('the chosen part is the one signed: Callbot headers only for the Callbot part', async () => {
		const callbot = await signedProbe({ ...BOTH_PARTS, testPart: 'callbot' });
		expect(callbot.headers).toMatchObject({ uuid: 'uuid' });
		expect(callbot.headers).not.toHaveProperty('accessKey');
		const open = await signedProbe({ ...BOTH_PARTS, testPart: 'openPlatform' });
		expect(open.headers).toMatchObject({ accessKey: 'ak' });
		expect(open.headers).not.toHaveProperty('uuid');
	});

	it('every refusal rule starts with the part it refers to', () => {
		const messages = (test.rules ?? []).map(
			(rule) => (rule.properties as { message: string }).message,
		);
		expect(messages.length).toBeGreaterThan(0);
		for (const message of messages)
			expect(message).toMatch(
				/^(Open Platform part refused \(code \d+\)|Callbot part refused \((code|retCode) \d+\)): /,
			);
	});
});
