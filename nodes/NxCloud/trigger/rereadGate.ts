/**
 * How often a node may re-read its credential because a signature failed against the cached
 * secret. Each read costs n8n a fresh expression isolate (see secretCache.ts); without a limit a
 * flood of forged pushes would pay it once per push. A secret changed in the credential is still
 * picked up within this long (NXCloud retries the refused push).
 */
export const REREAD_INTERVAL_MS = 10_000;

const lastReread = new Map<string, number>();

/** Whether the node may re-read now; if so, the re-read is counted from now. */
export function mayRereadCredential(nodeKey: string, nowMs: number): boolean {
	const last = lastReread.get(nodeKey);
	if (last !== undefined && nowMs - last < REREAD_INTERVAL_MS) return false;
	lastReread.set(nodeKey, nowMs);
	return true;
}

/** Forgets one node (on deactivation). */
export function forgetRereads(nodeKey: string): void {
	lastReread.delete(nodeKey);
}
