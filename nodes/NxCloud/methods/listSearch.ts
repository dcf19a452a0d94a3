import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normalisePhone } from '../shared/phone';
import { appKeyReader } from '../actions/common/appKey';
import { locatorValue } from '../actions/common/locator';
import { listPhones } from '../actions/whatsAppBusinessPhone/phoneList';
import { templatePage } from '../actions/whatsAppTemplate/templateList';
import { type RetryPolicy, nxCloudRequest } from '../transport/nxCloudRequest';

/** Pickers answer while the user waits: one quick try, no long backoff. */
const PICKER_POLICY: RetryPolicy = {
	maxTries: 2,
	baseDelayMs: 200,
	timeoutMs: 15_000,
	retryAmbiguous: true,
};

const TASK_PAGE_SIZE = 50;
const TEMPLATE_PAGE_SIZE = 50;

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const wanted = filter.trim().toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(wanted));
}

function current(ctx: ILoadOptionsFunctions, name: string): unknown {
	try {
		return locatorValue(ctx.getCurrentNodeParameter(name));
	} catch {
		return undefined;
	}
}

async function appKeyOf(ctx: ILoadOptionsFunctions): Promise<string> {
	try {
		return await appKeyReader(ctx, () => current(ctx, 'appKey') ?? '')(0);
	} catch (error) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${(error as Error).message}, to list its business phones and templates`,
		);
	}
}

function businessPhoneOf(ctx: ILoadOptionsFunctions): string {
	const phone = normalisePhone(current(ctx, 'businessPhone'));
	if (!/^\d{6,20}$/.test(phone)) {
		throw new NodeOperationError(
			ctx.getNode(),
			'Choose the Business Phone first: the templates are listed per number',
		);
	}
	return phone;
}

/** The business phones of the application (getPhone), searchable by number or display name. */
export async function searchBusinessPhones(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const phones = await listPhones(this, await appKeyOf(this), [], PICKER_POLICY);
	const results: INodeListSearchItems[] = phones
		.filter((phone) =>
			matches(filter, phone.business_phone, phone.display_phone_number, phone.verified_name),
		)
		.map((phone) => {
			const label = [phone.verified_name, phone.display_phone_number ?? phone.business_phone]
				.filter(Boolean)
				.join(' · ');
			return {
				name: `${label}${phone.status ? ` (${String(phone.status)})` : ''}`,
				value: String(phone.business_phone),
			};
		});
	return { results };
}

function templateLabel(template: IDataObject): string {
	return `${String(template.name)} (${String(template.language)}) · ${String(template.status ?? '?')}`;
}

/** The templates of the business phone (getTemplate, one page per call), value = template ID. */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await templatePage(
		this,
		{
			appkey: await appKeyOf(this),
			businessPhone: businessPhoneOf(this),
			after: paginationToken,
			limit: TEMPLATE_PAGE_SIZE,
		},
		PICKER_POLICY,
	);
	const results = page.templates
		.filter((template) => matches(filter, template.name, template.id, template.language))
		.map((template) => ({ name: templateLabel(template), value: String(template.id) }));
	return { results, paginationToken: page.after };
}

/** Template names of the business phone, each once (its languages share it). */
export async function searchTemplateNames(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await templatePage(
		this,
		{
			appkey: await appKeyOf(this),
			businessPhone: businessPhoneOf(this),
			after: paginationToken,
			limit: TEMPLATE_PAGE_SIZE,
		},
		PICKER_POLICY,
	);
	const languages = new Map<string, string[]>();
	for (const template of page.templates) {
		const name = String(template.name);
		if (!matches(filter, name)) continue;
		languages.set(name, [...(languages.get(name) ?? []), String(template.language)]);
	}
	const results = [...languages].map(([name, langs]) => ({
		name: `${name} (${langs.join(', ')})`,
		value: name,
	}));
	return { results, paginationToken: page.after };
}

/** Callbot tasks (listTask, newest pages first as NXCloud orders them), by name or userTaskID. */
export async function searchCallbotTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Math.max(1, Number(paginationToken ?? 1) || 1);
	const envelope = await nxCloudRequest.call(
		this,
		{
			product: 'callbot',
			path: '/callcentre/api/v3/listTask',
			// queryConditions is required by NXCloud even without a filter (the name filter is applied here).
			body: { productID: 'callbot', page, size: TASK_PAGE_SIZE, queryConditions: {} },
		},
		PICKER_POLICY,
	);
	const tasks = Array.isArray(envelope.taskData) ? (envelope.taskData as IDataObject[]) : [];
	const total = Number(envelope.totalCount ?? 0);
	const results = tasks
		.filter((task) => matches(filter, task.taskName, task.userTaskID))
		.map((task) => ({
			name: `${String(task.taskName ?? task.userTaskID)} (${String(task.userTaskID)})`,
			value: String(task.userTaskID),
		}));
	const more = tasks.length > 0 && page * TASK_PAGE_SIZE < total;
	return { results, paginationToken: more ? String(page + 1) : undefined };
}
