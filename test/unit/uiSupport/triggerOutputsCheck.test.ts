/**
 * The rule test/ui/triggerOutputs.test.ts applies in the browser (test/support/ui/triggerOutputs.ts),
 * checked on its own: it accepts the trigger as declared and rejects a list and outputs that run
 * in different orders, an output whose name the event type does not mention, and an event type
 * that reaches no output. Without these, the browser test could pass on anything.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import { OUTPUTS } from '../../../nodes/NxCloud/trigger/events/outputs';
import { triggerProperties } from '../../../nodes/NxCloud/trigger/properties';
import { checkEventList, type BuiltOutput } from '../../support/ui/triggerOutputs';

function eventOptions(source: string): INodePropertyOptions[] {
	const events = triggerProperties.find(
		(p) =>
			p.type === 'multiOptions' &&
			p.displayOptions?.show?.source?.includes(source as never) === true,
	);
	if (!events) throw new Error(`no Events to Emit for ${source}`);
	return events.options as INodePropertyOptions[];
}

const sources = Object.keys(OUTPUTS) as Array<keyof typeof OUTPUTS>;

describe('checkEventList', () => {
	it.each(sources)('accepts the %s trigger as declared', (source) => {
		const options = eventOptions(source);
		const outputs = OUTPUTS[source] as readonly BuiltOutput[];
		const check = checkEventList(
			options.map((o) => o.name),
			options,
			[...outputs],
		);
		expect(check.problems).toEqual([]);
		expect(check.routes).toHaveLength(options.length);
	});

	it('rejects outputs in another order than the list', () => {
		const options = eventOptions('whatsapp');
		const outputs = [...OUTPUTS.whatsapp];
		const swapped = [outputs[1], outputs[0], ...outputs.slice(2)];
		const check = checkEventList(
			options.map((o) => o.name),
			options,
			swapped,
		);
		expect(check.problems.join('\n')).toMatch(/run in different orders/);
	});

	it('rejects an output whose name does not say what lands there', () => {
		const options = eventOptions('whatsapp');
		const outputs = OUTPUTS.whatsapp.map((o) =>
			o.key === 'phone' ? { ...o, displayName: 'Account' } : o,
		);
		const check = checkEventList(
			options.map((o) => o.name),
			options,
			outputs,
		);
		expect(check.problems).toEqual([
			'"Phone Number Events" goes to the output named "Account", which its name does not mention',
		]);
	});

	it('rejects an event type that reaches no output, and a list the editor shows differently', () => {
		const options = eventOptions('callbot');
		const outputs = OUTPUTS.callbot.filter((o) => o.key !== 'order');
		const shown = [...options.map((o) => o.name)].reverse();
		const check = checkEventList(shown, options, outputs);
		expect(check.problems[0]).toMatch(/^the editor lists /);
		expect(check.problems.join('\n')).toMatch(/Event type "order" should go to exactly one output/);
	});
});
