import type { Execution, ExecutionError, ExecutionItem, NodeRun } from './types';

function nodeRun(execution: Execution, nodeName: string, runIndex: number): NodeRun | undefined {
	if (!execution.data) {
		throw new Error(`Execution ${execution.id} was fetched without data (use includeData: true)`);
	}
	return execution.data.resultData.runData[nodeName]?.[runIndex];
}

/**
 * A node's output items per output index (`[output0Items, output1Items, …]`), as n8n recorded
 * them; `[]` when the node did not run. A null output (nothing emitted there) reads as `[]`.
 */
export function nodeOutputs(
	execution: Execution,
	nodeName: string,
	runIndex = 0,
): ExecutionItem[][] {
	const run = nodeRun(execution, nodeName, runIndex);
	return (run?.data?.main ?? []).map((items) => items ?? []);
}

/** Whether the node ran at all in this execution. */
export function nodeRan(execution: Execution, nodeName: string): boolean {
	return nodeRun(execution, nodeName, 0) !== undefined;
}

/** The error that stopped the workflow, else the error recorded on the node, if any. */
export function executionError(
	execution: Execution,
	nodeName?: string,
): ExecutionError | undefined {
	const workflowError = execution.data?.resultData.error;
	if (workflowError) return workflowError;
	return nodeName ? nodeRun(execution, nodeName, 0)?.error : undefined;
}
