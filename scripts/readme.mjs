// Fills the generated blocks of README.md and docs/*.md from the built code (dist/, after
// `npm run build`) and the vendor fixtures (test/fixtures/), so a table the code could contradict
// is never written by hand: operation names and descriptions, credential fields, trigger outputs
// and their event names, example items, troubleshooting advice.
//
//   node scripts/readme.mjs           rewrite the blocks in place (npm run readme)
//   node scripts/readme.mjs --check   change nothing; exit 1 and say where when a block is stale
//                                     (part of `npm run lint`)
//
// A block is the text between `<!-- generated:NAME ... -->` and `<!-- /generated:NAME -->`.
// Everything outside the blocks is written by hand. The `operation-details` block is the one
// mixed case: its Details column is hand-written and kept, keyed by the Value column
// (`resource:operation`, which saved workflows store and never change); the Resource and
// Operation columns and the row order come from the code.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const dist = join(repo, 'dist');

/** The files that may hold generated blocks. */
function documentFiles() {
	const docs = join(repo, 'docs');
	return [
		join(repo, 'README.md'),
		...readdirSync(docs)
			.filter((name) => name.endsWith('.md'))
			.sort()
			.map((name) => join(docs, name)),
	];
}

// ---- the built code ------------------------------------------------------------------------

function newestMtime(dir, extension) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, extension));
		else if (entry.name.endsWith(extension)) newest = Math.max(newest, statSync(path).mtimeMs);
	}
	return newest;
}

/** Refuses to document a build that is missing or older than the sources. */
function assertFreshBuild() {
	const built = join(dist, 'nodes', 'NxCloud', 'NxCloud.node.js');
	if (!existsSync(built)) {
		throw new Error(
			'dist/ is missing: run `npm run build` first (the docs tables are read from it).',
		);
	}
	const sources = Math.max(
		newestMtime(join(repo, 'nodes'), '.ts'),
		newestMtime(join(repo, 'credentials'), '.ts'),
	);
	const build = Math.min(
		newestMtime(join(dist, 'nodes'), '.js'),
		newestMtime(join(dist, 'credentials'), '.js'),
	);
	if (sources > build) {
		throw new Error('dist/ is older than nodes/ or credentials/: run `npm run build` first.');
	}
}

function loadCode() {
	const fromDist = (path) => require(join(dist, path));
	const { NxCloud } = fromDist('nodes/NxCloud/NxCloud.node.js');
	const { NxCloudTrigger } = fromDist('nodes/NxCloud/NxCloudTrigger.node.js');
	const { NxCloudApi } = fromDist('credentials/NxCloudApi.credentials.js');
	return {
		action: new NxCloud().description,
		trigger: new NxCloudTrigger().description,
		credential: new NxCloudApi(),
		outputs: fromDist('nodes/NxCloud/trigger/events/outputs.js'),
		whatsapp: fromDist('nodes/NxCloud/trigger/events/whatsapp.js'),
		callbot: fromDist('nodes/NxCloud/trigger/events/callbot.js'),
		items: fromDist('nodes/NxCloud/trigger/events/items.js'),
		advice: fromDist('nodes/NxCloud/trigger/refusalAdvice.js'),
		errors: fromDist('nodes/NxCloud/transport/errorCatalog.js'),
	};
}

// ---- markdown helpers ----------------------------------------------------------------------

/** A table cell: one line, pipes escaped. */
const cell = (text) =>
	String(text ?? '')
		.replace(/\s*\n\s*/g, ' ')
		.replace(/\|/g, '\\|');
const code = (text) => '`' + text + '`';
const table = (header, rows) =>
	[
		'| ' + header.join(' | ') + ' |',
		'|' + header.map(() => '---').join('|') + '|',
		...rows.map((row) => '| ' + row.map(cell).join(' | ') + ' |'),
	].join('\n');

// ---- the action node -----------------------------------------------------------------------

/** Resources in the order of the node's parameters, each with its operations as the node lists them. */
function resources(action) {
	const resourceOptions = action.properties.find((p) => p.name === 'resource').options;
	const list = [];
	for (const property of action.properties) {
		if (property.name !== 'operation') continue;
		const value = property.displayOptions.show.resource[0];
		const resource = resourceOptions.find((option) => option.value === value);
		list.push({
			value,
			name: resource.name,
			description: resource.description,
			operations: property.options,
		});
	}
	return list;
}

