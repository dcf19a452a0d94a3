import type { INode, INodeType } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { NxCloudTrigger } from '../../../nodes/NxCloud/NxCloudTrigger.node';

const trigger = new NxCloudTrigger();
const property = (name: string) => trigger.description.properties.find((p) => p.name === name)!;

function workflowWith(parameters: Record<string, unknown>) {
	const nodeTypes = { getByName: () => trigger as INodeType, getByNameAndVersion: () => trigger as INodeType, getKnownTypes: () => ({}) };
	const node: INode = { id: 'n', name: 'T', type: 'n8n-nodes-nxcloud.nxCloudTrigger', typeVersion: 1, position: [0, 0], parameters: parameters as any };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: true, nodeTypes: nodeTypes as any });
	return { workflow, node: workflow.getNode('T')! };
}

describe('NXCloud Trigger description', () => {
	it('is a version-1 webhook trigger with a POST webhook answered on receipt', () => {
		expect(trigger.description).toMatchObject({ name: 'nxCloudTrigger', version: 1, group: ['trigger'], inputs: [] });
		// n8n answers accepted pushes with webhookResponse, which it reads only when responseData is ''.
		expect(trigger.description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' },
		]);
	});

	it('has n8n skip its own body parsing (hidden options.binaryData), so malformed JSON reaches the node', () => {
		const { workflow, node } = workflowWith({});
		// This is the expression n8n's parseRequestBody evaluates for version-1 webhook nodes.
		expect(workflow.expression.getSimpleParameterValue(node, '={{$parameter["options"]["binaryData"]}}', 'webhook', {})).toBe(true);
		expect(property('options').type).toBe('hidden');
	});

	it('shows a warning for Verify If Present and for Off, and none for Required', () => {
		const shown = (signatureCheck: string) =>
			trigger.description.properties
				.filter((p) => p.type === 'notice' && p.displayOptions?.show?.signatureCheck)
				.filter((p) => NodeHelpers.displayParameter({ signatureCheck, source: 'whatsapp' }, p, null, trigger.description))
				.map((p) => p.name);
		expect(shown('required')).toEqual([]);
		expect(shown('ifPresent')).toEqual(['ifPresentWarning']);
		expect(shown('off')).toEqual(['offWarning']);
		expect(property('ifPresentWarning').displayName).toMatch(/Unsigned requests are accepted/);
	});

	it('says where to paste the URL and where to turn signing on, per source', () => {
		expect(property('whatsappSetupNotice').displayName).toMatch(/Production URL.*NXCloud console.*webhook URL.*回执加签算法/s);
		expect(property('callbotSetupNotice').displayName).toMatch(/taskCallbackUrl.*Developer/s);
	});

	it('defaults: WhatsApp, all events, Required, age check off, per-type outputs, drop redeliveries', () => {
		const { node } = workflowWith({});
		expect(node.parameters).toMatchObject({
			source: 'whatsapp',
			events: ['account', 'call', 'message', 'phone', 'status.delivered', 'status.failed', 'status.read', 'status.sent', 'template'],
			signatureCheck: 'required',
			maxTimestampAge: 0,
			businessPhones: '',
			outputRouting: 'perType',
			dropRedeliveries: true,
			redeliveryWindow: 1000,
		});
		expect(property('events').options!.map((o: any) => o.value).sort()).toEqual([...(node.parameters.events as string[])].sort());
	});

	it('only needs a credential when signatures are checked', () => {
		expect(trigger.description.credentials).toEqual([
			{ name: 'nxCloudApi', required: true, displayOptions: { hide: { signatureCheck: ['off'] } } },
		]);
	});
});
