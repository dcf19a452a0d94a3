// The trigger's field labels carry their units (issue 12, point 3).
import { triggerProperties } from '../../../nodes/NxCloud/trigger/properties';

const property = (name: string) => {
	const found = triggerProperties.find((p) => p.name === name);
	if (!found) throw new Error(`${name} missing`);
	return found;
};

describe('trigger labels with units', () => {
	it('Max Timestamp Age is in seconds, and says so in its label', () => {
		expect(property('maxTimestampAge').displayName).toBe('Max Timestamp Age (Seconds)');
		expect(property('maxTimestampAge').description).toMatch(/seconds/);
	});

	it('the redelivery window counts events, not time, and says so', () => {
		expect(property('redeliveryWindow').displayName).toBe('Redelivery Window (Events)');
		expect(property('redeliveryWindow').description).toMatch(/count of events, not a time span/);
	});

	it('every visible number field of the trigger names its unit', () => {
		const numbers = triggerProperties.filter((p) => p.type === 'number');
		expect(numbers.length).toBeGreaterThan(0);
		for (const p of numbers) expect(p.displayName).toMatch(/\((Seconds|Events|MB|Bytes|Items)\)$/);
	});
});
