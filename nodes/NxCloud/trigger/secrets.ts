import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { TriggerSource } from './events/types';
import { callbotAlgorithmFromHeader } from '../signing/callbot';
import { missingCredentialField } from '../signing/signRequest';
import { cachedSecrets, forgetSecrets, rememberSecrets, secretCacheKey } from './secretCache';
import type { TriggerSecrets } from './settings';

const FIELDS_BY_SOURCE: Record<TriggerSource, readonly string[]> = {
	whatsapp: ['accessSecret'],
	callbot: ['callbotUuid', 'callbotSecretKey'],
};

/**
 * The secrets the signature check of `source` needs, read from the node's NXCloud API
 * credential, or a message naming what is missing (no credential selected, or an empty field).
 */
export async function loadSecrets(
	context: IHookFunctions | IWebhookFunctions,
	source: TriggerSource,
): Promise<TriggerSecrets | string> {
	let credentials;
	try {
		credentials = await context.getCredentials('nxCloudApi');
	} catch (error) {
		return `No usable NXCloud API credential is selected, and Signature Check needs one: ${(error as Error).message}`;
	}
	const missing = missingCredentialField(credentials, FIELDS_BY_SOURCE[source], 'Signature Check');
	if (missing) return missing;
	return {
		accessSecret:
			typeof credentials.accessSecret === 'string' ? credentials.accessSecret : undefined,
		callbotUuid:
			typeof credentials.callbotUuid === 'string' ? credentials.callbotUuid.trim() : undefined,
		callbotSecretKey:
			typeof credentials.callbotSecretKey === 'string' ? credentials.callbotSecretKey : undefined,
		callbotAlgorithm: callbotAlgorithmFromHeader(String(credentials.callbotAlgorithm ?? 'MD5')),
	};
}

export interface WebhookSecrets {
	secrets: TriggerSecrets;
	/** True when they came from the cache (and may be out of date). */
	cached: boolean;
}

/**
 * The secrets for one request: from the in-process cache when it has them (see secretCache.ts),
 * else from the credential. `fresh` skips the cache and replaces its entry.
 */
export async function webhookSecrets(
	context: IWebhookFunctions,
	source: TriggerSource,
	nowMs: number,
	fresh = false,
): Promise<WebhookSecrets | string> {
	const node = context.getNode();
	const key = secretCacheKey(
		context.getWorkflow().id,
		node.id,
		node.credentials?.nxCloudApi?.id,
		source,
	);
	if (!fresh) {
		const cached = cachedSecrets(key, nowMs);
		if (cached) return { secrets: cached, cached: true };
	}
	forgetSecrets(key);
	const loaded = await loadSecrets(context, source);
	if (typeof loaded === 'string') return loaded;
	rememberSecrets(key, loaded, nowMs);
	return { secrets: loaded, cached: false };
}
