import {
	CallListBuilder,
	callListBody,
	requiredCallbackUrl,
} from '../../../../nodes/NxCloud/actions/callbotCallList/callList';
import { callbackUrl } from '../../../../nodes/NxCloud/shared/values';
import type { NumberFields } from '../../../../nodes/NxCloud/actions/callbotCallList/callList';

function counterIds(): () => string {
	let n = 0;
	return () => `gen-${++n}`;
}

const row = (itemIndex: number, fields: Partial<NumberFields> = {}): NumberFields => ({
	itemIndex,
	phone: `861330000${String(itemIndex).padStart(4, '0')}`,
	orderId: `order-${itemIndex}`,
	userName: '',
	customerName: '',
	other: '',
	params: [],
	...fields,
});

describe('CallListBuilder', () => {
	it('normalises phones, keeps given order IDs and generates one for an empty order ID', () => {
		const builder = new CallListBuilder(counterIds());
		const a = builder.add(row(0, { phone: '+86 (133) 0000-0001', orderId: '  A-1 ' }));
		const b = builder.add(row(1, { phone: 8613300000002, orderId: '' }));
		const c = builder.add(
			row(2, {
				phone: '8613300000003',
				orderId: undefined,
				userName: 'Li',
				customerName: 42,
				other: true,
			}),
		);

		expect(a).toMatchObject({
			orderID: 'A-1',
			orderIdGenerated: false,
			userPhone: '8613300000001',
		});
		expect(b).toMatchObject({
			orderID: 'gen-1',
			orderIdGenerated: true,
			userPhone: '8613300000002',
		});
		expect(c.wire).toEqual({
			orderID: 'gen-2',
			userPhone: '8613300000003',
			other: 'true',
			userName: 'Li',
			customerName: '42',
			params: [],
		});
		expect(builder.accepted).toBe(3);
		expect(builder.rows.map((r) => r.problem)).toEqual([undefined, undefined, undefined]);
	});

	it('refuses bad phones per row, before anything is sent, without using up an order ID', () => {
		const builder = new CallListBuilder(counterIds());
		const bad = builder.add(row(0, { phone: '+86 12', orderId: '' }));
		const good = builder.add(row(1, { orderId: '' }));

		expect(bad.problem).toBe(
			'phone "+86 12" has 4 digits; expected 6 to 20 (country code and number)',
		);
		expect(bad).toMatchObject({ orderID: '', orderIdGenerated: false });
		expect(bad.wire).toBeUndefined();
		expect(good.orderID).toBe('gen-1');
		expect(builder.sentRows()).toEqual([good]);
	});

	it('refuses a duplicate phone (after normalisation) and a duplicate order ID, naming the earlier item', () => {
		const builder = new CallListBuilder(counterIds());
		builder.add(row(0, { phone: '8613300000001', orderId: 'X' }));
		const samePhone = builder.add(row(1, { phone: '+86 133 0000 0001', orderId: 'Y' }));
		const sameOrder = builder.add(row(2, { phone: '8613300000002', orderId: 'X' }));
		const fine = builder.add(row(3, { phone: '8613300000003', orderId: 'Y' }));

		expect(samePhone.problem).toBe(
			'duplicate phone 8613300000001: item 0 of this import already has it',
		);
		expect(sameOrder.problem).toBe('duplicate order ID "X": item 0 of this import already uses it');
		// A refused row claims neither its phone nor its order ID.
		expect(fine.problem).toBeUndefined();
		expect(builder.sentRows().map((r) => r.itemIndex)).toEqual([0, 3]);
	});

	it('maps template variables and refuses malformed ones with the field named', () => {
		const builder = new CallListBuilder(counterIds());
		const ok = builder.add(
			row(0, {
				params: [
					{ name: ' amount ', value: 12.5 },
					{ name: 'due', value: '' },
				],
			}),
		);
		const noName = builder.add(row(1, { params: [{ name: '', value: 'x' }] }));
		const notList = builder.add(row(2, { params: { amount: 1 } }));
		const badValue = builder.add(row(3, { params: [{ name: 'a', value: { deep: 1 } }] }));
		const badName = builder.add(row(4, { userName: ['a'] }));

		expect(ok.wire?.params).toEqual([
			{ name: 'amount', value: '12.5' },
			{ name: 'due', value: '' },
		]);
		expect(noName.problem).toBe('template variable 1 has no name');
		expect(notList.problem).toBe('template variables must be a list of { name, value } pairs');
		expect(badValue.problem).toBe('template variable "a" value must be text, got object');
		expect(badName.problem).toBe('user name must be text, got a list');
	});
	// Speed (linear work for 100,000 rows) is measured by bench/import.bench.mjs, side by side with a
	// floor, never by a timed assertion here: timings on a shared 2-core machine would make it flaky.
});

