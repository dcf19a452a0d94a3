import type { INodeProperties } from 'n8n-workflow';

import { nodeProperties } from '../../../nodes/NxCloud/actions/properties';
import { OPERATIONS, operationModule } from '../../../nodes/NxCloud/actions/router';

function optionValues(property: INodeProperties | undefined): string[] {
	return (property?.options ?? []).map((option) => String((option as { value: unknown }).value));
}

const resources = optionValues(nodeProperties.find((p) => p.name === 'resource'));
const offered = resources.flatMap((resource) =>
	optionValues(
		nodeProperties.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
		),
	).map((operation) => [resource, operation] as const),
);

describe('router', () => {
	it('offers operations for every resource', () => {
		expect(resources.sort()).toEqual(Object.keys(OPERATIONS).sort());
		expect(offered.length).toBeGreaterThanOrEqual(19);
	});

	it.each(offered)('%s / %s resolves to an operation module', (resource, operation) => {
		const module = operationModule(resource, operation);
		expect(typeof module?.execute).toBe('function');
		expect(Array.isArray(module?.description)).toBe(true);
		// The module's own parameters are shown for this resource and operation only.
		for (const property of module?.description ?? []) {
			expect(property.displayOptions?.show).toMatchObject({
				resource: [resource],
				operation: [operation],
			});
		}
	});

	it('routes no operation that the node does not offer', () => {
		const routed = Object.entries(OPERATIONS).flatMap(([resource, ops]) =>
			Object.keys(ops).map((op) => `${resource}/${op}`),
		);
		expect(routed.sort()).toEqual(offered.map(([r, o]) => `${r}/${o}`).sort());
		expect(operationModule('callbotTask', 'description')).toBeUndefined();
		expect(operationModule('constructor', 'toString')).toBeUndefined();
	});
});
