import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { collectPages, rowsUnderAnyKey, totalOf } from './paging';
import { addIsoCopies } from '../../shared/timestamps';
import { readOptions, retryPolicy } from './options';
import { forEachItem } from './perItem';
import { callbotRequest } from '../../transport/requests';
import { DEFAULT_PAGE_SIZE } from './fields';

export interface PagedList {
	endpoint: 'listTask' | 'listOrder' | 'listCall';
	/**
	 * Keys the rows may be under, most likely first: taskData is documented; the order and call
	 * list pages show no answer, so their keys are guesses (see rowsUnderAnyKey).
	 */
	rowsKeys: readonly string[];
	/** The body without page/size, for item `itemIndex`. */
	body(itemIndex: number): IDataObject;
	acceptGzip?: boolean;
}

/**
 * The page size of item `itemIndex`: Options → Page Size, else the top-level Page Size a
 * workflow saved before the field moved into Options, else the default.
 */
export function pageSizeOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
): number {
	if (options.pageSize !== undefined && options.pageSize !== null) return Number(options.pageSize);
	return Number(ctx.getNodeParameter('pageSize', itemIndex, DEFAULT_PAGE_SIZE));
}

/**
 * Get Many operations: per input item, pages through the list (Return All / Limit) and outputs
 * one item per row, or with Full Response one item per page answer. Reading is safe to repeat.
 */
export async function runPagedList(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	list: PagedList,
): Promise<INodeExecutionData[]> {
	return await forEachItem(ctx, items, async (i) => {
		const options = readOptions(ctx, i);
		const policy = retryPolicy(options, i, { retryAmbiguous: true });
		const base = list.body(i);
		const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
		const { rows, envelopes } = await collectPages(
			async (page, size) => {
				const envelope = await callbotRequest(ctx, list.endpoint, { ...base, page, size }, policy, {
					acceptGzip: list.acceptGzip,
				});
				return {
					rows: rowsUnderAnyKey(envelope, list.rowsKeys),
					totalCount: totalOf(envelope),
					envelope,
				};
			},
			{
				returnAll,
				limit: returnAll ? 0 : (ctx.getNodeParameter('limit', i, 50) as number),
				pageSize: pageSizeOf(ctx, i, options),
			},
		);
		return addIsoCopies(options.fullResponse === true ? envelopes : rows);
	});
}
