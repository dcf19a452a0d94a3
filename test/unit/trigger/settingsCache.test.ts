import { readSettings } from '../../../nodes/NxCloud/trigger/settings';
import {
	cachedSettingsCount,
	forgetSettings,
	settingsFor,
} from '../../../nodes/NxCloud/trigger/settingsCache';

/** readSettings over `parameters`, counting the parameter reads. */
function reader(parameters: Record<string, unknown>) {
	let reads = 0;
	const read = () =>
		readSettings((name, fallback) => {
			reads += 1;
			return name in parameters ? parameters[name] : fallback;
		});
	return { read, reads: () => reads };
}

describe('settingsFor (trigger settings kept between pushes)', () => {
	it('reads the parameters once while they stay the same', () => {
		const parameters = { source: 'whatsapp', events: ['status.delivered'] };
		const { read, reads } = reader(parameters);
		const first = settingsFor('wf\u0000a', parameters, read);
		const afterFirst = reads();
		expect(afterFirst).toBeGreaterThan(5);
		// n8n builds a new parameters object for every request: equal content is what counts.
		const second = settingsFor('wf\u0000a', { ...parameters, events: ['status.delivered'] }, read);
		expect(reads()).toBe(afterFirst);
		expect(second).toBe(first);
		expect(second.events).toEqual(['status.delivered']);
	});

	it('reads them again when the workflow was saved with other parameters', () => {
		const one = reader({ source: 'whatsapp' });
		settingsFor('wf\u0000b', { source: 'whatsapp' }, one.read);
		const two = reader({ source: 'callbot' });
		const settings = settingsFor('wf\u0000b', { source: 'callbot' }, two.read);
		expect(two.reads()).toBeGreaterThan(0);
		expect(settings.source).toBe('callbot');
	});

	it('never caches parameters holding an expression (they may differ per request)', () => {
		const parameters = { source: 'whatsapp', businessPhones: '={{ $env.PHONES }}' };
		let reads = 0;
		const read = () => {
			reads += 1;
			return readSettings((name, fallback) => (name === 'source' ? 'whatsapp' : fallback));
		};
		settingsFor('wf\u0000c', parameters, read);
		settingsFor('wf\u0000c', parameters, read);
		expect(reads).toBe(2);
	});

	it('caches nothing when the parameters are invalid, so the next push reads them again', () => {
		const parameters = { source: 'whatsapp', redeliveryWindow: -1 };
		const { read, reads } = reader(parameters);
		expect(() => settingsFor('wf\u0000d', parameters, read)).toThrow(/redeliveryWindow/);
		const afterFirst = reads();
		expect(() => settingsFor('wf\u0000d', parameters, read)).toThrow(/redeliveryWindow/);
		expect(reads()).toBeGreaterThan(afterFirst);
	});

	it('forgets a node on deactivation', () => {
		const parameters = { source: 'whatsapp' };
		const { read, reads } = reader(parameters);
		settingsFor('wf\u0000e', parameters, read);
		const count = cachedSettingsCount();
		forgetSettings('wf\u0000e');
		expect(cachedSettingsCount()).toBe(count - 1);
		const before = reads();
		settingsFor('wf\u0000e', parameters, read);
		expect(reads()).toBeGreaterThan(before);
	});
});
