import {
	summarizeCallCosts,
	summarizeMessagingCosts,
} from '../../../../nodes/NxCloud/trigger/events/costs';
import { fixture } from './fixtures';

describe('summarizeMessagingCosts (statuses and messages: price is CNY, foreign_price is in currency)', () => {
	it('reports the sent example as 0.1381 CNY and 0.02 USD, never 0.1381 USD', () => {
		const summary = summarizeMessagingCosts(fixture('whatsapp', 'status-sent').statuses[0].costs);
		expect(summary).toEqual({
			lines: 2,
			priceCny: 0.1381,
			foreignPrice: 0.02,
			foreignCurrency: 'USD',
			types: ['per-message', 'marketing'],
		});
		expect(summary).not.toHaveProperty('currency');
		expect(summary).not.toHaveProperty('price');
	});

	it("summarises a message's single cost object", () => {
		expect(summarizeMessagingCosts(fixture('whatsapp', 'message-text').messages[0].cost)).toEqual({
			lines: 1,
			priceCny: 0,
			foreignPrice: 0,
			foreignCurrency: 'USD',
			types: ['marketing'],
		});
	});

	it('adds without float noise, names unknown cdr types, and drops the foreign currency when lines disagree', () => {
		const summary = summarizeMessagingCosts([
			{ currency: 'USD', price: 0.1, foreign_price: '0.2', cdr_type: 10 },
			{ currency: 'EUR', price: 0.2, cdr_type: 42 },
			'not a line',
		]);
		expect(summary).toEqual({
			lines: 2,
			priceCny: 0.3,
			foreignPrice: 0.2,
			foreignCurrency: null,
			types: ['mm-lite', 'cdr-42'],
		});
	});

	it('is undefined without cost lines', () => {
		expect(summarizeMessagingCosts(undefined)).toBeUndefined();
		expect(summarizeMessagingCosts([])).toBeUndefined();
		expect(summarizeMessagingCosts('x')).toBeUndefined();
	});
});

describe('summarizeCallCosts (call records: price is in currency)', () => {
	it('reports the call-record example as 1.2948 EUR', () => {
		expect(summarizeCallCosts(fixture('whatsapp', 'call-record').calls[0].costs)).toEqual({
			lines: 1,
			price: 1.2948,
			currency: 'EUR',
		});
	});

	it('drops the currency when lines disagree, and is undefined without lines', () => {
		expect(
			summarizeCallCosts([
				{ currency: 'EUR', price: 1 },
				{ currency: 'USD', price: 2 },
			]),
		).toEqual({
			lines: 2,
			price: 3,
			currency: null,
		});
		expect(summarizeCallCosts([])).toBeUndefined();
	});
});
