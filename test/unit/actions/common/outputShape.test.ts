// Simplify / Output of the large action outputs on n8n-core's engine: new nodes (typeVersion 1.1)
// simplify by default, nodes saved at typeVersion 1 (no Simplify parameter stored) stay raw.
import { NodeHelpers } from 'n8n-workflow';
import type { IExecuteFunctions, INode, INodeTypeDescription } from 'n8n-workflow';

import {
	CALL_FIELDS,
	EXPORT_FIELDS,
	NUMBER_DETAIL_FIELDS,
	NUMBER_FIELDS,
} from '../../../../nodes/NxCloud/actions/callbotCallList/simplified';
import {
	readOutputShape,
	selectFields,
} from '../../../../nodes/NxCloud/actions/common/outputShape';
import { SETTINGS_FIELDS } from '../../../../nodes/NxCloud/actions/whatsAppCalling/getSettings.operation';
import { NxCloud } from '../../../../nodes/NxCloud/NxCloud.node';
import { seedBatch, seedTask } from '../../../fixtures/action/callbotSeed';
import { BUSINESS_PHONE, CALLING, ENABLED_CONFIG } from '../../../fixtures/action/callingSeed';
import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

const GET_CALLS = {
	resource: 'callbotCallList',
	operation: 'getAllCalls',
	userTaskId: 't',
	returnAll: true,
};

function seedCalls(): void {
	seedTask(n8n.standIn, 't');
	seedBatch(n8n.standIn, 't', [
		{ orderID: 'o1', userPhone: '8613300000001' },
		{ orderID: 'o2', userPhone: '8613300000002' },
	]);
	n8n.standIn.state.callbot.dial('t');
}

