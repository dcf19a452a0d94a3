#!/usr/bin/env node
/**
 * Writes the pinned sample data (`pinData`) of the workflows in examples/, so each can be clicked
 * through in the editor without an NXCloud account. Nothing in it is hand-written:
 *
 * - NXCloud Trigger nodes: fixture pushes and callbacks from test/fixtures, signed with sample
 *   keys and run through the trigger's own code in dist/ (readSettings on the node's parameters,
 *   then handlePush: signature check, split, Events to Emit, routing, item JSON).
 * - NXCloud action nodes: fixture answers from test/fixtures/action/responses, turned into items
 *   by the operation's own output functions in dist/.
 *
 *   node scripts/examples-pin-data.mjs           rewrite examples/*.json (run `npm run build` first)
 *   node scripts/examples-pin-data.mjs --check   exit 1 and name the files whose pinData differs
 *
 * test/e2e/examples.test.ts runs --check, and checks the pinned items against what the nodes
 * output in a real n8n.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * The one switch for the trigger's Simplify option. While false, every pinned trigger item is the
 * raw item of today's trigger (`{event, source, businessPhone, data, context, …}`) and the
 * examples' expressions read `$json.data.…`. Set it to true once the trigger has Simplify; the next
 * run then sets `simplify: true` on each WhatsApp trigger of the examples (except those listed with
 * `keepRaw`), pins simplified items, and rewrites the expressions by SIMPLIFIED_PATHS. See
 * docs/development.md, "How the test suite runs the examples".
 */
const SIMPLIFIED = true;

/**
 * Raw item expressions and their Simplify equivalent (the flat keys of a simplified inbound
 * message or status). The examples write trigger fields only in these forms, so the rewrite is a
 * plain text replacement.
 */
const SIMPLIFIED_PATHS = [
	["$json.event === 'status.failed'", "$json.status === 'failed'"],
	['$json.context.contact?.profile?.name', '$json.name'],
	['$json.data.errors?.[0]?.code', '$json.errorCode'],
	['$json.data.errors?.[0]?.title', '$json.errorTitle'],
	['$json.data.recipient_id', '$json.recipient'],
	['$json.data.text?.body', '$json.text'],
	['$json.data.from', '$json.from'],
	['$json.data.type', '$json.type'],
	['$json.data.id', '$json.messageId'],
];

const dist = (path) => {
	const file = join(root, 'dist', path);
	if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
	return require(file);
};
const { readSettings } = dist('nodes/NxCloud/trigger/settings.js');
const { handlePush } = dist('nodes/NxCloud/trigger/handlePush.js');
const { simplifyOutputs } = dist('nodes/NxCloud/trigger/events/simplify.js');
const { signOpenPlatform } = dist('nodes/NxCloud/signing/openPlatform.js');
const { signCallbot } = dist('nodes/NxCloud/signing/callbot.js');
const { sentOutput } = dist('nodes/NxCloud/actions/whatsAppMessage/sending.js');
const { openPlatformOutput } = dist('nodes/NxCloud/transport/envelope.js');
const { outcomesFromAnswer, rowResultJson } = dist(
	'nodes/NxCloud/actions/callbotCallList/importResults.js',
);
const { normalisePhone } = dist('nodes/NxCloud/shared/phone.js');
const { addIsoCopies } = dist('nodes/NxCloud/shared/timestamps.js');

const TRIGGER_TYPE = 'n8n-nodes-nxcloud.nxCloudTrigger';
/** When the sample events "arrived": fixed, so the output is the same on every run. */
const RECEIVED_AT_MS = Date.UTC(2026, 10, 23, 9, 0, 0);
/** Sample keys: the pushes are signed and verified with them, so items say signatureVerified. */
const SAMPLE_KEYS = {
	accessKey: 'sample-access-key',
	accessSecret: 'sample-access-secret',
	callbotUuid: 'sample-callbot-uuid',
	callbotSecretKey: 'sample-callbot-secret',
	callbotAlgorithm: 'MD5',
};

const fixtureText = (path) => readFileSync(join(root, 'test', 'fixtures', path), 'utf8');
const fixture = (path) => JSON.parse(fixtureText(path));

/** A fixture body as NXCloud would post it: compact JSON with its signature headers. */
function signedRequest(source, body) {
	const raw = JSON.stringify(body);
	if (source === 'whatsapp') {
		const ts = String(RECEIVED_AT_MS);
		const parts = { accessKey: SAMPLE_KEYS.accessKey, action: 'mt', bizType: '2', ts };
		const sign = signOpenPlatform({
			...parts,
			body: raw,
			accessSecret: SAMPLE_KEYS.accessSecret,
			algorithm: 'md5',
		});
		return {
			headers: { accesskey: parts.accessKey, action: 'mt', biztype: '2', ts, sign },
			raw,
		};
	}
	const createTs = String(Math.floor(RECEIVED_AT_MS / 1000));
	const requestID = 'sample-request-0001';
	const sign = signCallbot({
		secretKey: SAMPLE_KEYS.callbotSecretKey,
		body: raw,
		createTs,
		requestID,
		uuid: SAMPLE_KEYS.callbotUuid,
		algorithm: SAMPLE_KEYS.callbotAlgorithm,
	});
	return {
		headers: { requestid: requestID, uuid: SAMPLE_KEYS.callbotUuid, createts: createTs, sign },
		raw,
	};
}