function operationsSummary({ action }) {
	return table(
		['Resource', 'Operations'],
		resources(action).map((resource) => [
			`**${resource.name}**: ${resource.description}`,
			resource.operations.map((operation) => operation.name).join(' · '),
		]),
	);
}

/** Splits a markdown table row into its cells (escaped pipes stay inside a cell). */
function rowCells(line) {
	return line
		.trim()
		.replace(/^\||\|$/g, '')
		.split(/(?<!\\)\|/)
		.map((part) => part.trim());
}

/**
 * A table whose last column is hand-written and kept, keyed by a column of stable values
 * (`resource:operation`, parameter names: what saved workflows store). `rows` come from the
 * code, in the code's order, as `{ key, cells }`; a new key gets a placeholder to fill in, a
 * hand-written row whose key the code no longer has is reported, never silently dropped.
 */
function keyedTable(current, header, rows, what) {
	const keyColumn = header.length - 2;
	const details = new Map();
	for (const line of current.split('\n')) {
		if (!line.startsWith('|')) continue;
		const cells = rowCells(line);
		const key = /^`([^`]+)`$/.exec(cells[keyColumn] ?? '');
		if (key) details.set(key[1], cells[keyColumn + 1] ?? '');
	}
	const known = new Set(rows.map((row) => row.key));
	const problems = [...details.keys()]
		.filter((key) => !known.has(key))
		.map((key) => `row ${key} names no ${what} of the node: remove it or fix its key`);
	const text = table(
		header,
		rows.map((row) => [
			...row.cells,
			code(row.key),
			details.get(row.key) ?? '*(not described yet)*',
		]),
	);
	return { text, problems };
}

function operationDetails({ action }, current) {
	const rows = resources(action).flatMap((resource) =>
		resource.operations.map((operation) => ({
			key: `${resource.value}:${operation.value}`,
			cells: [resource.name, `**${operation.name}**: ${operation.description}`],
		})),
	);
	return keyedTable(
		current,
		['Resource', 'Operation (as the node describes it)', 'Value', 'Details'],
		rows,
		'operation',
	);
}

/** A parameter's default as the panel shows it. */
function shownDefault(property) {
	const value = property.default;
	if (property.type === 'boolean') return value ? 'on' : 'off';
	if (property.type === 'options')
		return property.options.find((option) => option.value === value)?.name ?? String(value);
	if (property.type === 'multiOptions')
		return value.length === property.options.length
			? 'all'
			: value.length === 0
				? 'none'
				: value.join(', ');
	if (value === '' || value === undefined) return 'empty';
	return String(value);
}

/** Which source a parameter belongs to, when only one. */
function sourceOf(property) {
	const sources = property.displayOptions?.show?.source;
	return sources?.length === 1 ? SOURCE_NAMES[sources[0]] : '';
}

function triggerParameters({ trigger }, current) {
	const rows = trigger.properties
		.filter((property) => property.type !== 'notice' && property.type !== 'hidden')
		.map((property) => ({
			key: property.name,
			cells: [`**${property.displayName}**`, sourceOf(property), shownDefault(property)],
		}));
	return keyedTable(
		current,
		['Parameter', 'Source', 'Default', 'Name', 'What it does'],
		rows,
		'parameter',
	);
}

function nodesTable({ action, trigger, credential }) {
	return table(
		['Node', 'What it does'],
		[
			[
				`**${action.displayName}** (${code('n8n-nodes-nxcloud.' + action.name)})`,
				action.description,
			],
			[
				`**${trigger.displayName}** (${code('n8n-nodes-nxcloud.' + trigger.name)})`,
				trigger.description,
			],
			[
				`**${credential.displayName}** credential (${code(credential.name)})`,
				'Open-platform keys for WhatsApp, Callbot keys for Callbot; either part may stay empty.',
			],
		],
	);
}

// ---- the credential ------------------------------------------------------------------------

function credentialFields({ credential }) {
	const rows = credential.properties
		.filter((property) => property.type !== 'notice')
		.map((property) => {
			const choices = property.options?.map((option) => option.name).join(' / ');
			const fallback = property.options?.find((option) => option.value === property.default)?.name;
			const preset = choices
				? `${choices} (default ${fallback ?? property.default})`
				: property.default
					? code(property.default)
					: '';
			return [`**${property.displayName}**`, preset, property.description ?? ''];
		});
	return table(['Field', 'Default', 'Where it comes from'], rows);
}

// ---- the trigger ---------------------------------------------------------------------------

function fixtures(source) {
	const dir = join(repo, 'test', 'fixtures', source);
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => ({
			name: name.replace(/\.json$/, ''),
			fixture: true,
			body: JSON.parse(readFileSync(join(dir, name), 'utf8')),
		}));
}

/**
 * Pushes the vendor gives no example of (docs/vendor-api.md §4.5: phone-number events are
 * "wrapped as {field, value}"), and pushes of no known shape, to show where they land. Only the
 * input is made up here; the event names and outputs are the trigger's own answer.
 */
const MADE_UP_PUSHES = {
	whatsapp: [
		{
			name: 'a made-up phone_number_name_update push',
			body: {
				field: 'phone_number_name_update',
				value: { business_phone: '85200000001', decision: 'APPROVED' },
			},
		},
		{
			name: 'a made-up phone_number_quality_update push',
			body: {
				field: 'phone_number_quality_update',
				value: { business_phone: '85200000001', event: 'FLAGGED' },
			},
		},
		{
			name: 'a status the vendor does not list',
			body: { statuses: [{ id: 'wamid.x', status: 'deleted', recipient_id: '85200000000' }] },
		},
		{
			name: 'a management field the vendor does not list',
			body: { field: 'user_preferences', value: {} },
		},
		{ name: 'a push of no known shape', body: { note: 'no statuses, messages, calls or field' } },
	],
	callbot: [
		{
			name: 'a callback of no known shape',
			body: { callbackType: 9, note: 'no taskStat, callInfoDetail or orderID' },
		},
	],
};

/** Every event the trigger makes of the fixtures and of the unknown pushes, with its source. */
function splitAll({ whatsapp, callbot }) {
	const split = { whatsapp: whatsapp.splitWhatsAppPush, callbot: callbot.splitCallbotCallback };
	const events = [];
	for (const source of ['whatsapp', 'callbot']) {
		const samples = [...fixtures(source), ...MADE_UP_PUSHES[source]];
		for (const sample of samples) {
			for (const event of split[source](sample.body))
				events.push({ source, sample: sample.name, made: !sample.fixture, event });
		}
	}
	return events;
}

function eventsToEmitOptions(trigger, source) {
	const name = source === 'callbot' ? 'callbotEvents' : 'events';
	return trigger.properties.find(
		(p) => p.name === name && p.displayOptions?.show?.source?.includes(source),
	).options;
}

const SOURCE_NAMES = { whatsapp: 'WhatsApp', callbot: 'Callbot' };

function triggerOutputs(code_) {
	const { trigger, outputs } = code_;
	const events = splitAll(code_);
	const problems = [];
	const rows = [];
	for (const source of ['whatsapp', 'callbot']) {
		const options = eventsToEmitOptions(trigger, source);
		for (const option of options) {
			if (!events.some((e) => e.source === source && e.event.filterKey === option.value)) {
				problems.push(
					`Events to Emit option "${option.name}" (${source}) matches no fixture in test/fixtures/${source}/`,
				);
			}
		}
		for (const output of outputs.OUTPUTS[source]) {
			const here = events.filter((e) => e.source === source && e.event.output === output.key);
			const names = [...new Set(here.map((e) => e.event.event))].sort();
			const filterKeys = new Set(here.map((e) => e.event.filterKey));
			const selectedBy = options
				.filter((option) => filterKeys.has(option.value))
				.map((option) => option.name);
			rows.push([
				`${SOURCE_NAMES[source]}: **${output.displayName}**`,
				selectedBy.length ? selectedBy.join(', ') : '*(always emitted)*',
				names.map(code).join(' '),
			]);
		}
	}
	const text =
		table(['Output', 'Events to Emit', '`event` values'], rows) +
		`\n\nWith Output Routing set to a single output, every item goes to **${outputs.SINGLE_OUTPUT_NAME}**.`;
	return { text, problems };
}

const EXAMPLE_EXTRAS = { receivedAt: '2026-11-23T12:00:00.000Z', signatureVerified: true };

function triggerExamples(code_) {
	const { outputs, items } = code_;
	const events = splitAll(code_);
	const parts = [];
	for (const source of ['whatsapp', 'callbot']) {
		for (const output of outputs.OUTPUTS[source]) {
			const candidates = events
				.filter((e) => e.source === source && e.event.output === output.key)
				.map((e) => ({
					...e,
					json: JSON.stringify(items.eventItemJson(source, e.event, EXAMPLE_EXTRAS), null, 2),
				}));
			if (candidates.length === 0) continue;
			// A filled-in fixture when there is one (the vendor's own Callbot examples have empty
			// ids and zero times), else the shortest item: the clearest example of its shape.
			const filled = candidates.filter((c) => c.sample.endsWith('-filled'));
			if (filled.length > 0) candidates.splice(0, candidates.length, ...filled);
			const pick = candidates.reduce((best, next) =>
				next.json.length < best.json.length ? next : best,
			);
			parts.push(
				`<details><summary>${SOURCE_NAMES[source]}: <b>${output.displayName}</b> (from ${pick.made ? pick.sample : `<code>test/fixtures/${source}/${pick.sample}.json</code>`})</summary>\n\n` +
					'```json\n' +
					pick.json +
					'\n```\n\n</details>',
			);
		}
	}
	return parts.join('\n\n');
}

