import { join } from 'node:path';

import type {
	INodeProperties,
	INodePropertyOptions,
	INodeTypeDescription,
	INodeParameters,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { repoRoot } from '../e2e/paths';

/**
 * The node descriptions as n8n loads them: from the BUILT package (dist/), so the browser walk
 * follows whatever resources, operations and fields the nodes have today.
 */
export function builtDescription(file: 'NxCloud' | 'NxCloudTrigger'): INodeTypeDescription {
	const path = join(repoRoot, 'dist', 'nodes', 'NxCloud', `${file}.node.js`);
	const module = require(path) as Record<string, new () => { description: INodeTypeDescription }>;
	const NodeClass = module[file];
	if (!NodeClass) throw new Error(`${path} does not export class ${file} (run npm run build)`);
	return new NodeClass().description;
}

export function property(
	description: INodeTypeDescription,
	name: string,
	values: INodeParameters = {},
): INodeProperties {
	const candidates = description.properties.filter((p) => p.name === name);
	const visible = candidates.find((p) => isVisible(description, p, values));
	const found = visible ?? candidates[0];
	if (!found) throw new Error(`${description.name} has no parameter "${name}"`);
	return found;
}

export function staticOptions(p: INodeProperties): INodePropertyOptions[] {
	return ((p.options ?? []) as INodePropertyOptions[]).filter((o) => 'value' in o);
}

/** Parameter values the editor holds after the user picked `chosen`: every other one at its default. */
export function valuesWith(
	description: INodeTypeDescription,
	chosen: INodeParameters,
	typeVersion = versionOf(description),
): INodeParameters {
	const values = NodeHelpers.getNodeParameters(
		description.properties,
		chosen,
		true,
		false,
		{ typeVersion },
		description,
	);
	return { ...(values ?? {}), ...chosen };
}

function versionOf(description: INodeTypeDescription): number {
	return Array.isArray(description.version)
		? Math.max(...description.version)
		: description.version;
}

/**
 * Whether n8n shows the top-level parameter for these values (its own displayOptions logic), on a
 * node of `typeVersion` (default: the newest, what a new node gets).
 */
export function isVisible(
	description: INodeTypeDescription,
	p: INodeProperties,
	values: INodeParameters,
	typeVersion = versionOf(description),
): boolean {
	return NodeHelpers.displayParameter(values, p, { typeVersion }, description);
}

export interface ExpectedPanel {
	/** Parameters with an input: string, number, options, boolean, collection … */
	fields: INodeProperties[];
	notices: INodeProperties[];
	/** Top-level parameters hidden for these values, whose label must not show. */
	absent: INodeProperties[];
	/** Fields that are required and empty by default: n8n lists each as "Parameter "X" is required.". */
	requiredEmpty: INodeProperties[];
}

function isEmpty(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return true;
	// A resource locator ({ mode, value }) is empty when its value is: n8n flags a required picker
	// whose value is empty, whatever the mode (a number counts as given, as in n8n).
	if (typeof value === 'object' && 'mode' in value && 'value' in value) {
		const picked = (value as { value: unknown }).value;
		return typeof picked !== 'number' && !picked;
	}
	if (Array.isArray(value)) return value.length === 0;
	if (typeof value === 'object') return Object.keys(value as object).length === 0;
	return false;
}

/**
 * The first 60 characters of a notice: enough to find it on screen, short of n8n's truncation.
 * Two notices of a node must differ there (test/unit/uiSupport/noticeStarts.test.ts).
 */
export function noticeStart(notice: INodeProperties): string {
	return notice.displayName.slice(0, 60);
}

/** What the NDV must show for `chosen` (e.g. { resource, operation }), computed from the description. */
export function expectedPanel(
	description: INodeTypeDescription,
	chosen: INodeParameters,
): ExpectedPanel {
	const values = valuesWith(description, chosen);
	const visible = description.properties.filter(
		(p) => p.type !== 'hidden' && isVisible(description, p, values),
	);
	const fields = visible.filter((p) => p.type !== 'notice');
	const shownLabels = new Set(visible.map((p) => p.displayName));
	return {
		fields,
		notices: visible.filter((p) => p.type === 'notice'),
		absent: description.properties.filter(
			(p) => p.type !== 'hidden' && !visible.includes(p) && !shownLabels.has(p.displayName),
		),
		requiredEmpty: fields.filter(
			(p) => p.required === true && isEmpty(values[p.name] ?? p.default),
		),
	};
}

/**
 * Output names the trigger declares for a source and routing, from the built trigger's output
 * table (dist/nodes/NxCloud/trigger/events/outputs.js, the same table its `outputs` expression is built from).
 */
export function builtTriggerOutputNames(source: string, routing: string): string[] {
	const path = join(repoRoot, 'dist', 'nodes', 'NxCloud', 'trigger', 'events', 'outputs.js');
	const outputs = require(path) as {
		configuredOutputs?: (source: string, routing: string) => Array<{ displayName?: string }>;
	};
	if (typeof outputs.configuredOutputs !== 'function') {
		throw new Error(
			`${path} no longer exports configuredOutputs(source, routing): update test/support/ui/nodeDescription.ts`,
		);
	}
	return outputs.configuredOutputs(source, routing).map((o) => o.displayName ?? '');
}

/** Default values of the BUILT credential's fields (dist/credentials/NxCloudApi.credentials.js). */
export function builtCredentialDefaults(): Record<string, string> {
	const path = join(repoRoot, 'dist', 'credentials', 'NxCloudApi.credentials.js');
	const module = require(path) as Record<
		string,
		new () => { properties: Array<{ name: string; default: unknown }> }
	>;
	if (!module.NxCloudApi)
		throw new Error(`${path} does not export class NxCloudApi (run npm run build)`);
	return Object.fromEntries(
		new module.NxCloudApi().properties.map((p) => [p.name, String(p.default ?? '')]),
	);
}
