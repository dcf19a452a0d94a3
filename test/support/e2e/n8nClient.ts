import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import {
	ACTION_NODE_NAME,
	actionWorkflow,
	runIdOf,
	type ActionNodeOptions,
} from './actionWorkflow';
import { readConnection, type N8nConnection } from './connection';
import { executionError, nodeOutputs } from './executionData';
import { expectOk, http, pollUntil, type HttpResponse } from './http';
import { loadedNodeTypes, restHeaders } from './ownerSession';
import { n8nFlavour } from './paths';
import type { Execution, ExecutionError, ExecutionItem, ItemJson, WorkflowJson } from './types';

export interface ActionRun {
	/** HTTP status of the runner webhook: 200 when the workflow finished, 500 when the node threw. */
	status: number;
	/** The NXCloud node's items per output index. */
	outputs: ExecutionItem[][];
	/** `json` of the items on output 0. */
	items: ItemJson[];
	/** What stopped the workflow (message, description, httpCode …); undefined on success. */
	error?: ExecutionError;
	/** The full execution, with data. */
	execution: Execution;
}

const UNFINISHED = ['new', 'running', 'waiting'];

/**
 * n8n 1.x adds "Allowed HTTP Request Domains" to credentials like ours, and its public API's schema
 * then demands `allowedDomains` unless `allowedHttpRequestDomains` is given (its if/then treats the
 * missing field as a match). Saying "all", the editor's default, is what a saved 1.x credential holds.
 * n8n 2.x has neither field and refuses unknown ones.
 */
export function withN8n1Fields<T extends { data: Record<string, unknown> }>(credential: T): T {
	if (n8nFlavour !== '1x') return credential;
	return { ...credential, data: { allowedHttpRequestDomains: 'all', ...credential.data } };
}

