/** Why a request body was refused; each maps to a 4xx answer with this `reason`. */
export type BodyRejection =
	| { status: 400; reason: 'unsupported_content_type'; error: string }
	| { status: 400; reason: 'empty_body'; error: string }
	| { status: 400; reason: 'malformed_json'; error: string };

/**
 * NXCloud posts `application/json` (§4.1, §7), possibly with a charset parameter. `+json` types
 * and `text/json` are accepted too; anything else is refused rather than guessed at.
 */
export function isJsonContentType(contentType: string | undefined): boolean {
	if (contentType === undefined) return false;
	const type = contentType.split(';')[0].trim().toLowerCase();
	return type === 'application/json' || type === 'text/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
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
		return { rejection: { status: 400, reason: 'empty_body', error: 'The request body is empty; expected a JSON object' } };
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
