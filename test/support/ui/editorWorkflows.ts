import type { N8nClient } from '../e2e/n8nClient';
import type { WorkflowJson } from '../e2e/types';

/**
 * Saves a workflow through the editor's REST API (`POST /rest/workflows`), which, unlike the
 * public API, keeps pinned data: what the editor then shows as a node's output without a run.
 * Returns its id; delete it with `n8n.deleteWorkflow(id)`.
 */
export async function createEditorWorkflow(
	n8n: N8nClient,
	workflow: WorkflowJson & { pinData?: Record<string, unknown> },
): Promise<string> {
	const response = await n8n.rest('POST', '/workflows', { settings: {}, ...workflow });
	const id = (response.json as { data?: { id?: string } } | undefined)?.data?.id;
	if (response.status >= 300 || !id)
		throw new Error(`POST /rest/workflows answered ${response.status}: ${response.text}`);
	return id;
}
