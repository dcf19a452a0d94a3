import type { INodeProperties, INodePropertyOptions, INodeType, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { NxCloud } from '../../../nodes/NxCloud/NxCloud.node';

/**
 * The action names as n8n shows them (node creator's action list, the node's name on the canvas)
 * and the subtitle in words, read from the node's loaded description. This replaces n8n's lint
 * rule node-param-operation-option-action-miscased for the names given through actionName()
 * (see nodes/NxCloud/actions/common/actionName.ts).
 */
const node = new NxCloud();
const properties = node.description.properties;
const BRANDS = ['WhatsApp', 'Callbot', 'NXCloud'];

interface Action {
	resource: string;
	resourceName: string;
	operation: string;
	operationName: string;
	action: string;
}

function actions(props: INodeProperties[]): Action[] {
	const resource = props.find((p) => p.name === 'resource');
	return ((resource?.options ?? []) as INodePropertyOptions[]).flatMap((r) => {
		const operation = props.find(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r.value),
		);
		return ((operation?.options ?? []) as INodePropertyOptions[]).map((o) => ({
			resource: String(r.value),
			resourceName: r.name,
			operation: String(o.value),
			operationName: o.name,
			action: String(o.action),
		}));
	});
}

/** Why `action` is not short sentence case with brand names spelled right; '' when it is. */
function actionNameProblem(action: string): string {
	const words = action.split(' ');
	if (words.length > 5) return `${words.length} words (at most 5)`;
	if (words.some((w) => /^(a|an|the)$/i.test(w))) return 'has an article';
	for (const brand of BRANDS) {
		const spelled = action.match(new RegExp(`\\b${brand}\\b`, 'gi')) ?? [];
		if (spelled.some((s) => s !== brand)) return `spells ${brand} as ${spelled.join(', ')}`;
	}
	const [first, ...rest] = words;
	if (first[0] !== first[0].toUpperCase() || /[A-Z]/.test(first.slice(1)))
		return `first word "${first}" is not capitalised as in a sentence`;
	for (const word of rest) {
		const acronym = word === word.toUpperCase();
		if (!acronym && !BRANDS.includes(word) && word !== word.toLowerCase())
			return `"${word}" is capitalised mid-sentence`;
	}
	return '';
}

describe('action names', () => {
	const all = actions(properties);

	it('covers every operation of every resource', () => {
		expect(all.length).toBeGreaterThanOrEqual(30);
		expect(new Set(all.map((a) => a.resource)).size).toBe(8);
	});

	it.each(all.map((a) => [`${a.resource}/${a.operation}`, a.action]))(
		'%s: "%s" is short, sentence case, without article, brands spelled right',
		(_key, action) => {
			expect(actionNameProblem(action)).toBe('');
		},
	);

	it('are unique, so the node creator and the canvas tell the operations apart', () => {
		const names = all.map((a) => a.action);
		expect(new Set(names).size).toBe(names.length);
	});

	it('the checker itself refuses what the issue names', () => {
		expect(actionNameProblem('Send a whatsapp message to a real person')).not.toBe('');
		expect(actionNameProblem('Send WhatsApp message')).toBe('');
		expect(actionNameProblem('Ping callbot')).toMatch(/Callbot/);
		expect(actionNameProblem('Get Many Callbot Tasks')).toMatch(/capitalised/);
		expect(actionNameProblem('Import numbers as new callbot batch now')).toMatch(/words/);
		expect(actionNameProblem('Send WhatsApp OTP')).toBe('');
	});
});

describe('subtitle', () => {
	const nodeTypes: INodeTypes = {
		getByName: () => node as INodeType,
		getByNameAndVersion: () => node as INodeType,
		getKnownTypes: () => ({}),
	};

	function subtitleFor(resource: string, operation: string): unknown {
		const workflow = new Workflow({
			nodes: [
				{
					id: '1',
					name: 'NXCloud',
					type: 'n8n-nodes-nxcloud.nxCloud',
					typeVersion: 1,
					position: [0, 0],
					parameters: { resource, operation },
				},
			],
			connections: {},
			active: false,
			nodeTypes,
		});
		return workflow.expression.getSimpleParameterValue(
			workflow.getNode('NXCloud')!,
			node.description.subtitle!,
			'internal',
			{},
		);
	}

	it('reads "Import as New Batch: Callbot Call List" for the import', () => {
		expect(subtitleFor('callbotCallList', 'importBatch')).toBe(
			'Import as New Batch: Callbot Call List',
		);
	});

	it.each(actions(properties).map((a) => [a.resource, a.operation, a]))(
		'%s/%s: operation and resource in words',
		(resource, operation, a) => {
			const { operationName, resourceName } = a as Action;
			expect(subtitleFor(resource as string, operation as string)).toBe(
				`${operationName}: ${resourceName}`,
			);
		},
	);

	it('falls back to the raw values for a pair it does not know', () => {
		expect(subtitleFor('callbotTask', 'noSuchOperation')).toBe('noSuchOperation: callbotTask');
	});
});
