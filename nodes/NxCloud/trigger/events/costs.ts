import type { IDataObject } from 'n8n-workflow';

import { parseNumber } from '../../shared/values';
import { isObject, text } from './objects';

/** `cdr_type` values of a WhatsApp cost line (docs/vendor-api.md §4.6). */
const CDR_TYPES: Record<number, string> = {
	1: 'per-message',
	4: 'marketing',
	5: 'utility',
	6: 'authentication',
	7: 'service',
	8: 'free',
	9: 'international-authentication',
	10: 'mm-lite',
};

export interface CostSummary extends IDataObject {
	/** Number of cost lines. */
	lines: number;
	/** The one currency all lines share, or null when they disagree or name none. */
	currency: string | null;
	/** Sum of `price` (NXCloud's local-currency price). */
	price: number;
	/** Sum of `foreign_price` (the customer's currency), or null when no line has one. */
	foreignPrice: number | null;
	/** Names of the `cdr_type`s, in line order, without repeats (`cdr-<n>` for unknown ones). */
	types: string[];
}

/** Adds money without binary-float noise in the output (0.1381 + 0.02 stays 0.1581). */
function add(a: number, b: number): number {
	return Math.round((a + b) * 1e6) / 1e6;
}

/**
 * Sums a status's `costs[]`, a message's single `cost` or a call record's `costs[]` into one
 * summary, or undefined when the event has no cost lines.
 */
export function summarizeCosts(costs: unknown): CostSummary | undefined {
	const lines = (Array.isArray(costs) ? costs : [costs]).filter(isObject);
	if (lines.length === 0) return undefined;
	const currencies = new Set<string>();
	const types: string[] = [];
	let price = 0;
	let foreignPrice: number | null = null;
	for (const line of lines) {
		const currency = text(line.currency);
		if (currency !== undefined) currencies.add(currency);
		price = add(price, parseNumber(line.price) ?? 0);
		const foreign = parseNumber(line.foreign_price);
		if (foreign !== undefined) foreignPrice = add(foreignPrice ?? 0, foreign);
		const cdr = parseNumber(line.cdr_type);
		if (cdr !== undefined) {
			const name = CDR_TYPES[cdr] ?? `cdr-${cdr}`;
			if (!types.includes(name)) types.push(name);
		}
	}
	const allSame = currencies.size === 1 && lines.every((line) => text(line.currency) !== undefined);
	return {
		lines: lines.length,
		currency: allSame ? [...currencies][0] : null,
		price,
		foreignPrice,
		types,
	};
}
