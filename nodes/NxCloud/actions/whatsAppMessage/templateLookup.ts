import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { RetryPolicy } from '../../transport/nxCloudRequest';
import { collectTemplates } from '../whatsAppTemplate/templateList';

/** At most this many getTemplate pages (of PAGE_SIZE) are read for one list (§16). */
const MAX_PAGES = 25;
const PAGE_SIZE = 100;

/**
 * The templates of a business phone (all of them, or all languages of one name), paging with
 * the `after` cursor while NXCloud says there is a next page (§16: `paging.next` only as a flag).
 */
export async function listTemplates(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	ref: { appkey: string; business_phone: string },
	policy: RetryPolicy,
	name?: string,
): Promise<IDataObject[]> {
	const query = {
		appkey: ref.appkey,
		businessPhone: ref.business_phone,
		name,
		pageSize: PAGE_SIZE,
	};
	return await collectTemplates(ctx, query, policy, MAX_PAGES * PAGE_SIZE);
}

/** The template of that name and language, or undefined. */
export async function findTemplate(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	ref: { appkey: string; business_phone: string },
	policy: RetryPolicy,
	name: string,
	language: string,
): Promise<IDataObject | undefined> {
	const templates = await listTemplates(ctx, ref, policy, name);
	return templates.find((t) => t.name === name && t.language === language);
}
