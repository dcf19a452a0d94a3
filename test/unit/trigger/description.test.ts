import type { INode, INodeType } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { splitCallbotCallback } from '../../../nodes/NxCloud/trigger/events/callbot';
import { OUTPUTS, outputIndex } from '../../../nodes/NxCloud/trigger/events/outputs';
import { splitWhatsAppPush } from '../../../nodes/NxCloud/trigger/events/whatsapp';
import { NxCloudTrigger } from '../../../nodes/NxCloud/NxCloudTrigger.node';
import { fixture } from './events/fixtures';

const trigger = new NxCloudTrigger();
const property = (name: string) => trigger.description.properties.find((p) => p.name === name)!;

function workflowWith(parameters: Record<string, unknown>) {
	const nodeTypes = {
		getByName: () => trigger as INodeType,
		getByNameAndVersion: () => trigger as INodeType,
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'n',
		name: 'T',
		type: 'n8n-nodes-nxcloud.nxCloudTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as any,
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: nodeTypes as any,
	});
	return { workflow, node: workflow.getNode('T')! };
}

describe('NXCloud Trigger description', () => {
	it('is a version-1 webhook trigger with a POST webhook answered on receipt', () => {
		expect(trigger.description).toMatchObject({
			name: 'nxCloudTrigger',
			version: 1,
			group: ['trigger'],
			inputs: [],
		});
		// n8n answers accepted pushes with webhookResponse, which it reads only when responseData is ''.
		expect(trigger.description.webhooks).toEqual([
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: '',
				path: 'webhook',
			},
		]);
	});

	it('has n8n skip its own body parsing (hidden options.binaryData), so malformed JSON reaches the node', () => {
		const { workflow, node } = workflowWith({});
		// This is the expression n8n's parseRequestBody evaluates for version-1 webhook nodes.
		expect(
			workflow.expression.getSimpleParameterValue(
				node,
				'={{$parameter["options"]["binaryData"]}}',
				'webhook',
				{},
			),
		).toBe(true);
		expect(property('options').type).toBe('hidden');
	});

	it('shows a warning for Verify If Present and for Off, and none for Required', () => {
		const shown = (signatureCheck: string) =>
			trigger.description.properties
				.filter((p) => p.type === 'notice' && p.displayOptions?.show?.signatureCheck)
				.filter((p) =>
					NodeHelpers.displayParameter(
						{ signatureCheck, source: 'whatsapp' },
						p,
						null,
						trigger.description,
					),
				)
				.map((p) => p.name);
		expect(shown('required')).toEqual([]);
		expect(shown('ifPresent')).toEqual(['ifPresentWarning']);
		expect(shown('off')).toEqual(['offWarning']);
		expect(property('ifPresentWarning').displayName).toMatch(/Unsigned requests are accepted/);
	});

	it('says where to paste the URL, Test URL versus Production URL, and where to turn signing on, per source', () => {
		expect(property('whatsappSetupNotice').displayName).toMatch(
			/one webhook URL per WhatsApp application.*Test URL.*Listen for test event.*Production URL.*activate.*receipt-signing algorithm/s,
		);
		expect(property('callbotSetupNotice').displayName).toMatch(
			/taskCallbackUrl.*Test URL.*Production URL.*Developer/s,
		);
	});

	it('speaks English only: no Chinese text anywhere in the node or credential UI', () => {
		const { NxCloud } = require('../../../nodes/NxCloud/NxCloud.node');
		const { NxCloudApi } = require('../../../credentials/NxCloudApi.credentials');
		const texts: string[] = [];
		const collect = (value: unknown): void => {
			if (typeof value === 'string') texts.push(value);
			else if (Array.isArray(value)) value.forEach(collect);
			else if (value && typeof value === 'object') Object.values(value).forEach(collect);
		};
		collect(trigger.description);
		collect(new NxCloud().description);
		collect(new NxCloudApi().properties);
		expect(texts.length).toBeGreaterThan(100);
		expect(texts.filter((text) => /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/.test(text))).toEqual(
			[],
		);
	});

	it('defaults: WhatsApp, all events, Required, age check off, per-type outputs, drop redeliveries', () => {
		const { node } = workflowWith({});
		expect(node.parameters).toMatchObject({
			source: 'whatsapp',
			events: [
				'account',
				'call',
				'message',
				'phone',
				'status.delivered',
				'status.failed',
				'status.read',
				'status.sent',
				'template',
			],
			signatureCheck: 'required',
			maxTimestampAge: 0,
			businessPhones: '',
			outputRouting: 'perType',
			dropRedeliveries: true,
			redeliveryWindow: 1000,
		});
		expect(
			property('events')
				.options!.map((o: any) => o.value)
				.sort(),
		).toEqual([...(node.parameters.events as string[])].sort());
	});

	it('lists the events in the order of the outputs, and each goes to the output its entry names', () => {
		const whatsappSample: Record<string, unknown> = {
			account: { field: 'account_update', value: { event: 'X' } },
			call: { calls: [{ call_id: 'c' }] },
			message: { messages: [{ id: 'm', type: 'text' }] },
			phone: { field: 'phone_number_quality_update', value: {} },
			'status.delivered': { statuses: [{ id: 's', status: 'delivered' }] },
			'status.failed': { statuses: [{ id: 's', status: 'failed' }] },
			'status.read': { statuses: [{ id: 's', status: 'read' }] },
			'status.sent': { statuses: [{ id: 's', status: 'sent' }] },
			template: { field: 'message_template_status_update', value: { event: 'APPROVED' } },
		};
		const callbotSample: Record<string, unknown> = {
			call: fixture('callbot', 'call-filled'),
			order: fixture('callbot', 'order-filled'),
			task: fixture('callbot', 'task-filled'),
		};
		const check = (
			source: 'whatsapp' | 'callbot',
			parameter: string,
			samples: Record<string, unknown>,
		) => {
			const options = property(parameter).options as Array<{ value: string; description: string }>;
			const landed = options.map((option, position) => {
				const [event] =
					source === 'whatsapp'
						? splitWhatsAppPush(samples[option.value])
						: splitCallbotCallback(samples[option.value]);
				expect(event.filterKey).toBe(option.value);
				const index = outputIndex(source, 'perType', event.output);
				expect(option.description).toContain(`${OUTPUTS[source][index].displayName} output`);
				return index - position;
			});
			// Output i holds the i-th entry of the list; Other comes last.
			expect(landed.every((offset) => offset === 0)).toBe(true);
			expect(OUTPUTS[source].length).toBe(options.length + 1);
		};
		check('whatsapp', 'events', whatsappSample);
		check('callbot', 'callbotEvents', callbotSample);
	});

	it('only needs a credential when signatures are checked', () => {
		expect(trigger.description.credentials).toEqual([
			{ name: 'nxCloudApi', required: true, displayOptions: { hide: { signatureCheck: ['off'] } } },
		]);
	});
});
