import { checkTimestampAge } from '../../../nodes/NxCloud/trigger/freshness';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

describe('checkTimestampAge', () => {
	it('is off at 0 and without a header value', () => {
		expect(checkTimestampAge('ts', '1', 'ms', 0, NOW)).toBeNull();
		expect(checkTimestampAge('ts', undefined, 'ms', 60, NOW)).toBeNull();
	});

	it('reads ts in milliseconds', () => {
		expect(checkTimestampAge('ts', String(NOW - 60_000), 'ms', 60, NOW)).toBeNull();
		expect(checkTimestampAge('ts', String(NOW - 61_000), 'ms', 60, NOW)).toEqual({
			reason: 'stale_timestamp',
			header: 'ts',
			ageSeconds: 61,
			maxAgeSeconds: 60,
		});
	});

	it('reads createTs in seconds', () => {
		const seconds = Math.floor(NOW / 1000);
		expect(checkTimestampAge('createts', String(seconds - 60), 's', 60, NOW)).toBeNull();
		expect(checkTimestampAge('createts', String(seconds - 61), 's', 60, NOW)).toMatchObject({
			ageSeconds: 61,
		});
		// A seconds value read as milliseconds would be 1970: the unit matters.
		expect(checkTimestampAge('createts', String(seconds), 'ms', 60, NOW)).not.toBeNull();
	});

	it('refuses timestamps too far in the future and values that are not numbers', () => {
		expect(checkTimestampAge('ts', String(NOW + 120_000), 'ms', 60, NOW)).toMatchObject({
			ageSeconds: 120,
		});
		expect(checkTimestampAge('ts', '12:00', 'ms', 60, NOW)).toMatchObject({ ageSeconds: null });
		expect(checkTimestampAge('ts', '-5', 'ms', 60, NOW)).toMatchObject({ ageSeconds: null });
	});
});
