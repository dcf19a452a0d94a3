// The do-it-yourself workflows of bench/diy/*.json, made ready to run in a test or benchmark n8n:
// placeholders replaced by the account's values, unique webhook paths, the import's manual start
// replaced by a webhook and a Code node that makes the rows. Shared by the correctness test
// (test/e2e/diyWorkflows.test.ts) and the benchmark (bench/diy.bench.ts), so both run the files
// a user would import.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { NODE_TYPES } from '../../test/support/e2e/paths';
import type { WorkflowJson, WorkflowNode } from '../../test/support/e2e/types';

export const DIY_FILES = {
	whatsapp: 'whatsapp-webhook-code-switch.json',
	callbot: 'callbot-webhook-code-switch.json',
	import: 'callbot-import-code-http.json',
} as const;

/** Node names in the JSON files that tests and benchmarks read results from. */
export const DIY_NODES = {
	verify: { whatsapp: 'Verify and Split', callbot: 'Verify and Classify' },
	route: 'Route Events',
	send: 'Send to NXCloud',
} as const;

export interface DiyAccount {
	accessSecret: string;
	callbotUuid: string;
	callbotSecretKey: string;
}

/** The callback URLs both import sides send (NXCloud requires them; the stand-in only checks them). */
export const IMPORT_CALLBACK_URLS = {
	orderCallbackUrl: 'https://n8n.example/webhook/order',
	callCallbackUrl: 'https://n8n.example/webhook/call',
} as const;

type FillValues = DiyAccount & {
	taskId?: string;
	orderCallbackUrl?: string;
	callCallbackUrl?: string;
};

const PLACEHOLDERS: Record<string, keyof FillValues> = {
	REPLACE_WITH_YOUR_ACCESS_SECRET: 'accessSecret',
	REPLACE_WITH_YOUR_CALLBOT_UUID: 'callbotUuid',
	REPLACE_WITH_YOUR_CALLBOT_SECRET_KEY: 'callbotSecretKey',
	REPLACE_WITH_YOUR_TASK_ID: 'taskId',
	REPLACE_WITH_YOUR_ORDER_CALLBACK_URL: 'orderCallbackUrl',
	REPLACE_WITH_YOUR_CALL_CALLBACK_URL: 'callCallbackUrl',
};

/** A DIY file with the user's values filled in, as a user would after importing it. */
function filled(file: string, values: FillValues): WorkflowJson {
	let text = readFileSync(join(__dirname, file), 'utf8');
	for (const [placeholder, key] of Object.entries(PLACEHOLDERS)) {
		const value = values[key] ?? '';
		// Pasted into a JS string inside a JSON string: keep to characters that need no escaping.
		if (!/^[\w.:/-]*$/.test(value))
			throw new Error(`${key} must be letters, digits, ".", ":", "/", "_" or "-" here`);
		text = text.split(placeholder).join(value);
	}
	return JSON.parse(text) as WorkflowJson;
}

/** The WhatsApp or Callbot receiver, listening on a fresh production path (returned). */
export function diyReceiver(
	source: 'whatsapp' | 'callbot',
	account: DiyAccount,
	name: string,
): { workflow: WorkflowJson; path: string } {
	const workflow = filled(DIY_FILES[source], account);
	const path = `diy-${source}-${randomUUID()}`;
	const webhook = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook')!;
	webhook.parameters = { ...webhook.parameters, path };
	webhook.webhookId = randomUUID();
	return { workflow: { ...workflow, name }, path };
}

export const IMPORT_START = 'Start Import';
export const IMPORT_ROWS = 'Make Rows';
export const OURS_IMPORT = 'NXCloud Import';

/**
 * Webhook (answers with the last node's output) → Code node making `rows` call-list rows →
 * either the DIY's "Build Signed Request" + "Send to NXCloud" from the JSON file, or our NXCloud
 * node (Import as New Batch, fields read by name, defaults otherwise). Post `{ rows, runId }`.
 */
export function importWorkflow(
	side: 'ours' | 'diy',
	options: {
		account: DiyAccount;
		taskId: string;
		callbotUrl: string;
		credentialId: string;
		name: string;
	},
): { workflow: WorkflowJson; path: string } {
	const path = `import-${side}-${randomUUID()}`;
	const start: WorkflowNode = {
		name: IMPORT_START,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: 'lastNode',
			responseData: 'firstEntryJson',
			options: {},
		},
	};
	// The same rows the import benchmark has always used, as a CSV import would give them.
	const makeRows: WorkflowNode = {
		name: IMPORT_ROWS,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [240, 0],
		parameters: {
			jsCode: [
				'const { rows, runId } = $input.first().json.body;',
				'const items = new Array(rows);',
				'for (let k = 0; k < rows; k++) {',
				"\titems[k] = { json: { phone: `+86 155 ${String(k).padStart(8, '0')}`, orderID: `${runId}-${k}`, userName: `Customer ${k}`, customerName: 'ACME Ltd', other: `row ${k}`, params: { amount: String(100 + (k % 900)), due: '2026-06-30' } } };",
				'}',
				'return items;',
			].join('\n'),
		},
	};
	const link = (from: string, to: string) => ({
		[from]: { main: [[{ node: to, type: 'main', index: 0 }]] },
	});
	if (side === 'ours') {
		const node: WorkflowNode = {
			name: OURS_IMPORT,
			type: NODE_TYPES.action,
			typeVersion: 1,
			position: [480, 0],
			parameters: {
				resource: 'callbotCallList',
				operation: 'importBatch',
				userTaskId: options.taskId,
				inputMode: 'inputFields',
				...IMPORT_CALLBACK_URLS,
				options: {},
			},
			credentials: { nxCloudApi: { id: options.credentialId, name: 'bench' } },
		};
		return {
			path,
			workflow: {
				name: options.name,
				settings: { executionOrder: 'v1' },
				nodes: [start, makeRows, node],
				connections: { ...link(IMPORT_START, IMPORT_ROWS), ...link(IMPORT_ROWS, OURS_IMPORT) },
			},
		};
	}
	const diy = filled(DIY_FILES.import, {
		...options.account,
		taskId: options.taskId,
		...IMPORT_CALLBACK_URLS,
	});
	const build = diy.nodes.find((node) => node.name === 'Build Signed Request')!;
	const send = diy.nodes.find((node) => node.name === DIY_NODES.send)!;
	send.parameters = {
		...send.parameters,
		url: String(send.parameters.url).replace('https://nxbot.nxcloud.com', options.callbotUrl),
	};
	return {
		path,
		workflow: {
			name: options.name,
			settings: { executionOrder: 'v1' },
			nodes: [start, makeRows, build, send],
			connections: {
				...link(IMPORT_START, IMPORT_ROWS),
				...link(IMPORT_ROWS, build.name),
				...link(build.name, send.name),
			},
		},
	};
}
