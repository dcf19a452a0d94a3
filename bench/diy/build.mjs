// Writes the do-it-yourself workflows (bench/diy/*.json) from the Code node sources in code/.
//   node bench/diy/build.mjs           rewrite the JSON files
//   node bench/diy/build.mjs --check   exit 1 if a JSON file is not what the sources give
// The JSON files are what a user imports (editor: Import from File); the benchmark and the
// correctness test read those files, not this script.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const code = (name) => readFileSync(join(here, 'code', `${name}.js`), 'utf8');

const webhook = (name, path, webhookId) => ({
	parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: { rawBody: true } },
	id: `${webhookId}-node`,
	name,
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2.1,
	position: [0, 0],
	webhookId,
});

const codeNode = (name, source, x) => ({
	parameters: { jsCode: source },
	id: `${name.toLowerCase().replace(/\W+/g, '-')}-node`,
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	position: [x, 0],
});

/** One Switch rule: `event` matches any of the tests (startsWith / equals), output renamed. */
const rule = (output, tests) => ({
	conditions: {
		options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
		conditions: tests.map(([operation, value], k) => ({
			id: `${output.toLowerCase()}-${k}`,
			leftValue: '={{ $json.event }}',
			rightValue: value,
			operator: { type: 'string', operation },
		})),
		combinator: 'or',
	},
	renameOutput: true,
	outputKey: output,
});

const switchNode = (rules, x) => ({
	parameters: {
		rules: { values: rules },
		options: { fallbackOutput: 'extra', renameFallbackOutput: 'Other' },
	},
	id: 'route-events-node',
	name: 'Route Events',
	type: 'n8n-nodes-base.switch',
	typeVersion: 3.2,
	position: [x, 0],
});

const chain = (...names) =>
	Object.fromEntries(
		names
			.slice(0, -1)
			.map((name, k) => [name, { main: [[{ node: names[k + 1], type: 'main', index: 0 }]] }]),
	);

const workflows = {
	'whatsapp-webhook-code-switch.json': {
		name: 'NXCloud WhatsApp pushes, do it yourself (Webhook + Code + Switch)',
		nodes: [
			webhook('NXCloud Push', 'nxcloud-whatsapp', 'c7a1f0de-2f5e-4b9a-9a57-3f1d2a0e7b11'),
			codeNode('Verify and Split', code('whatsappVerifyAndSplit'), 240),
			switchNode(
				[
					rule('Account', [['startsWith', 'account.']]),
					rule('Call', [['equals', 'call.record']]),
					rule('Message', [['startsWith', 'message.']]),
					rule('Phone', [['startsWith', 'phone.']]),
					rule('Delivered', [['equals', 'status.delivered']]),
					rule('Failed', [['equals', 'status.failed']]),
					rule('Read', [['equals', 'status.read']]),
					rule('Sent', [['equals', 'status.sent']]),
					rule('Template', [['startsWith', 'template.']]),
				],
				480,
			),
		],
		connections: chain('NXCloud Push', 'Verify and Split', 'Route Events'),
	},
	'callbot-webhook-code-switch.json': {
		name: 'NXCloud Callbot callbacks, do it yourself (Webhook + Code + Switch)',
		nodes: [
			webhook('Callbot Callback', 'nxcloud-callbot', '5d0b8e2a-61c4-4f37-8f0e-9b6c2c4d1a22'),
			codeNode('Verify and Classify', code('callbotVerifyAndClassify'), 240),
			switchNode(
				[
					rule('Call', [['equals', 'callbot.call']]),
					rule('Order', [['equals', 'callbot.order']]),
					rule('Task', [['equals', 'callbot.task']]),
				],
				480,
			),
		],
		connections: chain('Callbot Callback', 'Verify and Classify', 'Route Events'),
	},
	'callbot-import-code-http.json': {
		name: 'NXCloud Callbot import, do it yourself (Code + HTTP Request)',
		nodes: [
			{
				parameters: {},
				id: 'start-node',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
			},
			{
				...codeNode(
					'Your Call List',
					"// Replace with your rows: one item per number.\nreturn [\n\t{ json: { phone: '+86 155 0000 0001', orderID: 'order-1', userName: 'Customer 1', customerName: 'ACME Ltd', other: '', params: { amount: '100' } } },\n];\n",
					240,
				),
				notes:
					'Any source of items works (CSV, database, …): phone, orderID, userName, customerName, other, params.',
			},
			codeNode('Build Signed Request', code('callbotImportBody'), 480),
			{
				parameters: {
					method: 'POST',
					url: 'https://nxbot.nxcloud.com/callcentre/api/v3/importBatchCall',
					sendHeaders: true,
					headerParameters: {
						parameters: ['requestID', 'uuid', 'createTs', 'sign', 'algorithm'].map((name) => ({
							name,
							value: `={{ $json.headers.${name} }}`,
						})),
					},
					sendBody: true,
					contentType: 'raw',
					rawContentType: 'application/json',
					body: '={{ $json.body }}',
					options: { timeout: 600000 },
				},
				id: 'send-to-nxcloud-node',
				name: 'Send to NXCloud',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [720, 0],
			},
		],
		connections: chain('Start', 'Your Call List', 'Build Signed Request', 'Send to NXCloud'),
	},
};

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, workflow] of Object.entries(workflows)) {
	const text = `${JSON.stringify({ ...workflow, settings: { executionOrder: 'v1' }, pinData: {} }, null, '\t')}\n`;
	const path = join(here, file);
	if (!check) writeFileSync(path, text);
	else if (readFileSync(path, 'utf8') !== text) {
		process.stderr.write(
			`${file} is not what bench/diy/build.mjs makes from code/: run node bench/diy/build.mjs\n`,
		);
		stale += 1;
	}
}
process.exit(stale ? 1 : 0);