describe('Simplify by typeVersion, as n8n fills in the defaults', () => {
	it('a node saved at typeVersion 1 (no Simplify stored) keeps the raw rows', async () => {
		seedCalls();
		const run = await n8n.run(GET_CALLS, undefined, { typeVersion: 1 });
		expect(run.error).toBeUndefined();
		expect(run.node.parameters.simplify).toBe(false);
		expect(run.items[0].json).toMatchObject({ orderID: 'o1', userPhone: '8613300000001' });
		expect(run.items[0].json.callID).toEqual(expect.any(String));
	});

	it('a new node (typeVersion 1.1, the default) simplifies without being told', async () => {
		seedCalls();
		const run = await n8n.run(GET_CALLS, undefined, { typeVersion: 1.1 });
		expect(run.error).toBeUndefined();
		expect(run.node.parameters.simplify).toBe(true);
		const call = n8n.standIn.state.callbot.order('o1')!.calls[0];
		expect(run.items.map((item) => Object.keys(item.json))).toEqual([
			[...CALL_FIELDS],
			[...CALL_FIELDS],
		]);
		expect(run.items[0].json).toMatchObject({
			callId: call.callID,
			orderId: 'o1',
			phone: '8613300000001',
			callStatus: call.callStatus,
			startTime: new Date(call.callStartTs * 1000).toISOString(),
			userTaskId: 't',
		});
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('either version does what Simplify says when it is set', async () => {
		seedCalls();
		const off = await n8n.run({ ...GET_CALLS, simplify: false }, undefined, { typeVersion: 1.1 });
		expect(off.items[0].json.orderID).toBe('o1');
		const on = await n8n.run({ ...GET_CALLS, simplify: true }, undefined, { typeVersion: 1 });
		expect(Object.keys(on.items[0].json)).toEqual([...CALL_FIELDS]);
	});

	it('Full Response stays the raw answer', async () => {
		seedCalls();
		const run = await n8n.run({ ...GET_CALLS, options: { fullResponse: true } }, undefined, {
			typeVersion: 1.1,
		});
		expect(run.items[0].json).toMatchObject({ retCode: 0, callList: expect.any(Array) });
	});

	it('Get Many Numbers, Get Number Details and Export Latest Batch simplify too', async () => {
		seedCalls();
		const numbers = await n8n.run(
			{ resource: 'callbotCallList', operation: 'getAllNumbers', userTaskId: 't', returnAll: true },
			undefined,
			{ typeVersion: 1.1 },
		);
		expect(numbers.error).toBeUndefined();
		expect(Object.keys(numbers.items[0].json)).toEqual([...NUMBER_FIELDS]);
		expect(numbers.items[0].json).toMatchObject({ orderId: 'o1', phone: '8613300000001' });

		const details = await n8n.run(
			{
				resource: 'callbotCallList',
				operation: 'getNumberDetails',
				userTaskId: 't',
				orderIds: 'o1, missing',
			},
			undefined,
			{ typeVersion: 1.1 },
		);
		expect(details.error).toBeUndefined();
		expect(details.items.map((item) => Object.keys(item.json))).toEqual([
			[...NUMBER_DETAIL_FIELDS],
			[...NUMBER_DETAIL_FIELDS],
		]);
		expect(
			details.items.map((item) => [item.json.orderId, item.json.found, item.json.calls]),
		).toEqual([
			['o1', true, 1],
			['missing', false, null],
		]);

		const exported = await n8n.run(
			{ resource: 'callbotCallList', operation: 'exportBatch', userTaskId: 't' },
			undefined,
			{ typeVersion: 1.1 },
		);
		expect(exported.error).toBeUndefined();
		expect(Object.keys(exported.items[0].json)).toEqual([...EXPORT_FIELDS]);
		expect(exported.items[0].json).toMatchObject({ orderId: 'o1', userTaskId: 't' });
		expect(exported.items[0].json.batchId).toEqual(expect.any(String));
	});

	it('Get WhatsApp Calling Settings simplifies, and an error item stays as it is', async () => {
		n8n.standIn.state.calling.setConfig(BUSINESS_PHONE, ENABLED_CONFIG);
		const run = await n8n.run(
			{ ...CALLING, operation: 'getSettings', businessPhone: '={{ $json.phone }}' },
			[{ phone: BUSINESS_PHONE }, { phone: '8613300000001' }],
			{ onError: 'continueRegularOutput', typeVersion: 1.1 },
		);
		expect(Object.keys(run.items[0].json)).toEqual([...SETTINGS_FIELDS]);
		expect(run.items[0].json).toMatchObject({
			businessPhone: BUSINESS_PHONE,
			status: 1,
			region: 'SG',
		});
		expect(run.items[1].json.error).toMatch(/code 10003/);
	});
});

describe('Output, the AI-tool form of Simplify', () => {
	const description = new NxCloud().description;
	// What n8n makes of a usableAsTool node: the same properties under a name ending in "Tool".
	const tool = { ...description, name: 'nxCloudTool' } as INodeTypeDescription;
	const filled = (typeVersion: number, parameters: Record<string, unknown> = {}) => {
		const node = {
			typeVersion,
			parameters: { ...GET_CALLS, ...parameters },
		} as unknown as INode;
		return NodeHelpers.getNodeParameters(
			tool.properties,
			node.parameters,
			true,
			false,
			node,
			tool,
		)!;
	};

	it('replaces Simplify as a tool: Simplified for new nodes, Raw for nodes saved at 1', () => {
		expect(filled(1.1)).toMatchObject({ output: 'simplified' });
		expect(filled(1)).toMatchObject({ output: 'raw' });
		expect(filled(1.1).simplify).toBeUndefined();
		expect(filled(1.1, { output: 'selected' }).fields).toEqual([]);
	});

	it('reads the shape from Output when there is one, else from Simplify', () => {
		const ctx = (parameters: Record<string, unknown>) =>
			({
				getNodeParameter: (name: string, _i: number, fallback: unknown) =>
					parameters[name] ?? fallback,
			}) as unknown as IExecuteFunctions;
		expect(readOutputShape(ctx({ output: 'raw', simplify: true }), 0)).toEqual({ mode: 'raw' });
		expect(readOutputShape(ctx({ output: 'selected', fields: ['callID'] }), 0)).toEqual({
			mode: 'selected',
			fields: ['callID'],
		});
		expect(readOutputShape(ctx({ simplify: true }), 0)).toEqual({ mode: 'simplified' });
		expect(readOutputShape(ctx({}), 0)).toEqual({ mode: 'raw' });
	});

	it('Selected Fields keeps the chosen fields in the chosen order, each time with its ISO copy', () => {
		expect(
			selectFields(
				{ callID: 'c', callStartTs: 1, callStartTsIso: 'iso', userPhone: 'p', other: 'x' },
				['userPhone', 'callStartTs', 'callID', 'absent'],
			),
		).toEqual({ userPhone: 'p', callStartTs: 1, callStartTsIso: 'iso', callID: 'c' });
	});
});
