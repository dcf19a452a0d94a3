// What n8n's server hands the engine for one execution (its WorkflowExecuteAdditionalData), cut to
// what a single workflow of our nodes needs. Anything a node reaches that is not here fails loudly
// instead of answering with a made-up value.
import type { ExecutionLifecycleHooks, ExternalSecretsProxy } from 'n8n-core';
import type { ICredentialsHelper, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

const BASE_URL = 'http://127.0.0.1:5678';

function notInHarness(what: string) {
	return async (): Promise<never> => {
		throw new Error(`${what} is not available in the in-process harness`);
	};
}

export function additionalData(
	credentialsHelper: ICredentialsHelper,
	hooks: ExecutionLifecycleHooks,
	executionId: string,
	externalSecretsProxy: ExternalSecretsProxy,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		externalSecretsProxy,
		executionId,
		workflowId: hooks.workflowData.id,
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${BASE_URL}/rest`,
		instanceBaseUrl: BASE_URL,
		formBaseUrl: `${BASE_URL}/form`,
		formWaitingBaseUrl: `${BASE_URL}/form-waiting`,
		formTestBaseUrl: `${BASE_URL}/form-test`,
		webhookBaseUrl: `${BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE_URL}/webhook-test`,
		mcpBaseUrl: `${BASE_URL}/mcp`,
		mcpTestBaseUrl: `${BASE_URL}/mcp-test`,
		logAiEvent: () => undefined,
		executeWorkflow: notInHarness('executeWorkflow (sub-workflows)'),
		getRunExecutionData: notInHarness('getRunExecutionData'),
		getRuntimeCredential: notInHarness('getRuntimeCredential'),
		startRunnerTask: notInHarness('startRunnerTask (Code node task runners)'),
	} as IWorkflowExecuteAdditionalData;
}
