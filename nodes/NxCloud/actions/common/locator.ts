/**
 * The value of a resource locator parameter, whichever shape the workflow saved: `{ __rl, mode,
 * value }` since the field became a picker, or the plain text that workflows saved before keep.
 * n8n hands both to the node as they are stored, so every reader goes through here.
 */
export function locatorValue(raw: unknown): unknown {
	if (
		typeof raw === 'object' &&
		raw !== null &&
		!Array.isArray(raw) &&
		'value' in raw &&
		('__rl' in raw || 'mode' in raw)
	) {
		return (raw as { value: unknown }).value;
	}
	return raw;
}
