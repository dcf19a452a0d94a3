import { timingSafeEqual } from 'crypto';

/**
 * Compares two ASCII strings (hex signatures) in constant time for a given length.
 * A length mismatch returns false without revealing where the strings differ.
 */
export function constantTimeEqual(actual: string, expected: string): boolean {
	const a = Buffer.from(actual, 'utf8');
	const b = Buffer.from(expected, 'utf8');
	if (a.length !== b.length) {
		// Still spend a comparison so a wrong length takes about as long as a wrong value.
		timingSafeEqual(b, b);
		return false;
	}
	return timingSafeEqual(a, b);
}
