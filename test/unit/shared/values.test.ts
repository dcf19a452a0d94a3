import { parseNumber, toInteger, toNumber } from '../../../nodes/NxCloud/shared/values';

describe('the one number rule (parseNumber)', () => {
	it.each([
		[12, 12],
		['12', 12],
		[' 2.5 ', 2.5],
		['-3', -3],
		[0, 0],
	])('%p is %p', (value, expected) => {
		expect(parseNumber(value)).toBe(expected);
	});

	it.each([
		'',
		'   ',
		null,
		undefined,
		true,
		'twelve',
		Number.NaN,
		Number.POSITIVE_INFINITY,
		[1],
		{ n: 1 },
	])('%p is not a number (an empty field is never 0)', (value) => {
		expect(parseNumber(value)).toBeUndefined();
	});
});

describe('toNumber and toInteger name the field', () => {
	it('returns the number or throws naming the field and the value', () => {
		expect(toNumber('0.5', 'Rate')).toBe(0.5);
		expect(() => toNumber('fast', 'Rate')).toThrow('Rate must be a number, got "fast"');
		expect(() => toNumber('', 'Rate')).toThrow('Rate must be a number, got ""');
	});

	it('takes whole numbers only, within the range when one is given', () => {
		expect(toInteger('7', 'Tries')).toBe(7);
		expect(() => toInteger(2.5, 'Tries')).toThrow('Tries must be a whole number, got 2.5');
		expect(toInteger(65535, 'Port', { min: 1, max: 65535 })).toBe(65535);
		expect(() => toInteger(0, 'Port', { min: 1, max: 65535 })).toThrow(
			'Port must be a whole number from 1 to 65535, got 0',
		);
	});
});
