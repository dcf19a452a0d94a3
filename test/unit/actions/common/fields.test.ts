// Page Size of the paged Callbot lists lives in Options (issue 12, point 3); the top-level
// parameter a workflow saved before stays, hidden, so its value keeps applying
// (test/unit/actions/callbotCallList/getAllNumbers.test.ts runs that).
import type { INodeProperties } from 'n8n-workflow';

import { nodeProperties } from '../../../../nodes/NxCloud/actions/properties';

const PAGED = [
	['callbotTask', 'getAll'],
	['callbotCallList', 'getAllNumbers'],
	['callbotCallList', 'getAllCalls'],
];

function shownFor(resource: string, operation: string): INodeProperties[] {
	return nodeProperties.filter(
		(p) =>
			p.displayOptions?.show?.resource?.includes(resource) &&
			p.displayOptions?.show?.operation?.includes(operation),
	);
}

describe.each(PAGED)('%s / %s', (resource, operation) => {
	const props = shownFor(resource, operation);

	it('offers Page Size in Options', () => {
		const options = props.find((p) => p.name === 'options')?.options as INodeProperties[];
		expect(options.find((o) => o.name === 'pageSize')).toMatchObject({
			displayName: 'Page Size',
			type: 'number',
			default: 100,
		});
	});

	it('shows no top-level Page Size; the saved one is kept hidden', () => {
		const top = props.filter((p) => p.name === 'pageSize');
		expect(top).toHaveLength(1);
		expect(top[0].type).toBe('hidden');
	});
});
