import e2eGlobalSetup from '../e2e/globalSetup';

/**
 * The e2e harness's n8n, with a body limit that lets the 20 MB push of the resource-bounds part
 * through. n8n's default (N8N_PAYLOAD_SIZE_MAX = 16 MiB) would answer it 413 before the trigger
 * ever sees it; a 64 MiB push is still refused, which that part checks too. The harness passes
 * its own environment on to n8n, so setting it here is enough.
 */
export const RELIABILITY_PAYLOAD_SIZE_MAX_MIB = 40;

export default async function globalSetup(): Promise<void> {
	process.env.N8N_PAYLOAD_SIZE_MAX ??= String(RELIABILITY_PAYLOAD_SIZE_MAX_MIB);
	await e2eGlobalSetup();
}
