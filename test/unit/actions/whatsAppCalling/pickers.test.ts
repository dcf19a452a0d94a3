import {
	REGION_OPTIONS,
	regionCode,
	timeZoneId,
	timeZoneOptions,
} from '../../../../nodes/NxCloud/actions/whatsAppCalling/pickers';

describe('Region picker', () => {
	it('sends the picked code, or the code typed under "Other Region Code"', () => {
		expect(REGION_OPTIONS.map((option) => option.value)).toEqual(['SG', 'other']);
		expect(regionCode('SG', '')).toBe('SG');
		expect(regionCode('other', ' HK ')).toBe('HK');
	});

	it('sends old free-text values as they were typed', () => {
		expect(regionCode('SINGAPORE', undefined)).toBe('SINGAPORE');
		expect(regionCode(' sg ', undefined)).toBe('sg');
	});

	it('names the empty field', () => {
		expect(() => regionCode('other', ' ')).toThrow(/^Region Code is empty/);
		expect(() => regionCode('', undefined)).toThrow(/^Region is empty/);
	});
});

describe('Time Zone picker', () => {
	it('labels offsets the usual way round and sends the sign-inverted Etc/GMT ID', () => {
		const options = timeZoneOptions();
		const utc8 = options.find((option) => option.value === 'Etc/GMT-8');
		expect(utc8?.name).toBe('UTC+08:00 (fixed offset, sent as Etc/GMT-8)');
		expect(options.find((option) => option.value === 'Etc/GMT+5')?.name).toMatch(/^UTC−05:00/);
		expect(options.find((option) => option.value === 'Etc/GMT')?.name).toMatch(/^UTC\+00:00/);
		expect(options.some((option) => option.value === 'Asia/Singapore')).toBe(true);
		// Every choice is sent as it is.
		for (const option of options) expect(timeZoneId(option.value)).toBe(option.value);
	});

	it('converts typed offsets and keeps old stored IDs', () => {
		expect(timeZoneId('UTC+8')).toBe('Etc/GMT-8');
		expect(timeZoneId('GMT-05:00')).toBe('Etc/GMT+5');
		expect(timeZoneId('+5')).toBe('Etc/GMT-5');
		expect(timeZoneId('UTC')).toBe('Etc/GMT');
		expect(timeZoneId('Etc/GMT-8')).toBe('Etc/GMT-8');
		expect(timeZoneId(' Asia/Singapore ')).toBe('Asia/Singapore');
	});

	it('refuses an empty or impossible offset, naming the field', () => {
		expect(() => timeZoneId('')).toThrow(/^Time Zone is empty/);
		expect(() => timeZoneId('UTC+15')).toThrow('Time Zone "UTC+15" is outside UTC−12 to UTC+14');
	});
});
