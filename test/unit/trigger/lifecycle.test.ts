import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeHelpers, NodeOperationError } from 'n8n-workflow';

import { NxCloudTrigger } from '../../../nodes/NxCloud/NxCloudTrigger.node';
import { CREDENTIALS } from './mockWebhook';

function hookContext(parameters: IDataObject, credentials: IDataObject | Error = CREDENTIALS) {
	const trigger = new NxCloudTrigger();
	const resolved = NodeHelpers.getNodeParameters(
		trigger.description.properties,
		parameters as any,
		true,
		false,
		null,
		trigger.description,
	) as IDataObject;
	let credentialReads = 0;
	const context = {
		getNodeParameter: (name: string, fallback?: unknown) =>
			name in resolved ? resolved[name] : fallback,
		getNode: () => ({
			id: 'node-1',
			name: 'NXCloud Trigger',
			type: 'n8n-nodes-nxcloud.nxCloudTrigger',
			typeVersion: 1,
			parameters: resolved,
		}),
		getWorkflow: () => ({ id: 'wf-lifecycle', active: true }),
		async getCredentials() {
			credentialReads += 1;
			if (credentials instanceof Error) throw credentials;
			return credentials;
		},
	} as unknown as IHookFunctions;
	return {
		methods: trigger.webhookMethods.default,
		context,
		credentialReads: () => credentialReads,
	};
}

describe('webhook lifecycle: nothing to register at NXCloud', () => {
	it('reports the webhook as existing once the node is usable, so n8n never creates one', async () => {
		const { methods, context } = hookContext({});
		await expect(methods.checkExists.call(context)).resolves.toBe(true);
		await expect(methods.create.call(context)).resolves.toBe(true);
		await expect(methods.delete.call(context)).resolves.toBe(true);
	});

	it('fails activation naming the missing Access Secret, rather than refusing every push later', async () => {
		const { methods, context } = hookContext({}, { ...CREDENTIALS, accessSecret: '' });
		const error = await methods.checkExists.call(context).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toContain('Access Secret');
		await expect(methods.create.call(context)).rejects.toThrow('Access Secret');
	});

	it('fails activation naming the missing Callbot fields for the Callbot source', async () => {
		const { methods, context } = hookContext(
			{ source: 'callbot' },
			{ ...CREDENTIALS, callbotSecretKey: '' },
		);
		await expect(methods.checkExists.call(context)).rejects.toThrow('Callbot Secret Key');
	});

	it('fails activation when no credential is selected and signatures are checked', async () => {
		const { methods, context } = hookContext(
			{},
			new Error('Node "NXCloud Trigger" does not have any credentials set'),
		);
		await expect(methods.checkExists.call(context)).rejects.toThrow(
			'does not have any credentials set',
		);
	});

	it('needs no credential with Signature Check off', async () => {
		const { methods, context, credentialReads } = hookContext(
			{ signatureCheck: 'off' },
			new Error('none'),
		);
		await expect(methods.checkExists.call(context)).resolves.toBe(true);
		expect(credentialReads()).toBe(0);
	});

	it('fails activation naming an invalid parameter', async () => {
		const { methods, context } = hookContext({ businessPhones: 'sales desk' });
		await expect(methods.checkExists.call(context)).rejects.toThrow(
			/"businessPhones".*"sales desk"/,
		);
		const window = hookContext({ redeliveryWindow: 0 });
		await expect(window.methods.checkExists.call(window.context)).rejects.toThrow(
			'"redeliveryWindow" must be a whole number from 1 to 20000, got 0',
		);
	});

	it('does not touch NXCloud or the credential when deactivated', async () => {
		const { methods, context, credentialReads } = hookContext({}, new Error('none'));
		await expect(methods.delete.call(context)).resolves.toBe(true);
		expect(credentialReads()).toBe(0);
	});
});
