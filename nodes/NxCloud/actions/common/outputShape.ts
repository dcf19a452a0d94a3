import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { isoKeyFor } from '../../shared/timestamps';
import { readOptions } from './options';

/**
 * Simplify / Output of the operations with large answers (n8n's UX guidelines): the node shows a
 * Simplify switch, and its AI-tool form (node type ending in "Tool") an Output choice of
 * Simplified, Raw or Selected Fields instead. Both are on/Simplified by default from typeVersion
 * 1.1; a node saved at typeVersion 1 lacks them and n8n fills in the version-1 defaults, so it
 * keeps its raw output. Error items (Continue On Fail) and Full Response answers stay raw.
 */

/** The version whose nodes simplify by default (the node's defaultVersion). */
export const SIMPLIFY_BY_DEFAULT_FROM = 1.1;

const BEFORE = { '@version': [{ _cnd: { lt: SIMPLIFY_BY_DEFAULT_FROM } }] };
const FROM = { '@version': [{ _cnd: { gte: SIMPLIFY_BY_DEFAULT_FROM } }] };

/** Simplify for nodes saved at typeVersion 1: off, so they keep the output they had. */
const SIMPLIFY_BEFORE: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	displayOptions: { show: { ...BEFORE, '@tool': [false] } },
};

/** Simplify for new nodes (typeVersion 1.1 on): on. */
const SIMPLIFY_FROM: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	displayOptions: { show: { ...FROM, '@tool': [false] } },
};

function outputProperty(
	defaultValue: 'raw' | 'simplified',
	version: IDataObject,
	simplifiedFields: readonly string[],
): INodeProperties {
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		noDataExpression: true,
		default: defaultValue,
		options: [
			{ name: 'Raw', value: 'raw', description: 'Return every field NXCloud sends' },
			{
				name: 'Selected Fields',
				value: 'selected',
				description: 'Return only the fields chosen below',
			},
			{
				name: 'Simplified',
				value: 'simplified',
				description: `Return the fields most workflows use: ${simplifiedFields.join(', ')}`,
			},
		],
		displayOptions: { show: { ...version, '@tool': [true] } },
	};
}

/**
 * The parameters of one operation's output shape: Simplify (and its AI-tool form Output) twice,
 * once per default, and the Fields list of Selected Fields (NXCloud's own field names).
 */
export function outputShapeProperties(
	simplifiedFields: readonly string[],
	rawFields: readonly string[],
): INodeProperties[] {
	return [
		SIMPLIFY_BEFORE,
		SIMPLIFY_FROM,
		outputProperty('raw', BEFORE, simplifiedFields),
		outputProperty('simplified', FROM, simplifiedFields),
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'multiOptions',
			default: [],
			description:
				'The fields to return; a time field comes with its ISO-8601 copy (e.g. callStartTsIso)',
			options: [...rawFields].sort().map((field) => ({ name: field, value: field })),
			displayOptions: { show: { '@tool': [true], output: ['selected'] } },
		},
	];
}

export type OutputShape =
	{ mode: 'raw' } | { mode: 'simplified' } | { mode: 'selected'; fields: string[] };

/** The shape asked for item `itemIndex`: Output when the node is an AI tool, else Simplify. */
export function readOutputShape(ctx: IExecuteFunctions, itemIndex: number): OutputShape {
	const output = ctx.getNodeParameter('output', itemIndex, '') as string;
	if (output === 'raw' || output === 'simplified') return { mode: output };
	if (output === 'selected') {
		const fields = ctx.getNodeParameter('fields', itemIndex, []) as string[];
		return { mode: 'selected', fields: Array.isArray(fields) ? fields : [] };
	}
	return ctx.getNodeParameter('simplify', itemIndex, false) === true
		? { mode: 'simplified' }
		: { mode: 'raw' };
}

/** The chosen fields of a raw item, in the order chosen, each time field with its ISO copy. */
export function selectFields(json: IDataObject, fields: readonly string[]): IDataObject {
	const selected: IDataObject = {};
	for (const field of fields) {
		if (!(field in json)) continue;
		selected[field] = json[field];
		const iso = isoKeyFor(field);
		if (iso in json) selected[iso] = json[iso];
	}
	return selected;
}

/**
 * Applies each item's output shape. Items are paired with their input item, whose parameters
 * say the shape; error items and Full Response answers pass unchanged.
 */
export function shapeOutput(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	simplify: (json: IDataObject) => IDataObject,
): INodeExecutionData[] {
	const shapes = new Map<number, OutputShape | undefined>();
	const shapeOf = (itemIndex: number): OutputShape | undefined => {
		if (!shapes.has(itemIndex)) {
			const fullResponse = readOptions(ctx, itemIndex).fullResponse === true;
			shapes.set(itemIndex, fullResponse ? undefined : readOutputShape(ctx, itemIndex));
		}
		return shapes.get(itemIndex);
	};
	for (const item of items) {
		if (item.json.error !== undefined) continue;
		const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
		const itemIndex = typeof paired === 'number' ? paired : (paired?.item ?? 0);
		const shape = shapeOf(itemIndex);
		if (shape === undefined || shape.mode === 'raw') continue;
		const extras = item.json.recordingDownload;
		item.json =
			shape.mode === 'simplified' ? simplify(item.json) : selectFields(item.json, shape.fields);
		// Download Recording's outcome describes the binary attached to the item: keep it.
		if (extras !== undefined) item.json.recordingDownload = extras;
	}
	return items;
}
