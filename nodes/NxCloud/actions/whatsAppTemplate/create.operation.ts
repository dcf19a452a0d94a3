import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toText } from '../../shared/values';
import { MESSAGING_PRODUCT, whatsAppRequest } from '../../transport/whatsApp';
import { APP_KEY_FIELD, BUSINESS_PHONE_FIELD } from '../common/fields';
import { optionsCollection, readOptions, retryPolicy } from '../common/options';
import { forEachItem } from '../common/perItem';
import {
	CATEGORIES,
	CATEGORY_OPTIONS,
	COMPONENTS_FIELD,
	componentsOf,
	templateNameOf,
} from './templateFields';
import { templateScope } from './templateScope';

const properties: INodeProperties[] = [
	APP_KEY_FIELD,
	BUSINESS_PHONE_FIELD,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. order_shipped',
		description: 'Lower-case letters, digits and underscores',
	},
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		options: CATEGORY_OPTIONS,
		default: 'UTILITY',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		required: true,
		default: 'en_US',
		placeholder: 'e.g. en_US',
		description: 'Template language code, such as en_US, zh_CN or pt_BR',
	},
	COMPONENTS_FIELD,
	optionsCollection([
		{
			displayName: 'Message Send TTL (Seconds)',
			name: 'messageSendTtlSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 600,
			description: 'How long WhatsApp keeps trying to deliver a message sent with this template',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppTemplate'], operation: ['create'] } },
	properties,
);

/** The createTemplate body (§18.1) of one item; throws naming the field. */
export function createBody(
	scope: IDataObject,
	input: {
		name: unknown;
		category: unknown;
		language: unknown;
		components: unknown;
		ttl?: unknown;
	},
): IDataObject {
	const name = templateNameOf(input.name, 'Name');
	const category = toText(input.category, 'Category').trim().toUpperCase();
	if (!(CATEGORIES as readonly string[]).includes(category))
		throw new Error(`Category must be one of ${CATEGORIES.join(', ')}, got "${category}"`);
	const language = toText(input.language, 'Language').trim();
	if (!/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/.test(language))
		throw new Error(
			`Language "${language}" is not a template language code such as en_US or zh_CN`,
		);
	const body: IDataObject = {
		...scope,
		messaging_product: MESSAGING_PRODUCT,
		name,
		category,
		language,
		components: componentsOf(input.components),
	};
	if (input.ttl !== undefined && input.ttl !== null && input.ttl !== '') {
		const ttl = Number(input.ttl);
		if (!Number.isInteger(ttl) || ttl < 1)
			throw new Error(
				`Message Send TTL (Seconds) must be a whole number of seconds, got ${JSON.stringify(input.ttl)}`,
			);
		body.message_send_ttl_seconds = ttl;
	}
	return body;
}

/**
 * createTemplate (§18.1). Not resent after NXCloud may have received it: a second create of the
 * same name is refused or duplicates the submission to Meta. Approval arrives later as a
 * template status event on the NXCloud Trigger.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const scope = templateScope(this);
	return await forEachItem(this, items, async (i) => {
		const options = readOptions(this, i);
		const body = createBody(await scope(i), {
			name: this.getNodeParameter('name', i, ''),
			category: this.getNodeParameter('category', i, ''),
			language: this.getNodeParameter('language', i, ''),
			components: this.getNodeParameter('components', i, ''),
			ttl: options.messageSendTtlSeconds,
		});
		const envelope = await whatsAppRequest(
			this,
			'createTemplate',
			'createTemplate',
			body,
			retryPolicy(options, i, { retryAmbiguous: false }),
		);
		if (options.fullResponse === true) return envelope;
		const data = (envelope.data ?? {}) as IDataObject;
		return {
			id: data.id ?? null,
			name: body.name,
			language: body.language,
			category: body.category,
		};
	});
}