// ---- troubleshooting -----------------------------------------------------------------------

/** Refusals worth a row: the ones a user meets while setting up. */
const REFUSALS = [
	['whatsapp', { reason: 'missing_header', header: 'sign' }, false, '401 `missing_header`'],
	['whatsapp', { reason: 'bad_signature' }, true, '401 `bad_signature`'],
	['callbot', { reason: 'bad_signature' }, true, '401 `bad_signature` (Callbot)'],
	['whatsapp', { reason: 'unknown_algorithm' }, true, '401 `unknown_algorithm`'],
	['whatsapp', { reason: 'stale_timestamp' }, true, '401 `stale_timestamp`'],
	['whatsapp', { reason: 'body_too_large' }, true, '413 `body_too_large`'],
];

/** Vendor codes worth a row: wrong credential, clock, app key, and the limits of a batch. */
const OPEN_PLATFORM_CODES = [1003, 1004, 1005, 9006, 9008];
const CALLBOT_CODES = [6, 6002];
/** [code, endpoint, resource, operation]: codes whose advice depends on the operation. */
const CALLBOT_ENDPOINT_CODES = [[4001, 'importBatchCall', 'callbotCallList', 'importBatch']];

function troubleshooting({ advice, errors, action }) {
	const rows = [];
	for (const [source, body, signed, label] of REFUSALS) {
		const { problem, fix } = advice.refusalAdvice(source, body, signed);
		rows.push([`Trigger answers ${label}: ${problem}`, fix]);
	}
	for (const code_ of OPEN_PLATFORM_CODES)
		rows.push([`Action fails with code ${code_}`, errors.OPEN_PLATFORM_HINTS[code_]]);
	for (const code_ of CALLBOT_CODES)
		rows.push([`Callbot action fails with retCode ${code_}`, errors.CALLBOT_HINTS[code_]]);
	for (const [code_, endpoint, resourceValue, operationValue] of CALLBOT_ENDPOINT_CODES) {
		const resource = resources(action).find((r) => r.value === resourceValue);
		const operation = resource.operations.find((o) => o.value === operationValue);
		rows.push([
			`${operation.name} fails with retCode ${code_}`,
			errors.callbotHint(code_, `/${endpoint}`),
		]);
	}
	return table(['Symptom', 'What to do'], rows);
}