/**
 * The items the trigger node emits for the given fixtures, with the node's own settings (and
 * `simplify` as given, so the Simplify option applies once handlePush knows it). n8n runs a node's
 * pinned data on its FIRST output only, so every item must land there: a trigger whose items
 * would go to another output cannot be clicked through (use Output Routing "Single Output").
 */
function triggerItems(node, fixtures, parameters = node.parameters) {
	const settings = readSettings((name, fallback) => parameters[name] ?? fallback);
	const items = [];
	for (const path of fixtures) {
		const { headers, raw } = signedRequest(settings.source, fixture(path));
		const outcome = handlePush(
			{ headers, rawBody: Buffer.from(raw, 'utf8'), contentType: 'application/json' },
			{ settings, secrets: SAMPLE_KEYS, window: [], dedupe: false, nowMs: RECEIVED_AT_MS },
		);
		if ('refused' in outcome)
			throw new Error(`${node.name}: ${path} was refused: ${JSON.stringify(outcome.refused)}`);
		if (!outcome.outputs) throw new Error(`${node.name}: ${path} emits nothing (Events to Emit)`);
		// As the node does after handlePush (NxCloudTrigger.node.ts): Simplify shapes the items last.
		if (settings.simplify) simplifyOutputs(outcome.outputs);
		outcome.outputs.forEach((output, index) => {
			if (index > 0 && output.length > 0)
				throw new Error(
					`${node.name}: ${path} lands on output ${index + 1}; n8n runs pinned data on the first output only`,
				);
		});
		items.push(...outcome.outputs[0]);
	}
	return items.map((item) => ({ json: item.json }));
}

/** The pinned items of a trigger: what the node emits as configured (flat with Simplify on). */
function pinnedTriggerItems(node, fixtures) {
	const items = triggerItems(node, fixtures);
	const raw = items.every((item) => 'data' in item.json);
	if (node.parameters.simplify === true && !raw) return items;
	if (node.parameters.simplify === true)
		throw new Error(`${node.name}: Simplify is on but the items are raw`);
	// The examples' expressions read raw items until SIMPLIFIED is set.
	if (!raw)
		throw new Error(
			`${node.name}: the trigger emitted simplified items although the example reads raw ones; set SIMPLIFIED (or simplify: false on this trigger)`,
		);
	return items;
}

/** What Send / Send Template output for an accepted message to each recipient. */
const sent = (answer, bodies) =>
	bodies.map((body) => ({
		json: sentOutput(fixture(`action/responses/${answer}.json`), body, false),
	}));

/** What Import as New Batch outputs for the rows of a CSV fixture: one item per number. */
function imported(csvPath, userTaskID) {
	const [header, ...lines] = fixtureText(csvPath).trim().split(/\r?\n/);
	const names = header.split(',');
	const rows = lines.map((line, itemIndex) => {
		const cells = Object.fromEntries(line.split(',').map((value, k) => [names[k], value]));
		return {
			itemIndex,
			orderID: cells.orderId,
			orderIdGenerated: false,
			userPhone: normalisePhone(cells.phone),
		};
	});
	const { outcomes, summary } = outcomesFromAnswer(
		rows,
		fixture('action/responses/importBatchCall.json'),
	);
	return rows.map((row, k) => ({
		json: rowResultJson(row, outcomes[k], { userTaskID, ...summary }),
	}));
}

/** What Export Latest Batch outputs: one item per number of the batch (exportBatch.operation.ts). */
function exported(userTaskID) {
	const answer = fixture('action/responses/exportBatchCall.json');
	const batch = { userTaskID, batchID: answer.batchID, totalCount: answer.totalCount };
	return answer.callList.map((row) => ({ json: addIsoCopies({ ...batch, ...row }) }));
}

const firstError = (item) => item.json.data.errors?.[0]?.code;

/**
 * Per example: the fixtures each trigger is pinned with, and how each NXCloud action node's
 * sample output follows from the trigger's raw events. `keepRaw`: the trigger stays raw when SIMPLIFIED is set.
 */
