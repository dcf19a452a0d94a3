// The queue-mode topology of test/support/queue/ (Postgres, Redis, n8n main, workers, two
// `n8n webhook` processes behind the round-robin proxy) seen as a DurabilityTopology, so the
// crash scenario shared with the single-process test runs on it unchanged. The topology belongs
// to the queue stage's globalSetup/globalTeardown: stop() leaves it running.
import { n8nMain, topology } from '../queue/harness';
import { killWebhookProcess, startWebhookProcess } from '../queue/topology';
import type { DurabilityTopology } from './topology';

export function queueDurabilityTopology(): DurabilityTopology {
	const client = n8nMain();
	return {
		client: () => client,
		webhookUrl: (path) => `${topology().proxy!.url}/webhook/${path}`,
		// Re-read: a restart saves the process's new pid in the topology file (the port stays).
		webhookUrlOf: (index, path) => `${topology(true).webhooks[index].baseUrl}/webhook/${path}`,
		webhookProcesses: topology().webhooks.length,
		kill: async (index) => await killWebhookProcess(topology(true), index),
		restart: async (index) => {
			await startWebhookProcess(topology(true), index);
			topology(true);
		},
		stop: async () => await client.cleanup(),
	};
}
