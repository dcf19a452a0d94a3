import { fixtureBytes } from './events/fixtures';
import { NxCloudTrigger } from '../../../nodes/NxCloud/NxCloudTrigger.node';
import {
	cachedSecretCount,
	cachedSecrets,
	forgetNode,
	rememberSecrets,
	secretCacheKey,
	SECRET_TTL_MS,
} from '../../../nodes/NxCloud/trigger/secretCache';
import { CREDENTIALS, deliver, signedWhatsAppHeaders } from './mockWebhook';

const body = fixtureBytes('whatsapp', 'status-read');

describe('secret cache: one credential read per minute, not per push', () => {
	it('reads the credential for the first push only', async () => {
		const first = await deliver({ body, headers: signedWhatsAppHeaders(body) });
		expect(first.credentialReads()).toBe(1);
		const second = await deliver({
			workflowId: first.workflowId,
			body,
			headers: signedWhatsAppHeaders(body, { ts: '1' }),
			parameters: { dropRedeliveries: false },
		});
		expect(second.credentialReads()).toBe(0);
		expect(second.result.workflowData).toBeDefined();
	});

	it('does not share secrets between workflows', async () => {
		const first = await deliver({ body, headers: signedWhatsAppHeaders(body) });
		const other = await deliver({ body, headers: signedWhatsAppHeaders(body) });
		expect(other.workflowId).not.toBe(first.workflowId);
		expect(other.credentialReads()).toBe(1);
	});

	it('re-reads the credential when a signature fails against the cached secret, so a new secret works at once', async () => {
		const first = await deliver({ body, headers: signedWhatsAppHeaders(body) });
		const rotated = { ...CREDENTIALS, accessSecret: 'the-new-secret' };
		const next = await deliver({
			workflowId: first.workflowId,
			credentials: rotated,
			body,
			headers: signedWhatsAppHeaders(body, { secret: 'the-new-secret' }),
			parameters: { dropRedeliveries: false },
		});
		expect(next.credentialReads()).toBe(1);
		expect(next.result.workflowData).toBeDefined();
	});

	it('still answers 401 when the signature fails against the fresh credential too (one extra read)', async () => {
		const first = await deliver({ body, headers: signedWhatsAppHeaders(body) });
		const forged = await deliver({
			workflowId: first.workflowId,
			body,
			headers: signedWhatsAppHeaders(body, { secret: 'guess' }),
		});
		expect(forged.response).toMatchObject({ status: 401, json: { reason: 'bad_signature' } });
		expect(forged.credentialReads()).toBe(1);
	});

	it('does not retry refusals other than a bad signature', async () => {
		const first = await deliver({ body, headers: signedWhatsAppHeaders(body) });
		const unsigned = await deliver({
			workflowId: first.workflowId,
			body,
			headers: { 'content-type': 'application/json' },
		});
		expect(unsigned.response.json.reason).toBe('missing_header');
		expect(unsigned.credentialReads()).toBe(0);
	});

	it('expires entries after the TTL and forgets a node when its workflow is deactivated', async () => {
		const key = secretCacheKey('wf-ttl', 'node-1', 'cred-1', 'whatsapp');
		rememberSecrets(key, { accessSecret: 's', callbotAlgorithm: 'MD5' }, 1000);
		expect(cachedSecrets(key, 1000 + SECRET_TTL_MS - 1)).toEqual({
			accessSecret: 's',
			callbotAlgorithm: 'MD5',
		});
		expect(cachedSecrets(key, 1000 + SECRET_TTL_MS)).toBeUndefined();

		const first = await deliver({ body, headers: signedWhatsAppHeaders(body) });
		const count = cachedSecretCount();
		const trigger = new NxCloudTrigger();
		await trigger.webhookMethods.default.delete.call({
			getWorkflow: () => ({ id: first.workflowId }),
			getNode: () => ({ id: 'node-1' }),
		} as never);
		expect(cachedSecretCount()).toBe(count - 1);
		forgetNode('nothing-here', 'node-1');
		expect(cachedSecretCount()).toBe(count - 1);
	});
});
