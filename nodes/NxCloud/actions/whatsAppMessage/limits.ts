/**
 * Length limits of WhatsApp message parts. NXCloud relays to Meta's Cloud API and prints none of
 * them; these are Meta's, so NXCloud would pass a longer value on and Meta would refuse it.
 */
export const LIMITS = {
	text: 4096,
	caption: 1024,
	interactiveBody: 1024,
	interactiveHeader: 60,
	interactiveFooter: 60,
	buttonTitle: 20,
	buttonId: 256,
	buttons: 3,
	listButton: 20,
	sectionTitle: 24,
	rowTitle: 24,
	rowDescription: 72,
	rowId: 200,
	rows: 10,
	sections: 10,
	bizOpaqueCallbackData: 512,
} as const;

/** Length as WhatsApp counts it: characters (code points), not UTF-16 units, so emoji count once. */
export function charCount(text: string): number {
	let count = 0;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		// A high surrogate followed by its low half is one character.
		if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) i++;
		count++;
	}
	return count;
}

/** Throws naming the field when `text` is longer than `max` characters. */
export function checkLength(text: string, max: number, field: string): void {
	// Never more characters than UTF-16 units: most texts need no count at all.
	if (text.length <= max) return;
	const length = charCount(text);
	if (length > max)
		throw new Error(`${field} is ${length} characters long; WhatsApp allows at most ${max}`);
}
