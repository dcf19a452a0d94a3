import {
	businessHours,
	calendarDate,
	enableBody,
	hhmm,
	isIpAddress,
	phoneRef,
	sipAddresses,
} from '../../../../nodes/NxCloud/actions/whatsAppCalling/callingBody';

const SIP = [{ host: '34.56.78.90', port: 5060, type: 1 }];

describe('enableBody', () => {
	it('writes every documented field in the vendor order', () => {
		const body = enableBody({
			appKey: ' pem28kje ',
			businessPhone: '+86 158 0000 1795',
			region: 'SG',
			showCallIcon: true,
			callbackPermission: false,
			recording: true,
			sip: [
				{ host: '34.56.78.90', port: 8080, type: 1 },
				{ host: '2001:db8::1', port: '5061', type: '2' },
			],
			hours: {
				timezoneId: 'Etc/GMT-8',
				weekly: [
					{ day: 'MONDAY', openTime: '9:00', closeTime: '18:00' },
					{ day: 'saturday', openTime: '1000', closeTime: '1400' },
				],
				holidays: [{ date: '2026-01-01T00:00:00', startTime: '00:00', endTime: '23:59' }],
			},
		});

		expect(JSON.stringify(body)).toBe(
			JSON.stringify({
				appkey: 'pem28kje',
				business_phone: '8615800001795',
				region: 'SG',
				icon_status: 1,
				permission_status: 0,
				recording_status: 1,
				hours_status: 1,
				hours_customize: {
					status: 'ENABLED',
					timezone_id: 'Etc/GMT-8',
					weekly_operating_hours: [
						{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1800' },
						{ day_of_week: 'SATURDAY', open_time: '1000', close_time: '1400' },
					],
					holiday_schedule: [{ date: '2026-01-01', start_time: '0000', end_time: '2359' }],
				},
				customer_sip_addr: [
					{ host: '34.56.78.90', port: 8080, type: 1 },
					{ host: '2001:db8::1', port: 5061, type: 2 },
				],
			}),
		);
	});

	it('sends hours_status 0 and no hours_customize without custom hours', () => {
		const body = enableBody({
			appKey: 'k',
			businessPhone: '8613300000000',
			region: 'SG',
			showCallIcon: false,
			callbackPermission: true,
			recording: false,
			sip: SIP,
		});
		expect(body.hours_status).toBe(0);
		expect(body).not.toHaveProperty('hours_customize');
		expect(body.permission_status).toBe(1);
		expect(body.icon_status).toBe(0);
	});

	it('names the missing or bad top-level field', () => {
		const base = {
			appKey: 'k',
			businessPhone: '8613300000000',
			region: 'SG',
			showCallIcon: true,
			callbackPermission: false,
			recording: false,
			sip: SIP,
		};
		expect(() => enableBody({ ...base, appKey: '' })).toThrow(/^App Key is empty/);
		expect(() => enableBody({ ...base, businessPhone: '+86' })).toThrow(
			/^Business Phone: phone "\+86" has 2 digits/,
		);
		expect(() => enableBody({ ...base, region: ' ' })).toThrow(/^Region is empty/);
	});
});

describe('sipAddresses', () => {
	it('accepts up to five unique host+port entries', () => {
		const five = [1, 2, 3, 4, 5].map((n) => ({ host: `10.0.0.${n}`, port: 5060, type: 3 }));
		expect(sipAddresses(five)).toHaveLength(5);
		// Same host on another port is a different address.
		expect(
			sipAddresses([
				{ host: '10.0.0.1', port: 5060, type: 1 },
				{ host: '10.0.0.1', port: 5061, type: 1 },
			]),
		).toHaveLength(2);
	});

	it.each([
		[[], /add at least one SIP address/],
		[
			[1, 2, 3, 4, 5, 6].map((n) => ({ host: `10.0.0.${n}`, port: 5060, type: 1 })),
			/6 given, NXCloud accepts at most 5/,
		],
		[
			[{ host: 'sip.example.com', port: 5060, type: 1 }],
			/SIP address 1: host "sip.example.com" is not an IP address/,
		],
		[[{ host: '256.1.1.1', port: 5060, type: 1 }], /is not an IP address/],
		[
			[{ host: '10.0.0.1', port: 0, type: 1 }],
			/SIP address 1: port must be a whole number from 1 to 65535, got 0/,
		],
		[[{ host: '10.0.0.1', port: 70000, type: 1 }], /port must be a whole number/],
		[
			[{ host: '10.0.0.1', port: 5060, type: 4 }],
			/SIP address 1: type must be 1 \(inbound and outbound\), 2 \(inbound only\) or 3 \(outbound only\), got 4/,
		],
		[
			[
				{ host: '10.0.0.1', port: 5060, type: 1 },
				{ host: '10.0.0.1', port: 5060, type: 2 },
			],
			/SIP address 2: 10.0.0.1 port 5060 is already SIP address 1/,
		],
		[[{ host: '', port: 5060, type: 1 }], /SIP address 1: host is empty/],
	])('refuses %j', (entries, message) => {
		expect(() => sipAddresses(entries)).toThrow(message);
	});

	it.each(['1.2.3.4', '::1', '2001:db8::8a2e:370:7334', '::ffff:10.0.0.1', '1:2:3:4:5:6:7:8'])(
		'%s is an IP',
		(host) => {
			expect(isIpAddress(host)).toBe(true);
		},
	);
	it.each(['1.2.3', '1.2.3.04', 'example.com', '1:2:3:4:5:6:7:8:9', '1::2::3', ':::', '12345::1'])(
		'%s is not',
		(host) => {
			expect(isIpAddress(host)).toBe(false);
		},
	);
});

describe('business hours', () => {
	it('normalises times and dates', () => {
		expect(hhmm('9:05', 'x')).toBe('0905');
		expect(hhmm('2359', 'x')).toBe('2359');
		expect(() => hhmm('24:00', 'Weekly hours 1 open time')).toThrow(
			'Weekly hours 1 open time must be a time from 00:00 to 23:59 (HH:MM or HHMM), got "24:00"',
		);
		expect(calendarDate('2026-02-28', 'd')).toBe('2026-02-28');
		expect(() => calendarDate('2026-02-30', 'Holiday 1 date')).toThrow(
			'Holiday 1 date must be a date (YYYY-MM-DD), got "2026-02-30"',
		);
	});

	it('refuses spans that do not end after they start, unknown days, no weekly entry, no time zone', () => {
		expect(() =>
			businessHours({
				timezoneId: 'Etc/GMT-8',
				weekly: [{ day: 'MONDAY', openTime: '18:00', closeTime: '09:00' }],
			}),
		).toThrow('Weekly hours 1: close time 0900 is not after open time 1800');
		expect(() =>
			businessHours({
				timezoneId: 'Etc/GMT-8',
				weekly: [{ day: 'FUNDAY', openTime: '09:00', closeTime: '10:00' }],
			}),
		).toThrow('Weekly hours 1: day must be MONDAY to SUNDAY, got "FUNDAY"');
		expect(() => businessHours({ timezoneId: 'Etc/GMT-8', weekly: [] })).toThrow(
			'Custom business hours need at least one Weekly Hours entry',
		);
		expect(() => businessHours({ timezoneId: '', weekly: [] })).toThrow(/^Time Zone is empty/);
		expect(() =>
			businessHours({
				timezoneId: 'UTC',
				weekly: [{ day: 'MONDAY', openTime: '09:00', closeTime: '10:00' }],
				holidays: [{ date: '2026-01-01', startTime: '12:00', endTime: '12:00' }],
			}),
		).toThrow('Holiday 1: end time 1200 is not after start time 1200');
	});
});

describe('phoneRef', () => {
	it('trims the app key and normalises the phone', () => {
		expect(phoneRef(' k ', '(86) 133-0000-0000')).toEqual({
			appkey: 'k',
			business_phone: '8613300000000',
		});
	});
});
