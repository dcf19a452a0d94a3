import { normalisePhone, phoneProblem } from '../../shared/phone';
import type { SplitEvent } from './types';

/**
 * Whether an event passes "Events to Emit". Events the trigger does not recognise
 * (`filterKey` null) always pass: they go to Other so that nothing is lost unseen.
 */
export function isSelected(event: SplitEvent, selected: readonly string[]): boolean {
	return event.filterKey === null || selected.includes(event.filterKey);
}

/**
 * Parses the Business Phone filter: numbers separated by commas, semicolons or new lines.
 * Returns the normalised numbers, or the first entry that is not a phone number. A phone is what
 * the actions accept too (shared/phone.ts), so a number that works in one works in the other.
 */
export function parsePhoneFilter(value: string): { phones: string[] } | { invalid: string } {
	const phones: string[] = [];
	for (const entry of value.split(/[,;\n]/)) {
		const trimmed = entry.trim();
		if (trimmed === '') continue;
		const phone = normalisePhone(trimmed);
		if (phoneProblem(phone, trimmed) !== undefined) return { invalid: trimmed };
		if (!phones.includes(phone)) phones.push(phone);
	}
	return { phones };
}

/** What the Business Phones filter does with an event that names no business number. */
export type UnknownPhoneEvents = 'emit' | 'drop';

/** Whether the Business Phones filter is set and the event names no business number. */
export function lacksBusinessPhone(event: SplitEvent, allowed: readonly string[]): boolean {
	return allowed.length > 0 && event.businessPhones.length === 0;
}

/**
 * Whether an event is for one of the allowed business numbers. An empty filter allows all. An
 * event that names no business number at all (half of the vendor's status examples carry none)
 * cannot be told apart: `unknown` decides, and the default, 'emit', loses nothing.
 */
export function isForAllowedPhone(
	event: SplitEvent,
	allowed: readonly string[],
	unknown: UnknownPhoneEvents = 'emit',
): boolean {
	if (allowed.length === 0) return true;
	if (event.businessPhones.length === 0) return unknown === 'emit';
	return event.businessPhones.some((phone) => allowed.includes(normalisePhone(phone)));
}
