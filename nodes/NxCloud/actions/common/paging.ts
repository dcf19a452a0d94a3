import type { IDataObject } from 'n8n-workflow';

import { parseNumber } from '../../shared/values';

/** One page of a Callbot list (listTask / listOrder / listCall). */
export interface Page {
	rows: IDataObject[];
	/** NXCloud's total across all pages, when it says. */
	totalCount?: number;
	envelope: IDataObject;
}

export interface PagingOptions {
	returnAll: boolean;
	/** Rows wanted when returnAll is false. */
	limit: number;
	/** Rows asked per request. */
	pageSize: number;
	/** Safety stop for a server that never signals the last page. */
	maxPages?: number;
}

/** The rows of `envelope[key]`, or [] when the key is missing; throws when it is not a list. */
export function pageRows(envelope: IDataObject, key: string): IDataObject[] {
	const value = envelope[key];
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) throw new Error(`NXCloud's answer has "${key}" that is not a list`);
	return value as IDataObject[];
}

/**
 * The rows of a list answer whose row key the vendor pages do not show: the first of `keys` that
 * holds a list. When none does although `totalCount` says rows exist, fails with the keys the
 * answer has, so a wrong guess is never an empty success.
 */
export function rowsUnderAnyKey(envelope: IDataObject, keys: readonly string[]): IDataObject[] {
	for (const key of keys) {
		if (Array.isArray(envelope[key])) return envelope[key] as IDataObject[];
	}
	const total = totalOf(envelope);
	if (total !== undefined && total > 0) {
		throw new Error(
			`NXCloud says there are ${total} rows (totalCount) but its answer has no list under ${keys.map((k) => `"${k}"`).join(', ')}. Keys received: ${Object.keys(envelope).join(', ') || 'none'}. Use Full Response to see the whole answer, and report the key to the node's maintainers.`,
		);
	}
	return [];
}

export function totalOf(envelope: IDataObject): number | undefined {
	return parseNumber(envelope.totalCount);
}

/**
 * Pages through a list from page 1 until NXCloud's totalCount is reached, or, without returnAll,
 * once `limit` rows are in. A page shorter than asked ends the list only when the answer has no
 * totalCount: NXCloud may cap the page size below the one asked for. An empty page always ends
 * it. Without returnAll the page size shrinks to the limit, so a small limit costs one small
 * request.
 */
export async function collectPages(
	fetchPage: (page: number, size: number) => Promise<Page>,
	options: PagingOptions,
): Promise<{ rows: IDataObject[]; envelopes: IDataObject[] }> {
	const pageSize = Math.max(1, Math.floor(options.pageSize));
	const limit = Math.max(0, Math.floor(options.limit));
	const size = options.returnAll ? pageSize : Math.max(1, Math.min(pageSize, limit));
	const maxPages = options.maxPages ?? 100_000;
	const rows: IDataObject[] = [];
	const envelopes: IDataObject[] = [];
	if (!options.returnAll && limit === 0) return { rows, envelopes };
	for (let page = 1; ; page++) {
		if (page > maxPages)
			throw new Error(
				`Paging did not end after ${maxPages} pages; NXCloud kept returning full pages`,
			);
		const result = await fetchPage(page, size);
		envelopes.push(result.envelope);
		for (const row of result.rows) rows.push(row);
		if (!options.returnAll && rows.length >= limit) {
			rows.length = limit;
			break;
		}
		if (result.rows.length === 0) break;
		if (
			result.totalCount !== undefined ? rows.length >= result.totalCount : result.rows.length < size
		)
			break;
	}
	return { rows, envelopes };
}