describe('callListBody', () => {
	it('writes the vendor body with keys in the documented order and only the sent rows', () => {
		const builder = new CallListBuilder(counterIds());
		builder.add(
			row(0, {
				phone: '+86 133 0000 0001',
				orderId: 'o1',
				userName: '李',
				customerName: 'ACME',
				other: 'x',
				params: [{ name: 'n', value: 'v' }],
			}),
		);
		builder.add(row(1, { phone: 'bad' }));
		const body = callListBody(
			{ productID: 'callbot', userTaskID: 'task-1' },
			{ orderCallbackUrl: 'https://o.example', callCallbackUrl: '' },
			builder.sentRows(),
		);

		expect(body).toBe(
			'{"productID":"callbot","userTaskID":"task-1","callInfoList":{"orderCallbackUrl":"https://o.example","callCallbackUrl":"",' +
				'"callList":[{"orderID":"o1","userPhone":"8613300000001","other":"x","userName":"李","customerName":"ACME","params":[{"name":"n","value":"v"}]}]}}',
		);
	});

	it('refuses to send a refused row', () => {
		const builder = new CallListBuilder(counterIds());
		const refused = builder.add(row(0, { phone: '' }));
		expect(() =>
			callListBody({}, { orderCallbackUrl: '', callCallbackUrl: '' }, [refused]),
		).toThrow('the row of item 0 was refused and cannot be sent');
	});
});

describe('callbackUrl', () => {
	it('accepts empty and http(s) URLs, refuses anything else by name', () => {
		expect(callbackUrl('', 'Order Callback URL')).toBe('');
		expect(callbackUrl(' https://n8n.example/webhook/x ', 'Order Callback URL')).toBe(
			'https://n8n.example/webhook/x',
		);
		expect(() => callbackUrl('ftp://x', 'Order Callback URL')).toThrow(
			'Order Callback URL must be an http(s) URL, got "ftp://x"',
		);
	});

	it('refuses an empty required callback URL (the vendor marks both required), naming the field', () => {
		expect(() => requiredCallbackUrl('  ', 'Call Callback URL')).toThrow(
			/^Call Callback URL is required: .*Production URL of an NXCloud Trigger set to Callbot/,
		);
		expect(() => requiredCallbackUrl('nope', 'Call Callback URL')).toThrow(
			'must be an http(s) URL',
		);
		expect(requiredCallbackUrl('https://n8n.example/webhook/x', 'Call Callback URL')).toBe(
			'https://n8n.example/webhook/x',
		);
	});
});

describe('other', () => {
	it('carries the order ID when left empty (the vendor requires it), and is sent as given otherwise', () => {
		const builder = new CallListBuilder(counterIds());
		const given = builder.add(row(0, { other: 'campaign-7' }));
		const empty = builder.add(row(1, { other: '' }));
		const generated = builder.add(row(2, { other: undefined, orderId: '' }));
		expect([given.wire?.other, empty.wire?.other, generated.wire?.other]).toEqual([
			'campaign-7',
			'order-1',
			'gen-1',
		]);
	});
});