// ---- labels in hand-written prose ---------------------------------------------------------

/**
 * Labels of the nodes that the hand-written text of a file names (in a quick start, say). Each
 * must still be a label the built nodes show, so a renamed field or option fails the check
 * instead of leaving the text behind.
 */
const PROSE_LABELS = {
	'README.md': [
		'NXCloud API',
		'NXCloud Trigger',
		'Access Key',
		'Access Secret',
		'WhatsApp App Key',
		'Source',
		'WhatsApp Webhook',
		'Callbot Callback',
		'Events to Emit',
		'Output Routing',
		'Message',
		'Other',
	],
};

/** Every display name, option name and output name of the nodes and the credential. */
function shownLabels({ action, trigger, credential, outputs }) {
	const labels = new Set();
	const walk = (value) => {
		if (Array.isArray(value)) return value.forEach(walk);
		if (value === null || typeof value !== 'object') return;
		for (const key of ['displayName', 'name']) {
			if (typeof value[key] === 'string') labels.add(value[key]);
		}
		Object.values(value).forEach(walk);
	};
	walk([action, trigger, credential.properties, credential.displayName]);
	labels.add(credential.displayName);
	for (const list of Object.values(outputs.OUTPUTS))
		for (const output of list) labels.add(output.displayName);
	return labels;
}

