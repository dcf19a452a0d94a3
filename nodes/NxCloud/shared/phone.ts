/**
 * Phone numbers as NXCloud wants them: country code and number, digits only, no "+" (docs/vendor-api.md §3, §6).
 * Users paste numbers as "+86 (133) 0000-0000"; the separators are stripped, anything else is
 * left in place so the check below names it instead of silently dropping it.
 */
const SEPARATORS = /[+\s\-()[\]]/g;
const VALID_PHONE = /^\d{6,20}$/;

/** Strips "+", whitespace, dashes and brackets. Numbers (from an expression) become text. */
export function normalisePhone(raw: unknown): string {
	if (raw === undefined || raw === null) return '';
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '';
	// Most numbers of a large list are already clean: no new string for them.
	return VALID_PHONE.test(text) ? text : text.replace(SEPARATORS, '');
}

/** Why a normalised phone is unusable, or undefined when it is 6–20 digits. */
export function phoneProblem(normalised: string, raw: unknown): string | undefined {
	if (raw !== undefined && raw !== null && typeof raw !== 'string' && typeof raw !== 'number') {
		return `phone must be text or a number, got ${Array.isArray(raw) ? 'a list' : typeof raw}`;
	}
	if (VALID_PHONE.test(normalised)) return undefined;
	if (normalised === '') return 'phone is empty';
	if (/\D/.test(normalised)) {
		return `phone "${String(raw)}" contains characters other than digits, "+", spaces, dashes and brackets`;
	}
	return `phone "${String(raw)}" has ${normalised.length} digits; expected 6 to 20 (country code and number)`;
}

/** Normalises and checks in one go; throws an Error naming the field when unusable. */
export function requirePhone(raw: unknown, field: string): string {
	const normalised = normalisePhone(raw);
	const problem = phoneProblem(normalised, raw);
	if (problem) throw new Error(`${field}: ${problem}`);
	return normalised;
}
