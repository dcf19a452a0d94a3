import { NodeHelpers, Workflow } from 'n8n-workflow';
import type { INode, INodeType } from 'n8n-workflow';

import {
	configuredOutputs,
	OUTPUTS,
	outputCount,
	outputIndex,
} from '../../../../nodes/NxCloud/trigger/events/outputs';
import { NxCloudTrigger } from '../../../../nodes/NxCloud/NxCloudTrigger.node';
import { CALLBOT_OUTPUTS, WHATSAPP_OUTPUTS } from '../../../support/e2e/triggerOutputNames';

/** Evaluates the trigger's `outputs` expression the way n8n's editor and engine do. */
function outputsFor(parameters: Record<string, unknown>) {
	const trigger = new NxCloudTrigger();
	const nodeTypes = {
		getByName: () => trigger as INodeType,
		getByNameAndVersion: () => trigger as INodeType,
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'n1',
		name: 'NXCloud Trigger',
		type: 'n8n-nodes-nxcloud.nxCloudTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypes as any,
	});
	return NodeHelpers.getNodeOutputs(workflow, workflow.getNode(node.name)!, trigger.description);
}

const names = (outputs: unknown[]) => outputs.map((o: any) => o.displayName);

describe("the trigger's outputs, as n8n computes them from the parameters", () => {
	it('shows the ten WhatsApp outputs by default, in the order of the Events to Emit list', () => {
		expect(names(outputsFor({}))).toEqual(WHATSAPP_OUTPUTS);
		expect(outputsFor({}).every((o: any) => o.type === 'main')).toBe(true);
	});

	it('shows the four Callbot outputs for the Callbot source', () => {
		expect(names(outputsFor({ source: 'callbot' }))).toEqual(CALLBOT_OUTPUTS);
	});

	it('shows one output for single routing, whatever the source', () => {
		expect(names(outputsFor({ outputRouting: 'single' }))).toEqual(['Events']);
		expect(names(outputsFor({ source: 'callbot', outputRouting: 'single' }))).toEqual(['Events']);
	});

	it('does not depend on the event selection, so connections never shift', () => {
		expect(outputsFor({ events: ['message'] })).toEqual(outputsFor({}));
	});

	it('matches configuredOutputs, which webhook() sizes its result with', () => {
		expect(outputsFor({ source: 'callbot' })).toEqual(configuredOutputs('callbot', 'perType'));
		expect(outputCount('whatsapp', 'perType')).toBe(outputsFor({}).length);
	});
});

describe('outputIndex', () => {
	it('follows the output tables', () => {
		expect(OUTPUTS.whatsapp.map((o) => outputIndex('whatsapp', 'perType', o.key))).toEqual([
			0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
		]);
		expect(outputIndex('callbot', 'perType', 'order')).toBe(1);
		expect(outputIndex('callbot', 'perType', 'other')).toBe(3);
		expect(outputIndex('whatsapp', 'perType', 'phone')).toBe(3);
	});

	it('sends keys a source does not have to its Other output, and everything to 0 when single', () => {
		expect(outputIndex('callbot', 'perType', 'message')).toBe(3);
		expect(outputIndex('whatsapp', 'single', 'failed')).toBe(0);
	});
});
