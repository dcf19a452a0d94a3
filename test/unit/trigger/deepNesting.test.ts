import { eventItemJson } from '../../../nodes/NxCloud/trigger/events/items';
import { redeliveryIdentity, redeliveryKey } from '../../../nodes/NxCloud/trigger/redelivery';
import { isoTimestamps } from '../../../nodes/NxCloud/shared/timestamps';
import { splitWhatsAppPush } from '../../../nodes/NxCloud/trigger/events/whatsapp';

/** {"a":{"a":…{"leaf":…}}} nested `depth` levels, built without recursion. */
function nested(depth: number, leaf: unknown): unknown {
	let value: unknown = { leaf };
	for (let i = 0; i < depth; i++) value = { a: value, ts: '1700000000' };
	return value;
}

// A signed push nested 10,000 levels deep once overflowed the call stack in these functions,
// so n8n answered 500 instead of running the workflow (found by test/reliability hostile webhooks).
describe('events survive hostile nesting', () => {
	const deep = () => ({ field: 'unknown_field', value: nested(10_000, 'x') });

	it('gives an id-less deep event a content key, and different content a different key', () => {
		const [event] = splitWhatsAppPush(deep());
		expect(redeliveryKey('whatsapp', event)).toMatch(/^[0-9a-f]{16}$/);
		const [other] = splitWhatsAppPush({ field: 'unknown_field', value: nested(10_000, 'y') });
		expect(redeliveryKey('whatsapp', other)).not.toBe(redeliveryKey('whatsapp', event));
	});

	it('makes the item (ISO timestamp copies stop at a bounded depth)', () => {
		const [event] = splitWhatsAppPush(deep());
		expect(() =>
			eventItemJson('whatsapp', event, { receivedAt: 'now', signatureVerified: true }),
		).not.toThrow();
		expect(() => isoTimestamps(nested(10_000, 1))).not.toThrow();
	});

	it('prints content keys as JSON with sorted keys, whatever the key order', () => {
		const a = splitWhatsAppPush({ field: 'f', value: { b: [1, { d: null, c: 'x' }], a: true } })[0];
		const b = splitWhatsAppPush({ field: 'f', value: { a: true, b: [1, { c: 'x', d: null }] } })[0];
		expect(redeliveryIdentity('whatsapp', a)).toBe(redeliveryIdentity('whatsapp', b));
		expect(redeliveryIdentity('whatsapp', a)).toContain('{"a":true,"b":[1,{"c":"x","d":null}]}');
	});
});

describe('parseJsonBody refuses hostile nesting before parsing', () => {
	const {
		MAX_JSON_DEPTH,
		jsonNestingDepth,
		parseJsonBody,
	} = require('../../../nodes/NxCloud/trigger/body');

	it('measures nesting outside strings only', () => {
		expect(jsonNestingDepth('{"a":[1,{"b":"[[[{{{"}]}')).toBe(3);
		expect(jsonNestingDepth('{"a":"\\"[[["}')).toBe(1);
	});

	it('accepts the maximum depth and refuses one more, naming the reason', () => {
		const at = (n: number) => Buffer.from('['.repeat(n) + ']'.repeat(n));
		expect(parseJsonBody(at(MAX_JSON_DEPTH), 'application/json')).toHaveProperty('body');
		expect(parseJsonBody(at(MAX_JSON_DEPTH + 1), 'application/json')).toEqual({
			rejection: expect.objectContaining({ status: 400, reason: 'too_deeply_nested' }),
		});
		expect(parseJsonBody(at(10_000), 'application/json')).toHaveProperty(
			'rejection.reason',
			'too_deeply_nested',
		);
	});
});
