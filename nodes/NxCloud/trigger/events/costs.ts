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

/**
 * A WhatsApp message's or status's costs. The vendor gives two prices per line: `price` is the
 * customer price in CNY (本币CNY) whatever `currency` says, and `foreign_price` is the same price
 * in `currency`. Reporting `price` next to `currency` would overstate a USD cost about 7 times.
 */
export interface MessagingCostSummary extends IDataObject {
	/** Number of cost lines. */
	lines: number;
	/** Sum of `price`: always CNY. */
	priceCny: number;
	/** Sum of `foreign_price`, in `foreignCurrency`; null when no line has one. */
	foreignPrice: number | null;
	/** The one `currency` all lines share (the currency of `foreignPrice`), or null when they disagree or name none. */
	foreignCurrency: string | null;
	/** Names of the `cdr_type`s, in line order, without repeats (`cdr-<n>` for unknown ones). */
	types: string[];
}

/** A WhatsApp call record's costs: there `price` is in `currency` (the record has no foreign price). */
export interface CallCostSummary extends IDataObject {
	lines: number;
	/** Sum of `price`, in `currency`. */
	price: number;
	/** The one currency all lines share, or null when they disagree or name none. */
	currency: string | null;
}

/** Adds money without binary-float noise in the output (0.1381 + 0.02 stays 0.1581). */
function add(a: number, b: number): number {
	return Math.round((a + b) * 1e6) / 1e6;
}

function costLines(costs: unknown): IDataObject[] {
	return (Array.isArray(costs) ? costs : [costs]).filter(isObject);
}

/** The currency every line names, or null when a line names none or they disagree. */
function sharedCurrency(lines: IDataObject[]): string | null {
	const currencies = new Set(lines.map((line) => text(line.currency)));
	const [only] = currencies;
	return currencies.size === 1 && only !== undefined ? only : null;
}

/**
 * Sums a status's `costs[]` or a message's single `cost` into one summary, or undefined when the
 * event has no cost lines.
 */
export function summarizeMessagingCosts(costs: unknown): MessagingCostSummary | undefined {
	const lines = costLines(costs);
	if (lines.length === 0) return undefined;
	const types: string[] = [];
	let priceCny = 0;
	let foreignPrice: number | null = null;
	for (const line of lines) {
		priceCny = add(priceCny, parseNumber(line.price) ?? 0);
		const foreign = parseNumber(line.foreign_price);
		if (foreign !== undefined) foreignPrice = add(foreignPrice ?? 0, foreign);
		const cdr = parseNumber(line.cdr_type);
		if (cdr !== undefined) {
			const name = CDR_TYPES[cdr] ?? `cdr-${cdr}`;
			if (!types.includes(name)) types.push(name);
		}
	}
	return {
		lines: lines.length,
		priceCny,
		foreignPrice,
		foreignCurrency: sharedCurrency(lines),
		types,
	};
}

/** Sums a call record's `costs[]`, or undefined when it has none. */
export function summarizeCallCosts(costs: unknown): CallCostSummary | undefined {
	const lines = costLines(costs);
	if (lines.length === 0) return undefined;
	let price = 0;
	for (const line of lines) price = add(price, parseNumber(line.price) ?? 0);
	return { lines: lines.length, price, currency: sharedCurrency(lines) };
}
