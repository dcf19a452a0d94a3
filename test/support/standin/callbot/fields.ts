// Field checks for Callbot bodies, mapped to the documented retCodes (docs/vendor-api.md §8.3): 2 missing parameter,
// 3 parameter format error (wrong JSON type), 4 invalid parameter value, 4001 too many elements.
// Each error names the field by its path, e.g. "callInfoList.callList[17].userName".
import { isPlainObject } from '../http';

export class CallbotError extends Error {
	constructor(
		readonly retCode: number,
		readonly retMsg: string,
	) {
		super(retMsg);
	}
}

export type Obj = Record<string, unknown>;

export const missingParameter = (path: string): CallbotError =>
	new CallbotError(2, `Missing parameter: ${path}`);
export const formatError = (path: string, expected: string): CallbotError =>
	new CallbotError(3, `Parameter format error: ${path} must be ${expected}`);
export const invalidValue = (path: string, why: string): CallbotError =>
	new CallbotError(4, `Invalid parameter value: ${path} ${why}`);
export const tooManyElements = (path: string, count: number, max: number): CallbotError =>
	new CallbotError(4001, `Too many array elements: ${path} has ${count}, at most ${max} allowed`);

const join = (base: string, key: string): string => (base ? `${base}.${key}` : key);
const absent = (value: unknown): boolean => value === undefined || value === null;

/**
 * A required string. `allowEmpty` is for fields the vendor marks "may be an empty string"
 * (userName, customerName, other); for ids an empty string counts as missing.
 */
export function requireString(obj: Obj, key: string, base = '', allowEmpty = false): string {
	const value = obj[key];
	const path = join(base, key);
	if (absent(value) || (!allowEmpty && value === '')) throw missingParameter(path);
	if (typeof value !== 'string') throw formatError(path, 'a string');
	return value;
}

export function optionalString(obj: Obj, key: string, base = ''): string | undefined {
	const value = obj[key];
	if (absent(value)) return undefined;
	if (typeof value !== 'string') throw formatError(join(base, key), 'a string');
	return value;
}

export function requireInt(obj: Obj, key: string, base = ''): number {
	const value = obj[key];
	const path = join(base, key);
	if (absent(value)) throw missingParameter(path);
	if (typeof value !== 'number' || !Number.isInteger(value)) throw formatError(path, 'an integer');
	return value;
}

export function optionalInt(obj: Obj, key: string, base = ''): number | undefined {
	return absent(obj[key]) ? undefined : requireInt(obj, key, base);
}

export function requireObject(obj: Obj, key: string, base = ''): Obj {
	const value = obj[key];
	const path = join(base, key);
	if (absent(value)) throw missingParameter(path);
	if (!isPlainObject(value)) throw formatError(path, 'an object');
	return value;
}

export function optionalObject(obj: Obj, key: string, base = ''): Obj | undefined {
	return absent(obj[key]) ? undefined : requireObject(obj, key, base);
}

export function requireArray(obj: Obj, key: string, base = ''): unknown[] {
	const value = obj[key];
	const path = join(base, key);
	if (absent(value)) throw missingParameter(path);
	if (!Array.isArray(value)) throw formatError(path, 'an array');
	return value;
}

export function optionalArray(obj: Obj, key: string, base = ''): unknown[] | undefined {
	return absent(obj[key]) ? undefined : requireArray(obj, key, base);
}

/** An optional array whose elements must all be of one JSON type (filters in list queries). */
export function optionalList<T extends 'string' | 'number'>(
	obj: Obj,
	key: string,
	type: T,
	base = '',
): (T extends 'string' ? string : number)[] | undefined {
	const list = optionalArray(obj, key, base);
	list?.forEach((item, i) => {
		if (typeof item !== type) throw formatError(`${join(base, key)}[${i}]`, `a ${type}`);
	});
	return list as (T extends 'string' ? string : number)[] | undefined;
}

/** productID is the constant "callbot" on every endpoint (docs/vendor-api.md §6). */
export function requireProductId(body: Obj): void {
	const productID = requireString(body, 'productID');
	if (productID !== 'callbot')
		throw invalidValue('productID', `must be "callbot", got "${productID}"`);
}

/**
 * Callback URLs: an empty string is accepted (we read it as "no callback"; the vendor marks the
 * field required but says nothing about empty), anything else must be an http(s) URL.
 */
/**
 * An http(s) URL. `required`: present and non-empty, as the vendor marks orderCallbackUrl and
 * callCallbackUrl (是, with no "may be empty" note, unlike userName/customerName).
 */
export function optionalUrl(
	obj: Obj,
	key: string,
	base = '',
	required = false,
): string | undefined {
	const value = required ? requireString(obj, key, base) : optionalString(obj, key, base);
	if (value === undefined || value === '') return value;
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw invalidValue(join(base, key), `"${value}" is not a URL`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw invalidValue(join(base, key), `"${value}" is not an http(s) URL`);
	}
	return value;
}

/** page ≥ 1, 1 ≤ size ≤ max (the vendor documents no limit; ours is an assumption). */
export function requirePaging(body: Obj, maxSize: number): { page: number; size: number } {
	const page = requireInt(body, 'page');
	const size = requireInt(body, 'size');
	if (page < 1) throw invalidValue('page', `must be 1 or more, got ${page}`);
	if (size < 1 || size > maxSize)
		throw invalidValue('size', `must be 1 to ${maxSize}, got ${size}`);
	return { page, size };
}

/** {gt, lt, enable} range filters of listCall/listOrder. */
export interface Range {
	gt?: number;
	lt?: number;
	enable?: boolean;
}

export function optionalRange(obj: Obj, key: string, base = ''): Range | undefined {
	const range = optionalObject(obj, key, base);
	if (!range) return undefined;
	const path = join(base, key);
	const gt = range.gt;
	const lt = range.lt;
	const enable = range.enable;
	if (gt !== undefined && gt !== null && typeof gt !== 'number')
		throw formatError(`${path}.gt`, 'a number');
	if (lt !== undefined && lt !== null && typeof lt !== 'number')
		throw formatError(`${path}.lt`, 'a number');
	if (enable !== undefined && enable !== null && typeof enable !== 'boolean') {
		throw formatError(`${path}.enable`, 'a boolean');
	}
	return { gt: gt ?? undefined, lt: lt ?? undefined, enable: enable ?? undefined } as Range;
}

export function inRange(value: number, range: Range | undefined): boolean {
	if (!range || !range.enable) return true;
	if (range.gt !== undefined && !(value > range.gt)) return false;
	if (range.lt !== undefined && !(value < range.lt)) return false;
	return true;
}
