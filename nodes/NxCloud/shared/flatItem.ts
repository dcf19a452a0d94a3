import type { IDataObject } from 'n8n-workflow';

/**
 * Building blocks of the Simplify output (the trigger's simplified events and the action node's
 * simplified reads): safe steps into NXCloud's nested objects, and flat items that always carry
 * the same keys in the same order.
 */

export type FlatValue = IDataObject[keyof IDataObject];

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `source[key]` when it is an object, else `{}`, so the next step can read fields off it. */
export function objectAt(source: IDataObject, key: string): IDataObject {
	const value = source[key];
	return isObject(value) ? value : {};
}

/** The first element of a list when it is an object, else `{}`. */
export function firstObject(value: unknown): IDataObject {
	return Array.isArray(value) && isObject(value[0]) ? value[0] : {};
}

/** The last element of a list when it is an object, else `{}`. */
export function lastObject(value: unknown): IDataObject {
	return Array.isArray(value) && isObject(value[value.length - 1])
		? (value[value.length - 1] as IDataObject)
		: {};
}

/** `value` unless it is undefined or an empty string (then null), so every key is always there. */
export function orNull(value: unknown): FlatValue {
	if (value === undefined || value === '') return null;
	return value as FlatValue;
}

/** An item with exactly `keys`, in that order, whatever order `values` were computed in. */
export function flatItem(keys: readonly string[], values: Record<string, unknown>): IDataObject {
	const json: IDataObject = {};
	for (const key of keys) json[key] = orNull(values[key]);
	return json;
}
