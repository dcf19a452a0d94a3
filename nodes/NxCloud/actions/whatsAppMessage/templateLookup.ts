import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { RetryPolicy } from '../../transport/nxCloudRequest';
import { messagingRequest } from './requests';

/** At most this many getTemplate pages are read for one list (20 a page by default, §16). */
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
	const templates: IDataObject[] = [];
	let after: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const body: IDataObject = { appkey: ref.appkey, business_phone: ref.business_phone, messaging_product: 'whatsapp', limit: PAGE_SIZE };
		if (name) body.name = name;
		if (after) body.after = after;
		const envelope = await messagingRequest(ctx, 'getTemplate', body, policy);
		const data = (envelope.data ?? {}) as IDataObject;
		const rows = Array.isArray(data.data) ? (data.data as IDataObject[]) : [];
		templates.push(...rows);
		const paging = (data.paging ?? {}) as IDataObject;
		const cursor = ((paging.cursors ?? {}) as IDataObject).after;
		if (!paging.next || typeof cursor !== 'string' || cursor === '' || cursor === after || rows.length === 0) break;
		after = cursor;
	}
	return templates;
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
