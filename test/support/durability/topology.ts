// What the crash tests need from the n8n they run against, whatever its shape: one process
// (singleProcess.ts) or queue mode with several webhook processes (wired in by the queue-mode
// harness, see queueTopology.ts).
import type { N8nClient } from '../e2e/n8nClient';

export interface DurabilityTopology {
	/** Public API and executions, through a process that survives the kills (or is restarted). */
	client(): N8nClient;
	/** Production URL of a webhook path through the front door (the proxy in queue mode). */
	webhookUrl(path: string): string;
	/**
	 * Production URL through one given webhook-receiving process (0, 1, …), bypassing any proxy,
	 * to deliver an event to one process and its redelivery to another.
	 */
	webhookUrlOf(processIndex: number, path: string): string;
	/** How many processes receive webhooks (1 for a single n8n). */
	readonly webhookProcesses: number;
	/** SIGKILL of one webhook-receiving process (the only one for a single n8n). */
	kill(processIndex: number): Promise<void>;
	/** Starts the killed process again on the same data and waits until it serves webhooks. */
	restart(processIndex: number): Promise<void>;
	/**
	 * Optional, where the public API would count wrong or slowly (queue mode): executions of the
	 * workflow that ran, per push marker, and a wait until every execution that will run has.
	 * Without them the crash test pages through the public API and waits until none is unfinished.
	 */
	executionsPerMarker?(workflowId: string): Promise<Map<string, number>>;
	waitUntilSettled?(workflowId: string, expected: number): Promise<void>;
	/** Stops everything the topology started, by pid. */
	stop(): Promise<void>;
}