const EXAMPLES = {
	'whatsapp-failures-and-replies.json': {
		triggers: {
			'NXCloud Trigger': ['whatsapp/message-text.json', 'whatsapp/status-failed-131026.json'],
		},
		actions: {
			'Send Reply': (events) =>
				sent(
					'wa-mt',
					events['NXCloud Trigger']
						.filter((item) => item.json.event.startsWith('message.'))
						.map((item) => ({
							to: item.json.data.from,
							type: 'text',
							business_phone: item.json.businessPhone,
						})),
				),
		},
	},
	'whatsapp-template-after-24h.json': {
		// The template's variable is the person's name from the status push's contact, which a
		// simplified status does not carry.
		keepRaw: ['NXCloud Trigger'],
		triggers: {
			'NXCloud Trigger': [
				'whatsapp/status-failed-131047.json',
				'whatsapp/status-failed-131026.json',
			],
		},
		actions: {
			'Send Follow-Up Template': (events) =>
				sent(
					'wa-mt',
					events['NXCloud Trigger']
						.filter((item) => [131047, 470].includes(Number(firstError(item))))
						.map((item) => ({
							to: item.json.data.recipient_id,
							type: 'template',
							business_phone: item.json.businessPhone,
						})),
				),
		},
	},
	'callbot-order-finished-update-record.json': {
		triggers: { 'NXCloud Trigger': ['callbot/order-filled.json'] },
		actions: {},
	},
	'call-list-from-csv.json': {
		triggers: {
			'Calls Finished': ['callbot/task-filled.json', 'callbot/task-finished.json'],
		},
		actions: {
			'NXCloud Import': () =>
				imported('callbot/call-list.csv', fixture('callbot/task-finished.json').userTaskID),
			'NXCloud Export': (events) =>
				events['Calls Finished']
					.filter((item) => [3, 4].includes(Number(item.json.data.taskStatus)))
					.flatMap((item) => exported(item.json.data.userTaskID)),
		},
	},
	'whatsapp-calling-office-hours.json': {
		triggers: {},
		actions: {
			'Calling On with Office Hours': () => [
				{ json: openPlatformOutput(fixture('action/responses/calling-enable.json'), false) },
			],
		},
	},
};

/** Sets Simplify on the example's WhatsApp triggers and rewrites its expressions (SIMPLIFIED). */
function simplifyExample(workflow, keepRaw) {
	const rewrite = (value) => {
		if (typeof value === 'string' && value.startsWith('='))
			return SIMPLIFIED_PATHS.reduce((text, [raw, flat]) => text.split(raw).join(flat), value);
		if (Array.isArray(value)) return value.map(rewrite);
		if (value && typeof value === 'object')
			return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
		return value;
	};
	const whatsApp = workflow.nodes.filter(
		(node) => node.type === TRIGGER_TYPE && node.parameters.source !== 'callbot',
	);
	// Stated either way, so the option's default for new nodes cannot change what they emit.
	for (const node of whatsApp) node.parameters.simplify = !keepRaw.includes(node.name);
	if (!whatsApp.some((node) => node.parameters.simplify)) return workflow;
	// Every expression of the example is rewritten: in these examples, only nodes fed by the
	// WhatsApp trigger read its fields.
	return {
		...workflow,
		nodes: workflow.nodes.map((node) => ({ ...node, parameters: rewrite(node.parameters) })),
	};
}

/** The example as the generator writes it: the file's workflow with its pinData regenerated. */
export function generatedExample(file) {
	const spec = EXAMPLES[file];
	if (!spec) throw new Error(`examples/${file} has no entry in scripts/examples-pin-data.mjs`);
	let workflow = JSON.parse(readFileSync(join(root, 'examples', file), 'utf8'));
	if (SIMPLIFIED) workflow = simplifyExample(workflow, spec.keepRaw ?? []);
	const pinned = {};
	// The action samples are derived from the raw events, whatever the trigger's Simplify says.
	const rawEvents = {};
	for (const [name, fixtures] of Object.entries(spec.triggers)) {
		const node = workflow.nodes.find((candidate) => candidate.name === name);
		if (node?.type !== TRIGGER_TYPE) throw new Error(`${file}: no NXCloud Trigger "${name}"`);
		pinned[name] = pinnedTriggerItems(node, fixtures);
		rawEvents[name] = triggerItems(node, fixtures, { ...node.parameters, simplify: false });
	}
	for (const [name, build] of Object.entries(spec.actions)) {
		if (!workflow.nodes.some((candidate) => candidate.name === name))
			throw new Error(`${file}: no node "${name}"`);
		pinned[name] = build(rawEvents);
	}
	return { ...workflow, pinData: pinned };
}

export const exampleNames = () => Object.keys(EXAMPLES);

function main() {
	const check = process.argv.includes('--check');
	const stale = [];
	for (const file of exampleNames()) {
		const path = join(root, 'examples', file);
		const current = JSON.parse(readFileSync(path, 'utf8'));
		const generated = generatedExample(file);
		if (isDeepStrictEqual(current, generated)) continue;
		stale.push(file);
		if (!check) writeFileSync(path, `${JSON.stringify(generated, null, '\t')}\n`);
	}
	if (check && stale.length > 0) {
		process.stderr.write(
			`Pinned data out of date in examples/${stale.join(', examples/')}: run \`npm run build && node scripts/examples-pin-data.mjs\`\n`,
		);
		process.exit(1);
	}
	if (!check) process.stdout.write(stale.length ? `wrote ${stale.join(', ')}\n` : 'up to date\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
