import { TOPOLOGY_ENV, readTopology, stopQueueTopology } from './topology';

/**
 * Stops every process of the topology by pid, read back from the topology file (tests that
 * restart a webhook process record its new pid there). KEEP_N8N=1 keeps the run folder (logs).
 */
export default async function globalTeardown(): Promise<void> {
	if (!process.env[TOPOLOGY_ENV] || process.env.NXCLOUD_QUEUE_REUSED === '1') return;
	await stopQueueTopology(readTopology(), { keep: process.env.KEEP_N8N === '1' });
}
