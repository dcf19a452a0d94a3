/** Small conversions of parameter values: text fields, comma lists, numbers, dates. */

/** A text field of a row: strings as they are, numbers and booleans as text, absent as "". */
export function toText(value: unknown, field: string): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw new Error(`${field} must be text, got ${Array.isArray(value) ? 'a list' : typeof value}`);
}

/**
 * A list parameter: an array (from an expression) or text separated by commas or new lines.
 * Blank entries are dropped; entries are trimmed.
 */
export function toList(value: unknown, field: string): string[] {
	if (value === undefined || value === null || value === '') return [];
	const parts: unknown[] = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(/[,\n]/)
			: [value];
	const list: string[] = [];
	for (const part of parts) {
		if (typeof part !== 'string' && typeof part !== 'number') {
			throw new Error(
				`${field} must be a list of text values, got an entry of type ${typeof part}`,
			);
		}
		const text = String(part).trim();
		if (text !== '') list.push(text);
	}
	return list;
}

/**
 * The one number rule: a finite number, or text holding one ("12", " 2.5 "). Blank text, null,
 * booleans and anything else are not numbers (undefined), so an empty field is never read as 0.
 */
export function parseNumber(value: unknown): number | undefined {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/** A number by parseNumber's rule; throws naming the field otherwise. */
export function toNumber(value: unknown, field: string): number {
	const n = parseNumber(value);
	if (n === undefined) throw new Error(`${field} must be a number, got ${JSON.stringify(value)}`);
	return n;
}

/** A whole number by parseNumber's rule, within `range` when given; throws naming the field. */
export function toInteger(
	value: unknown,
	field: string,
	range?: { min: number; max: number },
): number {
	const n = parseNumber(value);
	if (n === undefined || !Number.isInteger(n) || (range && (n < range.min || n > range.max))) {
		const bounds = range ? ` from ${range.min} to ${range.max}` : '';
		throw new Error(`${field} must be a whole number${bounds}, got ${JSON.stringify(value)}`);
	}
	return n;
}

/** A list of integers (for example call status codes), from an array or comma-separated text. */
export function toIntegerList(value: unknown, field: string): number[] {
	return toList(value, field).map((entry) => {
		const n = parseNumber(entry);
		if (n === undefined || !Number.isInteger(n))
			throw new Error(`${field} must hold whole numbers, got "${entry}"`);
		return n;
	});
}

/**
 * Unix seconds from an n8n date parameter (ISO text, a Date, or a number of seconds/ms).
 * Undefined when empty.
 */
export function toUnixSeconds(value: unknown, field: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'number')
		return value >= 1e12 ? Math.floor(value / 1000) : Math.floor(value);
	if (typeof value === 'string' && /^\d+$/.test(value.trim()))
		return toUnixSeconds(Number(value.trim()), field);
	const date =
		value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
	if (!date || Number.isNaN(date.getTime())) {
		throw new Error(
			`${field} must be a date and time (for example 2026-01-31T09:00:00Z), got "${String(value)}"`,
		);
	}
	return Math.floor(date.getTime() / 1000);
}

/** Optional callback URLs may be empty (no callback) or must be http(s) URLs. */
export function callbackUrl(value: unknown, field: string): string {
	const text = toText(value, field).trim();
	if (text === '') return '';
	if (!/^https?:\/\/[^\s/]+/i.test(text))
		throw new Error(`${field} must be an http(s) URL, got "${text}"`);
	return text;
}

/** Splits a list into pieces of at most `size` entries, in order. */
export function chunk<T>(list: T[], size: number): T[][] {
	if (!(size >= 1)) throw new Error(`chunk size must be at least 1, got ${size}`);
	const pieces: T[][] = [];
	for (let i = 0; i < list.length; i += size) pieces.push(list.slice(i, i + size));
	return pieces;
}