function proseProblems(code_) {
	const labels = shownLabels(code_);
	const problems = [];
	for (const [file, wanted] of Object.entries(PROSE_LABELS)) {
		const text = readFileSync(join(repo, file), 'utf8');
		for (const label of wanted) {
			if (!labels.has(label))
				problems.push(
					`${file} names "${label}", which the nodes no longer show: update the text and PROSE_LABELS`,
				);
			else if (!text.includes(label))
				problems.push(
					`${file} no longer names "${label}": drop it from PROSE_LABELS in scripts/readme.mjs`,
				);
		}
	}
	return problems;
}

// ---- blocks --------------------------------------------------------------------------------

const GENERATORS = {
	nodes: (c) => ({ text: nodesTable(c) }),
	operations: (c) => ({ text: operationsSummary(c) }),
	'operation-details': operationDetails,
	'trigger-parameters': triggerParameters,
	credentials: (c) => ({ text: credentialFields(c) }),
	'trigger-outputs': triggerOutputs,
	'trigger-examples': (c) => ({ text: triggerExamples(c) }),
	troubleshooting: (c) => ({ text: troubleshooting(c) }),
};

const BLOCK = /(<!-- generated:([a-z-]+)[^>]*-->\n)([\s\S]*?)(<!-- \/generated:\2 -->)/g;

/** The file's text with every block regenerated, and what could not be generated. */
function regenerate(text, code_, file) {
	const problems = [];
	const result = text.replace(BLOCK, (_, open, name, current, close) => {
		const generator = GENERATORS[name];
		if (!generator) {
			problems.push(`${file}: unknown block "${name}"`);
			return open + current + close;
		}
		const out = generator(code_, current);
		for (const problem of out.problems ?? []) problems.push(`${file} (${name}): ${problem}`);
		return open + out.text + '\n' + close;
	});
	return { text: result, problems };
}

function firstDifference(a, b) {
	const left = a.split('\n');
	const right = b.split('\n');
	for (let i = 0; i < Math.max(left.length, right.length); i++) {
		if (left[i] !== right[i])
			return { line: i + 1, now: left[i] ?? '(end)', wanted: right[i] ?? '(end)' };
	}
	return null;
}

function main() {
	const check = process.argv.includes('--check');
	assertFreshBuild();
	const code_ = loadCode();
	const stale = [];
	const problems = proseProblems(code_);
	for (const path of documentFiles()) {
		const file = relative(repo, path);
		const text = readFileSync(path, 'utf8');
		const out = regenerate(text, code_, file);
		problems.push(...out.problems);
		if (out.text === text) continue;
		stale.push(file);
		if (check) {
			const diff = firstDifference(text, out.text);
			process.stderr.write(
				`${file}:${diff.line}: generated block is out of date\n  now:    ${diff.now.slice(0, 160)}\n  wanted: ${diff.wanted.slice(0, 160)}\n`,
			);
		} else {
			writeFileSync(path, out.text);
		}
	}
	for (const problem of problems) process.stderr.write(`${problem}\n`);
	if (check && stale.length > 0) {
		process.stderr.write('Run `npm run readme` (after `npm run build`) and commit the result.\n');
	}
	if (!check)
		process.stdout.write(stale.length ? `updated: ${stale.join(', ')}\n` : 'docs up to date\n');
	if ((check && stale.length > 0) || problems.length > 0) process.exitCode = 1;
}

try {
	main();
} catch (error) {
	process.stderr.write(`readme: ${error.message}\n`);
	process.exitCode = 1;
}
