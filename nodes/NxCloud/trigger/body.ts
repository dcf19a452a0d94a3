/** Why a request body was refused; each maps to a 4xx answer with this `reason`. */
export type BodyRejection =
	| { status: 400; reason: 'unsupported_content_type'; error: string }
	| { status: 400; reason: 'empty_body'; error: string }
	| { status: 400; reason: 'malformed_json'; error: string }
	| { status: 400; reason: 'too_deeply_nested'; error: string };

/**
 * NXCloud's pushes nest six or seven levels at most. Deeper JSON is refused before it is parsed:
 * n8n itself cannot read back an execution whose data nests thousands of levels (its executions
 * API answers 500), so accepting one would break the user's execution list.
 */
export const MAX_JSON_DEPTH = 64;

/** The deepest bracket nesting of JSON text, found by one pass that skips string contents. */
export function jsonNestingDepth(text: string, stopAbove = Infinity): number {
	let depth = 0;
	let deepest = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c)
				i++; // backslash: skip the escaped character
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) {
			inString = true;
		} else if (c === 0x7b || c === 0x5b) {
			depth++;
			if (depth > deepest) {
				deepest = depth;
				if (deepest > stopAbove) return deepest;
			}
		} else if (c === 0x7d || c === 0x5d) {
			depth--;
		}
	}
	return deepest;
}

/**
 * NXCloud posts `application/json` (docs/vendor-api.md §4.1, §7), possibly with a charset parameter. `+json` types
 * and `text/json` are accepted too; anything else is refused rather than guessed at.
 */
export function isJsonContentType(contentType: string | undefined): boolean {
	if (contentType === undefined) return false;
	const type = contentType.split(';')[0].trim().toLowerCase();
	return (
		type === 'application/json' ||
		type === 'text/json' ||
		/^application\/[a-z0-9.+-]+\+json$/.test(type)
	);
}

/**
 * Parses the raw body as JSON (UTF-8, a leading BOM ignored). The raw bytes were verified
 * beforehand; nothing here re-serialises them.
 */
export function parseJsonBody(
	rawBody: Buffer,
	contentType: string | undefined,
): { body: unknown } | { rejection: BodyRejection } {
	if (!isJsonContentType(contentType)) {
		return {
			rejection: {
				status: 400,
				reason: 'unsupported_content_type',
				error: `Expected Content-Type application/json, got ${contentType ? `"${contentType.slice(0, 100)}"` : 'none'}`,
			},
		};
	}
	let text = rawBody.toString('utf8');
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text.trim() === '') {
		return {
			rejection: {
				status: 400,
				reason: 'empty_body',
				error: 'The request body is empty; expected a JSON object',
			},
		};
	}
	if (jsonNestingDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
		return {
			rejection: {
				status: 400,
				reason: 'too_deeply_nested',
				error: `The request body nests deeper than ${MAX_JSON_DEPTH} levels; NXCloud's pushes nest a few levels at most`,
			},
		};
	}
	try {
		return { body: JSON.parse(text) as unknown };
	} catch (error) {
		return {
			rejection: {
				status: 400,
				reason: 'malformed_json',
				error: `The request body is not valid JSON: ${(error as Error).message}`,
			},
		};
	}
}
