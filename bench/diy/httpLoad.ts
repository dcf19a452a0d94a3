// Load generation for the DIY benchmark: posts prepared requests with a fixed number in flight
// over keep-alive connections and records when each answer came back.
import { performance } from 'node:perf_hooks';

import { Agent, request } from 'undici';

export interface PreparedRequest {
	body: string;
	headers: Record<string, string>;
}

export interface FireResult {
	requests: number;
	/** Wall-clock ms (Date.now) when the first request went out: compared with n8n's stoppedAt. */
	startedAtMs: number;
	/** From the first request out to the last answer in. */
	seconds: number;
	latenciesMs: number[];
	failures: number;
}

export async function fire(
	url: string,
	requests: PreparedRequest[],
	concurrency: number,
): Promise<FireResult> {
	const agent = new Agent({ connections: concurrency, pipelining: 1 });
	const latenciesMs: number[] = [];
	let failures = 0;
	let next = 0;
	const startedAtMs = Date.now();
	const started = performance.now();
	const worker = async () => {
		while (next < requests.length) {
			const { body, headers } = requests[next++];
			const t0 = performance.now();
			const response = await request(url, { method: 'POST', headers, body, dispatcher: agent });
			await response.body.dump();
			latenciesMs.push(performance.now() - t0);
			if (response.statusCode !== 200) failures += 1;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	const seconds = (performance.now() - started) / 1000;
	await agent.close();
	return { requests: requests.length, startedAtMs, seconds, latenciesMs, failures };
}

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
