import type { N8nClient } from '../e2e/n8nClient';
import { forEachExecution } from '../reliability/executions';
import { MARKER_PATTERN } from './pushes';

/**
 * How many executions of the workflow carry each marker (a push's message id). Each push holds
 * one event, so a marker counted twice is an event that ran twice.
 */
export async function executionsPerMarker(
	n8n: N8nClient,
	workflowId: string,
): Promise<Map<string, number>> {
	const counts = new Map<string, number>();
	await forEachExecution(n8n, { workflowId, includeData: true }, (_execution, text) => {
		for (const marker of new Set(text?.match(MARKER_PATTERN) ?? []))
			counts.set(marker, (counts.get(marker) ?? 0) + 1);
	});
	return counts;
}
