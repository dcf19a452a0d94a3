/**
 * Runs `task` for every element with at most `concurrency` in flight; results keep input order.
 * A task that throws rejects the whole run (tests want to know).
 */
export async function mapConcurrent<T, R>(
	inputs: readonly T[],
	concurrency: number,
	task: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(inputs.length);
	let next = 0;
	async function worker(): Promise<void> {
		for (;;) {
			const index = next++;
			if (index >= inputs.length) return;
			results[index] = await task(inputs[index], index);
		}
	}
	await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length) }, () => worker()));
	return results;
}
