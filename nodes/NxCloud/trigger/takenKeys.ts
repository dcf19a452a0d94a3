/**
 * Which redelivery keys this n8n process knows to be taken, per trigger node.
 *
 * A key is "stored" once n8n has stored (or, in queue mode, enqueued) the execution that emits
 * its event; only stored keys make a redelivery be dropped for good. A key is "being taken" while
 * the request that carries it is still between the trigger's check and n8n's answer: a second
 * delivery of that event meanwhile waits for the first to end instead of running beside it, and
 * if the first was not taken (n8n failed to store the execution, the connection dropped) the key
 * is released so the second, or NXCloud's retry, runs it.
 */

/** Bounds the memory used: one entry per active trigger node. */
const MAX_NODES = 500;

interface NodeKeys {
	/** Stored keys, oldest first, at most `limit`. */
	stored: string[];
	storedSet: Set<string>;
	/** Keys being taken, each with a promise that settles when its request ends. */
	taking: Map<string, Taking>;
}

interface Taking {
	ended: Promise<void>;
	/** n8n has stored the execution; the request has not ended yet. */
	executionStored: boolean;
}

const nodes = new Map<string, NodeKeys>();

function nodeKeys(memoryKey: string): NodeKeys {
	let keys = nodes.get(memoryKey);
	if (keys === undefined) {
		if (nodes.size >= MAX_NODES) {
			const oldest = nodes.keys().next().value;
			if (oldest !== undefined) nodes.delete(oldest);
		}
		keys = { stored: [], storedSet: new Set(), taking: new Map() };
		nodes.set(memoryKey, keys);
	}
	return keys;
}

/**
 * Every key a push is checked against: the copy n8n loaded from its database for this request
 * (what every process, and this one before a restart, stored), then what this process stored
 * since, then what it is taking now. Oldest first, no repeats.
 */
export function keysToCheck(memoryKey: string, storedCopy: readonly string[]): string[] {
	const keys = nodes.get(memoryKey);
	if (keys === undefined) return [...storedCopy];
	const here = [...keys.stored, ...keys.taking.keys()];
	if (here.length === 0) return [...storedCopy];
	const hereSet = new Set(here);
	return [...storedCopy.filter((key) => !hereSet.has(key)), ...here];
}

/** Promises of the requests still taking any of `keys` (empty when none is). */
export function requestsTaking(memoryKey: string, keys: readonly string[]): Array<Promise<void>> {
	const taking = nodes.get(memoryKey)?.taking;
	if (taking === undefined || taking.size === 0) return [];
	const pending = new Set<Promise<void>>();
	for (const key of keys) {
		const promise = taking.get(key)?.ended;
		if (promise !== undefined) pending.add(promise);
	}
	return [...pending];
}

/** What the request that reserved keys reports about them. */
export interface Reservation {
	/**
	 * n8n has stored (or enqueued) the execution and is about to save the window: from now on
	 * every window this process writes holds the keys, so a concurrent request's save, landing
	 * after this one's, cannot drop them.
	 */
	executionStored(): void;
	/** The request ended with the execution stored: the keys become stored. Final. */
	stored(): void;
	/** The request ended without the execution being known to exist: the keys are released. Final. */
	released(): void;
}

/**
 * Marks `keys` as being taken by one request. Must be called in the same synchronous step as the
 * check that found them new, so that two deliveries of one event cannot both pass.
 */
export function reserve(memoryKey: string, keys: readonly string[], limit: number): Reservation {
	const node = nodeKeys(memoryKey);
	let settle: () => void = () => undefined;
	const ended = new Promise<void>((resolve) => {
		settle = resolve;
	});
	const mine = [...new Set(keys)].filter(
		(key) => !node.taking.has(key) && !node.storedSet.has(key),
	);
	const entry: Taking = { ended, executionStored: false };
	for (const key of mine) node.taking.set(key, entry);
	let done = false;
	const finish = (keep: boolean) => {
		if (done) return;
		done = true;
		// The node's entry may have been dropped meanwhile (deactivated, or evicted): use the current one.
		const current = nodeKeys(memoryKey);
		for (const key of mine) {
			if (current.taking.get(key) === entry) current.taking.delete(key);
			if (keep && !current.storedSet.has(key)) {
				current.stored.push(key);
				current.storedSet.add(key);
			}
		}
		if (current.stored.length > limit) {
			for (const key of current.stored.splice(0, current.stored.length - limit))
				current.storedSet.delete(key);
		}
		settle();
	};
	return {
		executionStored: () => {
			entry.executionStored = true;
		},
		stored: () => finish(true),
		released: () => finish(false),
	};
}

/**
 * The window to write to the workflow's static data: the copy loaded for this request merged
 * with every key this process knows has its execution stored (which also repairs keys another
 * process's save overwrote), oldest first, the newest `limit`.
 */
export function windowToStore(
	memoryKey: string,
	storedCopy: readonly string[],
	limit: number,
): string[] {
	const node = nodes.get(memoryKey);
	const here = [...(node?.stored ?? [])];
	for (const [key, taking] of node?.taking ?? []) if (taking.executionStored) here.push(key);
	const hereSet = new Set(here);
	const merged = [...storedCopy.filter((key) => !hereSet.has(key)), ...new Set(here)];
	return merged.length > limit ? merged.slice(merged.length - limit) : merged;
}

/** Forgets a node's keys in this process (on deactivation); the database copy stays. */
export function forgetTakenKeys(memoryKey: string): void {
	nodes.delete(memoryKey);
}
