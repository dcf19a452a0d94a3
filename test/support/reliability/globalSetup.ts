import e2eGlobalSetup from '../e2e/globalSetup';

/**
 * The e2e harness's n8n, with a body limit that lets the 20 MB push of the resource-bounds part
 * through. n8n's default (N8N_PAYLOAD_SIZE_MAX = 16 MiB) would answer it 413 before the trigger
 * ever sees it; a 64 MiB push is still refused, which that part checks too. The harness passes
 * its own environment on to n8n, so setting it here is enough.
 */
export const RELIABILITY_PAYLOAD_SIZE_MAX_MIB = 40;

/**
 * n8n 2.41's default expression engine ("vm") takes an isolate from a pool of one for every
 * production webhook request of any trigger but n8n's own Webhook node, and builds a new isolate
 * to replace it: ~10x the cost of the request itself (measured: 200 refused requests in 13–17 s
 * with "vm", 1.3–2.2 s with "legacy", same machine, same load). That is n8n's, not the trigger's,
 * and it would put thousands of requests past the suite's time budget. The trigger's code runs
 * the same under either engine (its only expression is `outputs`, which both evaluate); the e2e
 * project keeps n8n's default. RELIABILITY_EXPRESSION_ENGINE=vm runs this suite on "vm" too.
 */
export const RELIABILITY_EXPRESSION_ENGINE = process.env.RELIABILITY_EXPRESSION_ENGINE ?? 'legacy';

export default async function globalSetup(): Promise<void> {
	process.env.N8N_PAYLOAD_SIZE_MAX ??= String(RELIABILITY_PAYLOAD_SIZE_MAX_MIB);
	process.env.N8N_EXPRESSION_ENGINE ??= RELIABILITY_EXPRESSION_ENGINE;
	await e2eGlobalSetup();
}
