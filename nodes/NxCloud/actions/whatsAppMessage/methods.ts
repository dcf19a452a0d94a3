import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodePropertyOptions,
	ResourceMapperFields,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requirePhone } from '../../shared/phone';
import { appKeyReader } from '../common/appKey';
import { locatorValue } from '../common/locator';
import { DEFAULT_RETRY_POLICY } from '../../transport/nxCloudRequest';
import { findTemplate, listTemplates } from './templateLookup';
import { templateSlots } from './templateSlots';

/** Editor helpers of Send Template: the template list, its languages and its variables. */

const EDITOR_POLICY = { ...DEFAULT_RETRY_POLICY, timeoutMs: 15_000 };

async function phoneRefOf(
	ctx: ILoadOptionsFunctions,
): Promise<{ appkey: string; business_phone: string }> {
	try {
		const appkey = await appKeyReader(ctx, () => ctx.getCurrentNodeParameter('appKey') ?? '')(0);
		return {
			appkey,
			business_phone: requirePhone(
				locatorValue(ctx.getCurrentNodeParameter('businessPhone')),
				'Business Phone',
			),
		};
	} catch (error) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Fill in App Key and Business Phone first to list templates: ${(error as Error).message}`,
		);
	}
}

/**
 * Whether a Business Phone has been chosen yet. The template list loads as soon as Send Template
 * opens; before a phone is picked there is nothing to list, which is not an error (the field's
 * description says to choose the phone first). A phone that is given but wrong still is.
 */
function phoneChosen(ctx: ILoadOptionsFunctions): boolean {
	return text(locatorValue(ctx.getCurrentNodeParameter('businessPhone'))).trim() !== '';
}

const text = (value: unknown): string =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** Template names, one entry per name (its languages and status in the description). */
export async function getMessageTemplateNames(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	if (!phoneChosen(this)) return [];
	const templates = await listTemplates(this, await phoneRefOf(this), EDITOR_POLICY);
	const byName = new Map<string, IDataObject[]>();
	for (const template of templates) {
		const name = text(template.name);
		if (name === '') continue;
		byName.set(name, [...(byName.get(name) ?? []), template]);
	}
	return [...byName.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([name, list]) => ({
			name,
			value: name,
			description: list
				.map((t) => `${text(t.language)} ${text(t.status)} ${text(t.category)}`.trim())
				.join(' · '),
		}));
}

/** The languages of the chosen template. */
export async function getMessageTemplateLanguages(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const name = text(this.getCurrentNodeParameter('templateName')).trim();
	if (name === '' || !phoneChosen(this)) return [];
	const templates = await listTemplates(this, await phoneRefOf(this), EDITOR_POLICY, name);
	return templates
		.filter((t) => t.name === name)
		.map((t) => ({
			name: `${text(t.language)} (${text(t.status) || 'status unknown'})`,
			value: text(t.language),
		}));
}

/** One field per variable of the chosen template (header, body, buttons), required ones first. */
export async function getMessageTemplateVariables(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	const name = text(this.getCurrentNodeParameter('templateName')).trim();
	const language = text(this.getCurrentNodeParameter('templateLanguage')).trim();
	if (name === '' || language === '')
		return { fields: [], emptyFieldsNotice: 'Choose a template and its language first' };
	const template = await findTemplate(this, await phoneRefOf(this), EDITOR_POLICY, name, language);
	if (!template)
		return {
			fields: [],
			emptyFieldsNotice: `Template "${name}" (${language}) was not found on this business phone`,
		};
	const fields = templateSlots(template).map((slot) => ({
		id: slot.id,
		displayName: slot.label,
		required: slot.required,
		defaultMatch: false,
		display: true,
		type: 'string' as const,
		canBeUsedToMatch: false,
	}));
	return fields.length > 0
		? { fields }
		: { fields, emptyFieldsNotice: 'This template has no variables: it is sent as it is' };
}
