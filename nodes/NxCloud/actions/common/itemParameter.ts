import type { IExecuteFunctions } from 'n8n-workflow';

/** n8n marks an expression by a leading "=" on a string value, at any depth of a parameter. */
export function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (typeof value === 'object' && value !== null)
		return Object.values(value).some(holdsExpression);
	return false;
}

function rawParameter(ctx: IExecuteFunctions, name: string): unknown {
	let value: unknown = ctx.getNode().parameters;
	for (const key of name.split('.')) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

/**
 * A reader of one parameter for every item. Evaluating an expression costs about half a
 * millisecond per item in n8n 2.41, which over 100,000 items is most of a minute; a parameter
 * without any expression has the same value for every item, so it is read once.
 */
export function itemParameter(
	ctx: IExecuteFunctions,
	name: string,
	fallback: unknown,
): (itemIndex: number) => unknown {
	const raw = rawParameter(ctx, name.split('.')[0]);
	if (raw !== undefined && holdsExpression(raw))
		return (i) => ctx.getNodeParameter(name, i, fallback);
	let cached: { value: unknown } | undefined;
	return () => {
		cached ??= { value: ctx.getNodeParameter(name, 0, fallback) };
		return cached.value;
	};
}
