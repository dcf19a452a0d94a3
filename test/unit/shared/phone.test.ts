import { normalisePhone, phoneProblem, requirePhone } from '../../../nodes/NxCloud/shared/phone';

describe('phone normalisation', () => {
	it.each([
		['+86 133-0000 0000', '8613300000000'],
		['(86) 133 [0000] 0000', '8613300000000'],
		['+1\t(415)\n555-0100', '14155550100'],
		[8613300000000, '8613300000000'],
		['8613300000000', '8613300000000'],
	])('strips +, spaces, dashes and brackets from %p', (raw, expected) => {
		expect(normalisePhone(raw)).toBe(expected);
		expect(phoneProblem(normalisePhone(raw), raw)).toBeUndefined();
	});

	it('accepts 6 and 20 digits and refuses 5 and 21', () => {
		expect(phoneProblem('123456', '123456')).toBeUndefined();
		expect(phoneProblem('1'.repeat(20), '1'.repeat(20))).toBeUndefined();
		expect(phoneProblem('12345', '12345')).toBe(
			'phone "12345" has 5 digits; expected 6 to 20 (country code and number)',
		);
		expect(phoneProblem('1'.repeat(21), '1'.repeat(21))).toMatch(/has 21 digits/);
	});

	it('leaves other characters in place and names them', () => {
		expect(normalisePhone('86.133.0000.0000')).toBe('86.133.0000.0000');
		expect(phoneProblem('86.133.0000.0000', '86.133.0000.0000')).toMatch(
			/characters other than digits/,
		);
		expect(phoneProblem(normalisePhone('tel:8613300000000'), 'tel:8613300000000')).toMatch(
			/characters other than digits/,
		);
	});

	it('refuses empty and non-text values', () => {
		expect(phoneProblem('', '')).toBe('phone is empty');
		expect(phoneProblem('', undefined)).toBe('phone is empty');
		expect(phoneProblem('', { n: 1 })).toBe('phone must be text or a number, got object');
		expect(phoneProblem('', ['1'])).toBe('phone must be text or a number, got a list');
	});

	it('requirePhone names the field', () => {
		expect(requirePhone(' +86 133 0000 0000 ', 'Business Phone')).toBe('8613300000000');
		expect(() => requirePhone('12', 'Business Phone')).toThrow(
			'Business Phone: phone "12" has 2 digits',
		);
	});
});
