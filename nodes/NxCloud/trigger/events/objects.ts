import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../shared/flatItem';

export { isObject };

/** The object itself, or the value wrapped as `{ value }` so every event is an object. */
export function asObject(value: unknown): IDataObject {
	return isObject(value) ? value : { value: value as IDataObject['value'] };
}

/** A non-empty string or finite number as a trimmed string; anything else is undefined. */
export function text(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** Copies the listed keys that are present (not undefined) into a new object. */
export function pick(source: IDataObject, keys: readonly string[]): IDataObject {
	const picked: IDataObject = {};
	for (const key of keys) {
		if (source[key] !== undefined) picked[key] = source[key];
	}
	return picked;
}
