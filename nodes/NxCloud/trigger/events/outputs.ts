import type { INodeOutputConfiguration } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { OutputKey, TriggerSource } from './types';

export type OutputRouting = 'perType' | 'single';

interface OutputDefinition {
	key: OutputKey;
	displayName: string;
}

/**
 * Outputs per source, in index order: the order of the "Events to Emit" list (which n8n's rules
 * keep alphabetical), each event type on the output named after it, Other last. They do not
 * depend on "Events to Emit", so unticking an event type never shifts the connections of the
 * outputs after it.
 */
export const OUTPUTS: Record<TriggerSource, readonly OutputDefinition[]> = {
	whatsapp: [
		{ key: 'account', displayName: 'Account' },
		{ key: 'call', displayName: 'Call' },
		{ key: 'message', displayName: 'Message' },
		{ key: 'phone', displayName: 'Phone Number' },
		{ key: 'delivered', displayName: 'Delivered' },
		{ key: 'failed', displayName: 'Failed' },
		{ key: 'read', displayName: 'Read' },
		{ key: 'sent', displayName: 'Sent' },
		{ key: 'template', displayName: 'Template' },
		{ key: 'other', displayName: 'Other' },
	],
	callbot: [
		{ key: 'call', displayName: 'Call' },
		{ key: 'order', displayName: 'Order' },
		{ key: 'task', displayName: 'Task' },
		{ key: 'other', displayName: 'Other' },
	],
};

export const SINGLE_OUTPUT_NAME = 'Events';

/** The outputs the node shows for a given source and routing. */
export function configuredOutputs(
	source: TriggerSource,
	routing: OutputRouting,
): INodeOutputConfiguration[] {
	if (routing === 'single')
		return [{ type: NodeConnectionTypes.Main, displayName: SINGLE_OUTPUT_NAME }];
	return OUTPUTS[source].map(({ displayName }) => ({
		type: NodeConnectionTypes.Main,
		displayName,
	}));
}

/**
 * The node's `outputs` as an n8n expression, evaluated by the editor and by the engine from the
 * node's parameters (like the core Webhook and Switch nodes do). Built from the same tables as
 * `configuredOutputs`, as literal JSON, so what the editor draws and where `webhook()` puts the
 * items cannot drift apart. JSON of flat objects in an array never contains "}}", which would end
 * the expression early.
 */
export function buildOutputsExpression(): `={{${string}}}` {
	const single = JSON.stringify(configuredOutputs('whatsapp', 'single'));
	const callbot = JSON.stringify(configuredOutputs('callbot', 'perType'));
	const whatsapp = JSON.stringify(configuredOutputs('whatsapp', 'perType'));
	return `={{ $parameter["outputRouting"] === "single" ? ${single} : $parameter["source"] === "callbot" ? ${callbot} : ${whatsapp} }}`;
}

/** Index of the output an event goes to. Unknown keys go to the source's Other output. */
export function outputIndex(source: TriggerSource, routing: OutputRouting, key: OutputKey): number {
	if (routing === 'single') return 0;
	const outputs = OUTPUTS[source];
	const index = outputs.findIndex((output) => output.key === key);
	return index >= 0 ? index : outputs.length - 1;
}

export function outputCount(source: TriggerSource, routing: OutputRouting): number {
	return routing === 'single' ? 1 : OUTPUTS[source].length;
}

/** Computed once: the trigger's description refers to it. */
export const OUTPUTS_EXPRESSION = buildOutputsExpression();
