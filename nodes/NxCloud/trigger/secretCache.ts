import type { TriggerSecrets } from './settings';

/**
 * How long the trigger reuses a credential it decrypted. In a webhook, n8n's getCredentials()
 * builds a workflow of its own and takes a fresh expression isolate each time (tens of
 * milliseconds; measured, see bench/README.md), which more than tripled the cost of a push.
 * A signature that does not verify against a cached secret is checked again against a freshly
 * read credential, so a changed secret takes effect with the next push; a secret that was
 * replaced keeps being accepted for at most this long.
 */
export const SECRET_TTL_MS = 60_000;

/** Bounds the memory used: one entry per active trigger node and credential. */
const MAX_ENTRIES = 500;

interface Entry {
	secrets: TriggerSecrets;
	expiresAt: number;
}

/** Kept in the n8n process only, never in workflow data, so the secrets stay out of the database. */
const cache = new Map<string, Entry>();

/** Cache key: the same node of the same workflow with the same credential and source. */
export function secretCacheKey(
	workflowId: string | undefined,
	nodeId: string,
	credentialId: string | null | undefined,
	source: string,
): string {
	return `${workflowId ?? ''}\u0000${nodeId}\u0000${credentialId ?? ''}\u0000${source}`;
}

export function cachedSecrets(key: string, nowMs: number): TriggerSecrets | undefined {
	const entry = cache.get(key);
	if (entry === undefined) return undefined;
	if (entry.expiresAt <= nowMs) {
		cache.delete(key);
		return undefined;
	}
	return entry.secrets;
}

export function rememberSecrets(key: string, secrets: TriggerSecrets, nowMs: number): void {
	cache.delete(key);
	if (cache.size >= MAX_ENTRIES) {
		// Maps iterate in insertion order: the first key is the oldest.
		const oldest = cache.keys().next().value;
		if (oldest !== undefined) cache.delete(oldest);
	}
	cache.set(key, { secrets, expiresAt: nowMs + SECRET_TTL_MS });
}

export function forgetSecrets(key: string): void {
	cache.delete(key);
}

/** Drops every entry of one trigger node (on deactivation). */
export function forgetNode(workflowId: string | undefined, nodeId: string): void {
	const prefix = `${workflowId ?? ''}\u0000${nodeId}\u0000`;
	for (const key of [...cache.keys()]) {
		if (key.startsWith(prefix)) cache.delete(key);
	}
}

/** Number of cached entries (for tests). */
export function cachedSecretCount(): number {
	return cache.size;
}
