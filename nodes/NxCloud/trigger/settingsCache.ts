import type { TriggerSettings } from './settings';

/**
 * The trigger's validated settings per node, kept between requests. Reading them costs about a
 * dozen getNodeParameter() calls, each of which makes n8n copy, resolve and validate the value
 * against the node's description; the parameters only change when the workflow is saved, and
 * n8n hands every request the parameters of the active version, so the settings are reused for as
 * long as the parameters are the same (compared as JSON, which is cheap for a few short values).
 * Parameters holding an expression ("=" prefix) may differ per request and are never cached.
 */

/** Bounds the memory used: one entry per active trigger node. */
const MAX_ENTRIES = 500;

interface Entry {
	parametersJson: string;
	settings: TriggerSettings;
}

const cache = new Map<string, Entry>();

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object')
		return Object.values(value as Record<string, unknown>).some(holdsExpression);
	return false;
}

/**
 * The settings for the node whose parameters are `parameters`: from the cache when they are the
 * same as when it was filled, else from `read()` (which throws on invalid parameters; nothing is
 * cached then).
 */
export function settingsFor(
	nodeKey: string,
	parameters: unknown,
	read: () => TriggerSettings,
): TriggerSettings {
	if (holdsExpression(parameters)) {
		cache.delete(nodeKey);
		return read();
	}
	const parametersJson = JSON.stringify(parameters ?? null);
	const entry = cache.get(nodeKey);
	if (entry !== undefined && entry.parametersJson === parametersJson) return entry.settings;
	const settings = read();
	cache.delete(nodeKey);
	if (cache.size >= MAX_ENTRIES) {
		// Maps iterate in insertion order: the first key is the oldest.
		const oldest = cache.keys().next().value;
		if (oldest !== undefined) cache.delete(oldest);
	}
	cache.set(nodeKey, { parametersJson, settings });
	return settings;
}

/** Drops a node's entry (on deactivation). */
export function forgetSettings(nodeKey: string): void {
	cache.delete(nodeKey);
}

/** Number of cached entries (for tests). */
export function cachedSettingsCount(): number {
	return cache.size;
}
