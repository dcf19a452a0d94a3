// What the trigger tests read from n8n's executions, shared by the single-process e2e run and the
// queue-mode run (the same workflow, deployed by each harness with the same node names).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { nodeOutputs, nodeRan } from './executionData';
import { CALLBOT_OUTPUTS, WHATSAPP_OUTPUTS } from './triggerOutputNames';
import { DOWNSTREAM_NODE, TRIGGER_NODE } from './triggerWorkflow';
import type { Execution } from './types';

export { CALLBOT_OUTPUTS, WHATSAPP_OUTPUTS };

export const FIXTURES = join(__dirname, '..', '..', 'fixtures');

/** A push or callback body from test/fixtures, as the vendor sends it. */
export const fixtureText = (source: 'whatsapp' | 'callbot', name: string) =>
	readFileSync(join(FIXTURES, source, `${name}.json`), 'utf8');

/** Every item the trigger emitted in one execution, outputs concatenated. */
export const triggerItems = (execution: Execution) => nodeOutputs(execution, TRIGGER_NODE).flat();

/** Item counts per output of the trigger in one execution. */
export const outputCounts = (execution: Execution) =>
	nodeOutputs(execution, TRIGGER_NODE).map((items) => items.length);

/**
 * The Callbot fixtures task-filled, order-filled and call-filled, one execution each: each
 * event on its own output, and only the Order output (the one wired to the next node) ran it.
 * Returns the executions by event.
 */
export function expectCallbotRouting(executions: Execution[]): Map<string, Execution> {
	const byEvent = new Map(executions.map((e) => [String(triggerItems(e)[0]?.json.event), e]));
	for (const [event, output] of [
		['callbot.task', 'Task'],
		['callbot.order', 'Order'],
		['callbot.call', 'Call'],
	]) {
		expect({ event, counts: outputCounts(byEvent.get(event)!) }).toEqual({
			event,
			counts: CALLBOT_OUTPUTS.map((o) => (o === output ? 1 : 0)),
		});
	}
	expect(nodeRan(byEvent.get('callbot.order')!, DOWNSTREAM_NODE)).toBe(true);
	expect(nodeRan(byEvent.get('callbot.call')!, DOWNSTREAM_NODE)).toBe(false);
	return byEvent;
}
