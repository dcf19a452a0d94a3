import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { signRequest } from '../nodes/NxCloud/signing/signRequest';
import { CALLBOT_HINTS, OPEN_PLATFORM_HINTS } from '../nodes/NxCloud/transport/errorCatalog';

/**
 * One credential for both NXCloud products. They sign differently and live on different hosts,
 * so either half may be left empty by a user who only uses the other product; the node names the
 * missing field before it sends anything.
 */
export class NxCloudApi implements ICredentialType {
	name = 'nxCloudApi';

	displayName = 'NXCloud API';

	icon: Icon = {
		light: 'file:../nodes/NxCloud/nxcloud.svg',
		dark: 'file:../nodes/NxCloud/nxcloud.dark.svg',
	};

	documentationUrl = 'https://github.com/nxcloud-n8n/n8n-nodes-nxcloud#credentials';

	properties: INodeProperties[] = [
		{
			displayName:
				'Fill in the Open Platform part for WhatsApp Calling and the WhatsApp Trigger, the Callbot part for the Callbot API and Callbot callbacks, or both. The Test button checks one part per click, the one chosen under Test Button Checks at the bottom, and an error names the part; to check both, test once with each.',
			name: 'halvesNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Access Key',
			name: 'accessKey',
			type: 'string',
			default: '',
			placeholder: 'e.g. fme2na3kdi3ki',
			description:
				'Open platform access key: NXCloud console → Developer (API key page). Used for WhatsApp Calling and to verify WhatsApp webhook pushes.',
		},
		{
			displayName: 'Access Secret',
			name: 'accessSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Open platform access secret, shown next to the access key in the console',
		},
		{
			displayName: 'WhatsApp App Key',
			name: 'appKey',
			type: 'string',
			default: '',
			placeholder: 'e.g. pem28kje',
			description:
				'Optional. Key of your NXCloud WhatsApp application (WhatsApp → application management). WhatsApp operations whose App Key is left empty use this one.',
		},
		{
			displayName: 'Open Platform Algorithm',
			name: 'openApiAlgorithm',
			type: 'options',
			options: [
				{ name: 'MD5', value: 'md5' },
				{ name: 'SHA-256', value: 'sha256' },
			],
			default: 'md5',
			description: 'Digest used to sign open platform requests (the vendor default is MD5)',
		},
		{
			displayName: 'Open Platform Base URL',
			name: 'openApiBaseUrl',
			type: 'string',
			default: 'https://api2.nxcloud.com',
			description: 'Change only to point the node at a test server',
		},
		{
			displayName: 'Callbot UUID',
			name: 'callbotUuid',
			type: 'string',
			default: '',
			description: 'Callbot account UUID: NXCloud console → AI outbound call (Callbot) → Developer',
		},
		{
			displayName: 'Callbot Secret Key',
			name: 'callbotSecretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Callbot secretKey, on the same Developer page as the UUID',
		},
		{
			displayName: 'Callbot Algorithm',
			name: 'callbotAlgorithm',
			type: 'options',
			options: [
				{ name: 'MD5', value: 'MD5' },
				// Shown as SHA-256 like the Open Platform Algorithm; the stored value stays SHA256.
				{ name: 'SHA-256', value: 'SHA256' },
			],
			default: 'MD5',
			description:
				'Digest used to sign Callbot requests; must match the algorithm chosen on the Callbot Developer page, which NXCloud also uses to sign callbacks',
		},
		{
			displayName: 'Callbot Base URL',
			name: 'callbotBaseUrl',
			type: 'string',
			default: 'https://nxbot.nxcloud.com',
			description: 'Change only to point the node at a test server',
		},
		{
			displayName: 'Test Button Checks',
			name: 'testPart',
			type: 'options',
			options: [
				{
					name: 'Automatic',
					value: 'auto',
					description:
						'The Open Platform part when an Access Key is set, otherwise the Callbot part',
				},
				{
					name: 'Callbot Part',
					value: 'callbot',
					description: 'Callbot UUID, Callbot Secret Key and Callbot Algorithm (Callbot ping)',
				},
				{
					name: 'Open Platform Part',
					value: 'openPlatform',
					description:
						'Access Key, Access Secret and Open Platform Algorithm (a harmless WhatsApp Calling read)',
				},
			],
			default: 'auto',
			description:
				'Which part the Test button checks; n8n runs one request per test, and the parts live on different NXCloud hosts. With both parts filled in, test once with each.',
		},
	];

	/**
	 * Signs every request right before it is sent, so each retry gets a fresh timestamp and
	 * request ID (n8n calls this once per httpRequestWithAuthentication call).
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return await signRequest(credentials, requestOptions);
	}

	/**
	 * n8n runs one request per test. The open platform has no harmless "who am I" call, so the
	 * probe asks for the calling settings of a number that cannot exist: a business answer
	 * (parameter error, phone not bound) proves the signature was accepted, codes 1001–1005 mean
	 * it was refused. The Callbot part is probed with `ping`: when Test Button Checks says so, or
	 * (Automatic, the value of credentials saved before the field existed) without an access key.
	 * n8n shows a fixed text on success, so the notice and Test Button Checks say which part a
	 * passing test checked; every failure names its part. The messages are
	 * the error catalog's hints, so the test button and a failing operation say the same thing.
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '={{ ($credentials.testPart === "openPlatform" || ($credentials.testPart !== "callbot" && $credentials.accessKey)) ? $credentials.openApiBaseUrl.replace(/\\/+$/, "") + "/api/wa/calling/get" : $credentials.callbotBaseUrl.replace(/\\/+$/, "") + "/callcentre/api/v3/ping" }}',
			headers: { 'Content-Type': 'application/json', bizType: '2', action: 'mt' },
			body: { appkey: 'n8n-cred-probe', business_phone: '0', data: 'n8n credential test' },
		},
		rules: [
			...[1001, 1002, 1003, 1004, 1005].map((code) => ({
				type: 'responseSuccessBody' as const,
				properties: {
					key: 'code',
					value: code,
					message: `Open Platform part refused (code ${code}): ${OPEN_PLATFORM_HINTS[code]}`,
				},
			})),
			// ping answers {data, timestamp, code, msg, reqId}; other Callbot endpoints use retCode.
			// Both are checked, so a refusal in either envelope fails the test.
			...(['code', 'retCode'] as const).flatMap((key) =>
				[6, 6001, 6002, 6003].map((code) => ({
					type: 'responseSuccessBody' as const,
					properties: {
						key,
						value: code,
						message: `Callbot part refused (${key} ${code}): ${CALLBOT_HINTS[code]}`,
					},
				})),
			),
		],
	};
}
