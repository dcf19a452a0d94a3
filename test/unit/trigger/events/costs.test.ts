import { summarizeCosts } from '../../../../nodes/NxCloud/trigger/events/costs';
import { fixture } from './fixtures';

describe('summarizeCosts', () => {
	it('sums the two cost lines of the sent example', () => {
		expect(summarizeCosts(fixture('whatsapp', 'status-sent').statuses[0].costs)).toEqual({
			lines: 2,
			currency: 'USD',
			price: 0.1381,
			foreignPrice: 0.02,
			types: ['per-message', 'marketing'],
		});
	});

	it('summarises a message\'s single cost object', () => {
		expect(summarizeCosts(fixture('whatsapp', 'message-text').messages[0].cost)).toEqual({
			lines: 1,
			currency: 'USD',
			price: 0,
			foreignPrice: 0,
			types: ['marketing'],
		});
	});

	it('handles a call record\'s costs, which have no foreign price or cdr type', () => {
		expect(summarizeCosts(fixture('whatsapp', 'call-record').calls[0].costs)).toEqual({
			lines: 1,
			currency: 'EUR',
			price: 1.2948,
			foreignPrice: null,
			types: [],
		});
	});

	it('adds without float noise, names unknown cdr types, and drops the currency when lines disagree', () => {
		const summary = summarizeCosts([
			{ currency: 'USD', price: 0.1, foreign_price: '0.2', cdr_type: 10 },
			{ currency: 'CNY', price: 0.2, cdr_type: 42 },
			'not a line',
		]);
		expect(summary).toEqual({ lines: 2, currency: null, price: 0.3, foreignPrice: 0.2, types: ['mm-lite', 'cdr-42'] });
	});

	it('is undefined without cost lines', () => {
		expect(summarizeCosts(undefined)).toBeUndefined();
		expect(summarizeCosts([])).toBeUndefined();
		expect(summarizeCosts('x')).toBeUndefined();
	});
});
