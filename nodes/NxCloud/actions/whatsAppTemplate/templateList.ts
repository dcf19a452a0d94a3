import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { type RetryPolicy } from '../../transport/nxCloudRequest';
import { MESSAGING_PRODUCT, whatsAppRequest } from '../../transport/whatsApp';

export interface TemplatePage {
	templates: IDataObject[];
	/** Cursor of the next page; undefined on the last page. */
	after?: string;
}

/**
 * One page of getTemplate (§16). `paging.next` only says whether there is a next page (it is a
 * Meta Graph URL without NXCloud auth); paging goes on with `after`.
 */
export async function templatePage(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	query: { appkey: string; businessPhone: string; name?: string; after?: string; limit?: number },
	policy: RetryPolicy,
): Promise<TemplatePage> {
	const body: IDataObject = {
		appkey: query.appkey,
		business_phone: query.businessPhone,
		messaging_product: MESSAGING_PRODUCT,
	};
	if (query.name) body.name = query.name;
	if (query.after) body.after = query.after;
	if (query.limit) body.limit = query.limit;
	const envelope = await whatsAppRequest(ctx, 'getTemplate', 'getTemplate', body, policy);
	const data = (envelope.data ?? {}) as IDataObject;
	const templates = Array.isArray(data.data) ? (data.data as IDataObject[]) : [];
	const paging = (data.paging ?? {}) as IDataObject;
	const cursors = (paging.cursors ?? {}) as IDataObject;
	const after =
		typeof cursors.after === 'string' && cursors.after !== '' ? cursors.after : undefined;
	const more =
		typeof paging.next === 'string' &&
		paging.next !== '' &&
		after !== undefined &&
		templates.length > 0;
	return { templates, after: more ? after : undefined };
}

/** Every template (of `name`, when given), page by page, up to `max`; `stop` ends early. */
export async function collectTemplates(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	query: { appkey: string; businessPhone: string; name?: string; pageSize: number },
	policy: RetryPolicy,
	max = Infinity,
	stop?: (template: IDataObject) => boolean,
): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	let after: string | undefined;
	// A cursor seen twice would loop forever on a misbehaving server.
	const seen = new Set<string>();
	do {
		const limit = Math.max(1, Math.min(query.pageSize, max - all.length));
		const page = await templatePage(ctx, { ...query, after, limit }, policy);
		for (const template of page.templates) {
			if (all.length >= max) break;
			all.push(template);
			if (stop?.(template)) return all;
		}
		after = page.after;
		if (after !== undefined) {
			if (seen.has(after)) break;
			seen.add(after);
		}
	} while (after !== undefined && all.length < max);
	return all;
}
