import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { toText } from '../../shared/values';
import { locatorValue } from '../common/locator';

export const TEMPLATE_FIELD: INodeProperties = {
	displayName: 'Template',
	name: 'template',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description:
		'The template, one language of it. Listing needs the App Key and Business Phone above.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a template...',
			typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1512500005168',
		},
	],
};

export const TEMPLATE_NAME_FIELD: INodeProperties = {
	displayName: 'Template Name',
	name: 'templateName',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'Name of the template. Every language of that name is affected.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a template name...',
			typeOptions: { searchListMethod: 'searchTemplateNames', searchable: true },
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. order_update',
		},
	],
};

export const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;

/** The Category choices of Create and Update (alphabetical, as n8n's lint wants). */
export const CATEGORY_OPTIONS = [
	{ name: 'Authentication', value: 'AUTHENTICATION' },
	{ name: 'Marketing', value: 'MARKETING' },
	{ name: 'Utility', value: 'UTILITY' },
];

export const COMPONENTS_FIELD: INodeProperties = {
	displayName: 'Components (JSON)',
	name: 'components',
	type: 'json',
	required: true,
	default:
		'[\n  {\n    "type": "BODY",\n    "text": "Hello {{1}}, your order {{2}} has shipped.",\n    "example": { "body_text": [["Ana", "A-1001"]] }\n  }\n]',
	description:
		'The template components as NXCloud and Meta define them: HEADER, BODY, FOOTER and BUTTONS objects. A BODY is required; a component with {{n}} variables needs an example.',
};

export function templateIdOf(raw: unknown): string {
	const id = toText(locatorValue(raw), 'Template').trim();
	if (id === '') throw new Error('Template is empty: choose a template or give its ID');
	return id;
}

/** Meta's rule for template names: lower-case letters, digits and underscores, at most 512. [INF] */
export function templateNameOf(raw: unknown, field = 'Template Name'): string {
	const name = toText(locatorValue(raw), field).trim();
	if (name === '') throw new Error(`${field} is empty`);
	if (!/^[a-z0-9_]{1,512}$/.test(name)) {
		throw new Error(
			`${field} "${name.slice(0, 80)}" may contain only lower-case letters, digits and underscores (at most 512)`,
		);
	}
	return name;
}

const COMPONENT_TYPES = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'];
const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT'];

function variableCount(text: unknown): number {
	return typeof text === 'string' ? new Set(text.match(/\{\{\s*\d+\s*\}\}/g) ?? []).size : 0;
}

function parseJson(text: string): { value: unknown } | { problem: string } {
	try {
		return { value: JSON.parse(text) };
	} catch (error) {
		return { problem: (error as Error).message };
	}
}

/**
 * The components array from JSON text or an expression's array, checked where a mistake is
 * certain (§18.1): known types, one BODY, a header format, text where text is required, an
 * example for each component with variables, buttons for BUTTONS. Errors name the component.
 */
export function componentsOf(raw: unknown): IDataObject[] {
	let value = raw;
	if (typeof raw === 'string') {
		const parsed = parseJson(raw);
		if ('problem' in parsed)
			throw new Error(`Components (JSON) is not valid JSON: ${parsed.problem}`);
		value = parsed.value;
	}
	if (!Array.isArray(value) || value.length === 0)
		throw new Error('Components (JSON) must be a non-empty array of component objects');
	let bodies = 0;
	value.forEach((component, i) => {
		const at = `Components (JSON) entry ${i + 1}`;
		if (typeof component !== 'object' || component === null || Array.isArray(component))
			throw new Error(`${at} is not an object`);
		const c = component as IDataObject;
		const type = String(c.type ?? '').toUpperCase();
		if (!COMPONENT_TYPES.includes(type))
			throw new Error(
				`${at}: type must be one of ${COMPONENT_TYPES.join(', ')}, got ${JSON.stringify(c.type ?? null)}`,
			);
		if (type === 'BODY') bodies += 1;
		if (type === 'HEADER') {
			const format = String(c.format ?? '').toUpperCase();
			if (!HEADER_FORMATS.includes(format))
				throw new Error(
					`${at}: a HEADER needs format ${HEADER_FORMATS.join(', ')}, got ${JSON.stringify(c.format ?? null)}`,
				);
			if (format === 'TEXT' && (typeof c.text !== 'string' || c.text === ''))
				throw new Error(`${at}: a TEXT header needs text`);
			if (format !== 'TEXT') {
				const example = (c.example ?? {}) as IDataObject;
				if (!example.header_handle && !example.custom_header_handle_url) {
					throw new Error(
						`${at}: a ${format} header needs example.header_handle or example.custom_header_handle_url`,
					);
				}
			}
		}
		if ((type === 'BODY' || type === 'FOOTER') && (typeof c.text !== 'string' || c.text === ''))
			throw new Error(`${at}: a ${type} needs text`);
		if (type === 'BUTTONS' && (!Array.isArray(c.buttons) || c.buttons.length === 0))
			throw new Error(`${at}: BUTTONS needs a non-empty buttons array`);
		if (
			(type === 'BODY' || type === 'HEADER') &&
			variableCount(c.text) > 0 &&
			(typeof c.example !== 'object' || c.example === null)
		) {
			throw new Error(
				`${at}: the ${type} text has {{n}} variables, so it needs an example with sample values`,
			);
		}
	});
	if (bodies !== 1)
		throw new Error(`Components (JSON) must have exactly one BODY component, found ${bodies}`);
	return value as IDataObject[];
}
