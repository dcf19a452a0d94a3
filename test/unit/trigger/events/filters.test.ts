import {
	isForAllowedPhone,
	isSelected,
	parsePhoneFilter,
} from '../../../../nodes/NxCloud/trigger/events/filters';
import type { SplitEvent } from '../../../../nodes/NxCloud/trigger/events/types';

const event = (filterKey: string | null, businessPhones: string[] = []): SplitEvent => ({
	event: 'x',
	output: 'other',
	filterKey,
	data: {},
	context: {},
	businessPhones,
});

describe('Events to Emit', () => {
	it('keeps selected event types and drops the others', () => {
		expect(isSelected(event('status.read'), ['status.read', 'message'])).toBe(true);
		expect(isSelected(event('status.sent'), ['status.read', 'message'])).toBe(false);
		expect(isSelected(event('message'), [])).toBe(false);
	});

	it('always keeps unrecognised events (they go to Other)', () => {
		expect(isSelected(event(null), [])).toBe(true);
	});
});

describe('Business Phones filter', () => {
	it('parses numbers separated by commas, semicolons or lines, normalised and deduplicated', () => {
		expect(parsePhoneFilter(' +852 6612-3456, 8613800138000;\n(86) 138 0013 8000 ,, ')).toEqual({
			phones: ['85266123456', '8613800138000'],
		});
		expect(parsePhoneFilter('')).toEqual({ phones: [] });
	});

	it('names the first entry that is not a phone number', () => {
		expect(parsePhoneFilter('85266123456, call me')).toEqual({ invalid: 'call me' });
		expect(parsePhoneFilter('123')).toEqual({ invalid: '123' });
		// The actions' rule (6 to 20 digits), not a looser one of the trigger's own.
		expect(parsePhoneFilter('12345')).toEqual({ invalid: '12345' });
	});

	it('matches any business number the event names, in any notation', () => {
		expect(isForAllowedPhone(event(null, ['+852 6612 3456']), ['85266123456'])).toBe(true);
		expect(isForAllowedPhone(event(null, ['111', '85266123456']), ['85266123456'])).toBe(true);
		expect(isForAllowedPhone(event(null, ['111']), ['85266123456'])).toBe(false);
	});

	it('emits events that name no number by default, drops them only when told to, and allows all without a filter', () => {
		expect(isForAllowedPhone(event(null, []), ['85266123456'])).toBe(true);
		expect(isForAllowedPhone(event(null, []), ['85266123456'], 'emit')).toBe(true);
		expect(isForAllowedPhone(event(null, []), ['85266123456'], 'drop')).toBe(false);
		expect(isForAllowedPhone(event(null, []), [], 'drop')).toBe(true);
		expect(isForAllowedPhone(event(null, ['111']), ['85266123456'], 'emit')).toBe(false);
	});
});
