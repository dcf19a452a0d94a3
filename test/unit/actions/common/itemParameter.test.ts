import { holdsExpression, itemParameter } from '../../../../nodes/NxCloud/actions/common/itemParameter';
import { mockExecute } from '../mockExecute';

describe('holdsExpression', () => {
	it('finds an expression at any depth of a parameter', () => {
		expect(holdsExpression('={{ $json.phone }}')).toBe(true);
		expect(holdsExpression('8613300000000')).toBe(false);
		expect(holdsExpression({ variable: [{ name: 'a', value: '={{ $json.a }}' }] })).toBe(true);
		expect(holdsExpression({ variable: [{ name: 'a', value: 'x' }] })).toBe(false);
		expect(holdsExpression(5)).toBe(false);
		expect(holdsExpression(undefined)).toBe(false);
	});
});

describe('itemParameter', () => {
	it('evaluates an expression per item and reads a fixed value once', () => {
		const { ctx, parameterReads } = mockExecute({ params: { phone: (i: number) => `p${i}`, userName: 'fixed' }, items: [{}, {}, {}] });
		const phone = itemParameter(ctx, 'phone', '');
		const userName = itemParameter(ctx, 'userName', '');
		expect([0, 1, 2].map(phone)).toEqual(['p0', 'p1', 'p2']);
		expect([0, 1, 2].map(userName)).toEqual(['fixed', 'fixed', 'fixed']);
		expect(parameterReads.get('phone')).toBe(3);
		expect(parameterReads.get('userName')).toBe(1);
	});
});
