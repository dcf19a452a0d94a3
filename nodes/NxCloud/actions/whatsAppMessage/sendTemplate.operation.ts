import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	ResourceMapperField,
} from 'n8n-workflow';
import { jsonParse, updateDisplayOptions } from 'n8n-workflow';

import { toText } from '../../shared/values';
import { actionAppKey } from '../common/appKey';
import { APP_KEY_FIELD, BUSINESS_PHONE_FIELD, cautionNotice } from '../common/fields';
import { locatorValue } from '../common/locator';
import { optionsCollection, retryPolicy } from '../common/options';
import { messageHead, sendExtras } from './messageBody';
import { RECIPIENT_FIELD, SEND_OPTIONS, runSend, sendOptionsOf } from './sending';
import { findTemplate } from './templateLookup';
import { type TemplateSlot, slotFromId, templateComponents, templateSlots } from './templateSlots';

const properties: INodeProperties[] = [
	cautionNotice(
		'Caution: this sends a WhatsApp template message to a real person at once. Templates may be sent at any time, also outside the 24-hour window, and are charged by category.',
	),
	APP_KEY_FIELD,
	BUSINESS_PHONE_FIELD,
	RECIPIENT_FIELD,
	{
		displayName: 'Template Name or ID',
		name: 'templateName',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getMessageTemplateNames',
			loadOptionsDependsOn: ['appKey', 'businessPhone.value'],
		},
		required: true,
		default: '',
		description:
			'Approved template of the business phone (choose the Business Phone first). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Language Name or ID',
		name: 'templateLanguage',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getMessageTemplateLanguages',
			loadOptionsDependsOn: ['templateName'],
		},
		required: true,
		default: '',
		description:
			'Language of the template, e.g. en_US. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Variables',
		name: 'variablesMode',
		type: 'options',
		options: [
			{
				name: 'Fill in Fields',
				value: 'fields',
				description:
					'One field per variable of the chosen template: header, body and button URL suffixes',
			},
			{
				name: 'Components JSON',
				value: 'json',
				description: "Write the template message's components array yourself (for experts)",
			},
		],
		default: 'fields',
	},
	{
		displayName: 'Template Variables',
		name: 'templateVariables',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['templateName', 'templateLanguage', 'businessPhone.value', 'appKey'],
			resourceMapper: {
				resourceMapperMethod: 'getMessageTemplateVariables',
				mode: 'add',
				fieldWords: { singular: 'variable', plural: 'variables' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
			},
		},
		displayOptions: { show: { variablesMode: ['fields'] } },
	},
	{
		displayName: 'Components (JSON)',
		name: 'componentsJson',
		type: 'json',
		default: '[]',
		description:
			'The template.components array as NXCloud takes it, e.g. [{"type":"body","parameters":[{"type":"text","text":"David"}]}]',
		displayOptions: { show: { variablesMode: ['json'] } },
	},
	optionsCollection(SEND_OPTIONS),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppMessage'], operation: ['sendTemplate'] } },
	properties,
);

function componentsFromJson(raw: unknown): IDataObject[] {
	const value =
		typeof raw === 'string'
			? jsonParse<unknown>(raw, { errorMessage: 'Components (JSON) is not valid JSON' })
			: raw;
	const list = Array.isArray(value) ? value : (value as IDataObject | null)?.components;
	if (
		!Array.isArray(list) ||
		list.some((c) => typeof c !== 'object' || c === null || Array.isArray(c))
	) {
		throw new Error(
			'Components (JSON) must be an array of component objects, e.g. [{"type":"body","parameters":[…]}]',
		);
	}
	return list as IDataObject[];
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	// Slots of templates looked up during this run (only when the node carries no field list).
	const looked = new Map<string, TemplateSlot[]>();
	const appKey = actionAppKey(this);
	return await runSend(this, items, 'send', async (i, options) => {
		const head = messageHead(
			await appKey(i),
			locatorValue(this.getNodeParameter('businessPhone', i)),
			this.getNodeParameter('to', i),
		);
		const name = toText(this.getNodeParameter('templateName', i), 'Template Name').trim();
		if (name === '') throw new Error('Template Name is empty: choose an approved template');
		const language = toText(this.getNodeParameter('templateLanguage', i), 'Language').trim();
		if (language === '')
			throw new Error('Language is empty: choose the template language, e.g. en_US');

		let components: IDataObject[];
		if (this.getNodeParameter('variablesMode', i, 'fields') === 'json') {
			components = componentsFromJson(this.getNodeParameter('componentsJson', i, '[]'));
		} else {
			const schema = (this.getNodeParameter('templateVariables.schema', i, []) ??
				[]) as ResourceMapperField[];
			const values = (this.getNodeParameter('templateVariables.value', i, {}) ?? {}) as IDataObject;
			let slots = schema
				.map((field) => slotFromId(field.id, field.displayName, field.required === true))
				.filter((slot): slot is TemplateSlot => slot !== undefined);
			if (schema.length === 0) {
				// No field list saved with the node (built outside the editor, or a name from an
				// expression): read the template itself, once per template and run.
				const key = JSON.stringify([head.appkey, head.business_phone, name, language]);
				let found = looked.get(key);
				if (!found) {
					const ref = { appkey: String(head.appkey), business_phone: String(head.business_phone) };
					const template = await findTemplate(
						this,
						ref,
						retryPolicy(options, i, { retryAmbiguous: true }),
						name,
						language,
					);
					if (!template) {
						throw new Error(
							`Template "${name}" (${language}) was not found on business phone ${head.business_phone}`,
						);
					}
					found = templateSlots(template);
					looked.set(key, found);
				}
				slots = found;
			}
			components = templateComponents(slots, values);
		}
		const template: IDataObject = { name, language: { code: language, policy: 'deterministic' } };
		if (components.length > 0) template.components = components;
		return { ...head, ...sendExtras(sendOptionsOf(options)), type: 'template', template };
	});
}