let counter = 0;
/** A name no other test, worker or concurrent run uses (n8n refuses duplicate workflow names). */
export function uniqueName(prefix: string): string {
	counter += 1;
	return `${prefix} ${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** Runs the NXCloud node with given input items through one activated runner workflow. */
export class ActionRunner {
	private readonly seen = new Set<string>();

	constructor(
		private readonly n8n: N8nClient,
		readonly workflowId: string,
		readonly url: string,
	) {}

	async run(items: ItemJson[], timeoutMs = 60_000): Promise<ActionRun> {
		const runId = randomUUID();
		const response = await http(this.url, { method: 'POST', body: { runId, items }, timeoutMs });
		const execution = await pollUntil(
			`the execution of run ${runId}`,
			async () => {
				const list = await this.n8n.listExecutions({ workflowId: this.workflowId, limit: 20 });
				for (const summary of list) {
					if (this.seen.has(summary.id) || UNFINISHED.includes(summary.status)) continue;
					const full = await this.n8n.getExecution(summary.id);
					if (full.data && runIdOf(full.data.resultData.runData) === runId) {
						this.seen.add(full.id);
						return full;
					}
				}
				return undefined;
			},
			{ timeoutMs },
		);
		const outputs = nodeOutputs(execution, ACTION_NODE_NAME);
		return {
			status: response.status,
			outputs,
			items: (outputs[0] ?? []).map((item) => item.json),
			error: executionError(execution, ACTION_NODE_NAME),
			execution,
		};
	}

	async dispose(): Promise<void> {
		await this.n8n.deleteWorkflow(this.workflowId);
	}
}

export class N8nClient {
	private readonly workflows = new Set<string>();
	private readonly credentials = new Set<string>();

	constructor(readonly connection: N8nConnection) {}

	get baseUrl(): string {
		return this.connection.baseUrl;
	}

	/** Production URL of a webhook path (`/webhook/<path>`). */
	webhookUrl(path: string): string {
		return `${this.baseUrl}/webhook/${path}`;
	}

	/**
	 * Public API call (`/api/v1…`) with the run's API key; throws on a non-2xx answer. n8n 2.x
	 * publishes and unpublishes workflows in the background and answers 409 "still being
	 * (un)published" meanwhile; such calls are retried for up to 15 s.
	 */
	async api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const send = () =>
			http(`${this.baseUrl}/api/v1${path}`, {
				method,
				body,
				headers: { 'X-N8N-API-KEY': this.connection.apiKey, accept: 'application/json' },
			});
		const response = await pollUntil(`${method} /api/v1${path} to stop answering 409`, async () => {
			const answer = await send();
			return answer.status === 409 && /still being/i.test(answer.text) ? undefined : answer;
		});
		return expectOk(response, `${method} /api/v1${path}`).json as T;
	}

	/** Editor REST call (`/rest…`) in the owner's session; returns the raw response. */
	async rest(method: string, path: string, body?: unknown): Promise<HttpResponse> {
		return await http(`${this.baseUrl}/rest${path}`, {
			method,
			body,
			headers: restHeaders(this.connection),
		});
	}

	async createCredential(credential: {
		name: string;
		type: string;
		data: Record<string, unknown>;
	}): Promise<string> {
		const { id } = await this.api<{ id: string }>(
			'POST',
			'/credentials',
			withN8n1Fields(credential),
		);
		this.credentials.add(id);
		return id;
	}

	/** Replaces a credential's name and data (n8n 1.x's public API cannot; its editor REST call can). */
	async updateCredential(
		id: string,
		credential: { name: string; type: string; data: Record<string, unknown> },
	): Promise<void> {
		if (n8nFlavour === '1x') {
			expectOk(
				await this.rest('PATCH', `/credentials/${id}`, withN8n1Fields(credential)),
				`PATCH /rest/credentials/${id}`,
			);
			return;
		}
		await this.api('PATCH', `/credentials/${id}`, credential);
	}

	/**
	 * What the editor does on "Listen for test event": registers the workflow's test webhook for
	 * one call. n8n 1.x wants the workflow itself in the request, as its editor sends it.
	 */
	async listenForTestEvent(workflowId: string, triggerName: string): Promise<HttpResponse> {
		const body: Record<string, unknown> = { triggerToStartFrom: { name: triggerName } };
		if (n8nFlavour === '1x') {
			const stored = expectOk(
				await this.rest('GET', `/workflows/${workflowId}`),
				`GET /rest/workflows/${workflowId}`,
			);
			body.workflowData = (stored.json as { data: unknown }).data;
		}
		return await this.rest('POST', `/workflows/${workflowId}/run`, body);
	}

	async deleteCredential(id: string): Promise<void> {
		await this.api('DELETE', `/credentials/${id}`);
		this.credentials.delete(id);
	}

	async createWorkflow(workflow: WorkflowJson): Promise<string> {
		const { id } = await this.api<{ id: string }>('POST', '/workflows', {
			settings: {},
			...workflow,
		});
		this.workflows.add(id);
		return id;
	}

	/** Publishes the workflow; its production webhooks register a moment later (see waitForWebhook). */
	async activateWorkflow(id: string): Promise<void> {
		await this.api('POST', `/workflows/${id}/activate`);
	}

	async deactivateWorkflow(id: string): Promise<void> {
		await this.api('POST', `/workflows/${id}/deactivate`);
	}

	/** Unpublishes (n8n 2.x refuses to delete a published workflow), then deletes with its executions. */
	async deleteWorkflow(id: string): Promise<void> {
		await this.deactivateWorkflow(id);
		await this.api('DELETE', `/workflows/${id}`);
		this.workflows.delete(id);
	}

	/**
	 * Waits until n8n serves a production webhook. With `expectStatus`, POSTs `{}` until that
	 * status comes back (for webhooks that answer an unsigned `{}` without running, e.g. 401).
	 * Without it, probes with a method the webhook does not use (default PATCH, which starts
	 * nothing): n8n's 404 then changes from "is not registered" to "not registered for PATCH".
	 */
	async waitForWebhook(
		url: string,
		expectStatus?: number,
		{ timeoutMs = 15_000, probeMethod = 'PATCH' } = {},
	): Promise<void> {
		await pollUntil(
			`webhook ${url}${expectStatus ? ` to answer ${expectStatus}` : ''}`,
			async () => {
				if (expectStatus !== undefined) {
					const response = await http(url, { method: 'POST', body: {} });
					return response.status === expectStatus ? true : undefined;
				}
				const response = await http(url, { method: probeMethod });
				const unknown = response.status === 404 && /is not registered\./.test(response.text);
				return unknown ? undefined : true;
			},
			{ timeoutMs, intervalMs: 100 },
		);
	}

	/** Executions of a workflow, newest first. */
	async listExecutions({
		workflowId,
		includeData = false,
		status,
		limit = 100,
	}: {
		workflowId: string;
		includeData?: boolean;
		status?: string;
		limit?: number;
	}): Promise<Execution[]> {
		const query = new URLSearchParams({
			workflowId,
			includeData: String(includeData),
			limit: String(limit),
		});
		if (status) query.set('status', status);
		const { data } = await this.api<{ data: Execution[] }>('GET', `/executions?${query}`);
		return data;
	}

	async getExecution(id: string): Promise<Execution> {
		return await this.api<Execution>('GET', `/executions/${id}?includeData=true`);
	}

	async deleteExecution(id: string): Promise<void> {
		await this.api('DELETE', `/executions/${id}`);
	}

	/** Waits until the workflow has at least `count` finished executions; returns them oldest first, with data. */
	async waitForExecutions(
		workflowId: string,
		count: number,
		timeoutMs = 15_000,
	): Promise<Execution[]> {
		return await pollUntil(
			`${count} finished execution(s) of workflow ${workflowId}`,
			async () => {
				const done = (await this.listExecutions({ workflowId, includeData: true })).filter(
					(execution) => !UNFINISHED.includes(execution.status),
				);
				return done.length >= count ? done.sort((a, b) => Number(a.id) - Number(b.id)) : undefined;
			},
			{ timeoutMs, intervalMs: 150 },
		);
	}

	/**
	 * n8n's own credential test (the editor's "Test" button: `POST /rest/credentials/test`) on
	 * unsaved data. The owner may test unsaved credentials (id ""), so nothing is stored. n8n 1.x
	 * tests only saved credentials (403 otherwise), as its editor saves before it tests: there the
	 * data is saved, tested and deleted again.
	 */
	async testCredential(
		type: string,
		data: Record<string, unknown>,
	): Promise<{ status: string; message: string }> {
		const name = uniqueName('e2e credential test');
		const id = n8nFlavour === '1x' ? await this.createCredential({ name, type, data }) : '';
		try {
			const response = await this.rest('POST', '/credentials/test', {
				credentials: { id, name, type, data },
			});
			expectOk(response, 'POST /rest/credentials/test');
			return (response.json as { data: { status: string; message: string } }).data;
		} finally {
			if (id) await this.deleteCredential(id);
		}
	}

	/** Creates and activates a runner workflow for the NXCloud node (see actionWorkflow.ts). */
	async createActionRunner(
		options: Omit<ActionNodeOptions, 'name'> & { name?: string },
	): Promise<ActionRunner> {
		const path = `nxcloud-e2e-${randomUUID()}`;
		const id = await this.createWorkflow(
			actionWorkflow(path, { ...options, name: options.name ?? uniqueName('NXCloud action') }),
		);
		await this.activateWorkflow(id);
		const url = this.webhookUrl(path);
		await this.waitForWebhook(url);
		return new ActionRunner(this, id, url);
	}

	/** One-shot: runner workflow → run the items → delete the workflow. */
	async runActionWorkflow(
		options: Omit<ActionNodeOptions, 'name'> & { items: ItemJson[]; name?: string },
	): Promise<ActionRun> {
		const runner = await this.createActionRunner(options);
		try {
			return await runner.run(options.items);
		} finally {
			await runner.dispose();
		}
	}

	/** Node type names n8n has loaded, as the editor's node panel lists them. */
	async nodeTypes(): Promise<string[]> {
		return await loadedNodeTypes(this.baseUrl, this.connection);
	}

	/** Everything n8n has written to its log (stdout and stderr) so far. */
	logText(): string {
		return readFileSync(this.connection.logFile, 'utf8');
	}

	/** Deletes every workflow and credential this client created and has not deleted yet. */
	async cleanup(): Promise<void> {
		for (const id of [...this.workflows])
			await this.deleteWorkflow(id).catch(() => this.workflows.delete(id));
		for (const id of [...this.credentials])
			await this.deleteCredential(id).catch(() => this.credentials.delete(id));
	}
}

let client: N8nClient | undefined;

/** The client for the n8n that globalSetup started (one per test worker). */
export function getN8n(): N8nClient {
	client ??= new N8nClient(readConnection());
	return client;
}
