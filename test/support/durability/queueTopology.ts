// The queue-mode topology (Postgres, Redis, n8n main, workers, two `n8n webhook` processes behind
// a round-robin proxy) comes from the queue-mode harness, which is built on another branch. When
// it is merged, wire it here: return a DurabilityTopology whose
//   client()            talks to the main process's public API,
//   webhookUrl(path)    goes through the proxy,
//   webhookUrlOf(i, p)  goes straight to webhook process i (0 or 1),
//   kill(i)/restart(i)  SIGKILL webhook process i / start it again with the same environment,
//   stop()              stops everything the harness started, by pid.
import type { DurabilityTopology } from './topology';

export async function startQueueTopology(): Promise<DurabilityTopology> {
	throw new Error('The queue-mode harness is not wired into test/support/durability/queueTopology.ts yet');
}
