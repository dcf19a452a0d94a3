import { holdsExpression } from '../../../../nodes/NxCloud/actions/common/itemParameter';

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

// How often itemParameter reads a parameter is checked on n8n's real execute context, where the
// question matters: test/unit/actions/callbotCallList/importBatch.test.ts.
