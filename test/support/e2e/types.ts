/** The slices of n8n's workflow and execution JSON the e2e tests read and write. */

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	/** `continueRegularOutput` / `continueErrorOutput` = the node's "On Error" setting. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
	disabled?: boolean;
}

export interface Connection {
	node: string;
	type: string;
	index: number;
}

export interface WorkflowJson {
	name: string;
	nodes: WorkflowNode[];
	/** connections[from].main[outputIndex] = targets */
	connections: Record<string, { main: Connection[][] }>;
	settings?: Record<string, unknown>;
}

export interface ItemJson {
	[key: string]: unknown;
}

export interface ExecutionItem {
	json: ItemJson;
	pairedItem?: { item: number; input?: number } | Array<{ item: number; input?: number }> | number;
	binary?: Record<string, unknown>;
	error?: unknown;
}

/** An error as n8n stores it in execution data (NodeApiError / NodeOperationError serialised). */
export interface ExecutionError {
	message: string;
	description?: string | null;
	name?: string;
	httpCode?: string | null;
	node?: { name: string; type: string };
	context?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface NodeRun {
	startTime: number;
	executionTime: number;
	executionStatus?: string;
	source?: unknown[];
	data?: { main?: Array<ExecutionItem[] | null> };
	error?: ExecutionError;
}

export interface Execution {
	id: string;
	workflowId: string;
	status: 'success' | 'error' | 'crashed' | 'running' | 'waiting' | 'canceled' | 'new' | string;
	finished: boolean;
	mode: string;
	startedAt: string;
	stoppedAt: string | null;
	data?: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: ExecutionError;
			lastNodeExecuted?: string;
		};
	};
}
