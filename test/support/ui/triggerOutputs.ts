import { join } from 'node:path';

import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { repoRoot } from '../e2e/paths';
import { isVisible, valuesWith } from './nodeDescription';

/**
 * What the trigger declares about its outputs, read from the BUILT code (dist/), so the browser
 * test (test/ui/triggerOutputs.test.ts) follows the trigger as it is today and holds no copy.
 */

export interface BuiltOutput {
	/** The key events are routed by (events/types.ts OutputKey). */
	key: string;
	displayName: string;
}

const outputsModule = join(repoRoot, 'dist', 'nodes', 'NxCloud', 'trigger', 'events', 'outputs.js');

/** The per-event-type outputs of a source, in index order (events/outputs.ts `OUTPUTS`). */
export function builtPerTypeOutputs(source: string): BuiltOutput[] {
	const outputs = require(outputsModule) as {
		OUTPUTS?: Record<string, ReadonlyArray<{ key?: unknown; displayName?: unknown }>>;
	};
	const table = outputs.OUTPUTS?.[source];
	if (!Array.isArray(table) || table.some((o) => typeof o.key !== 'string')) {
		throw new Error(
			`${outputsModule} no longer exports OUTPUTS[${JSON.stringify(source)}] as [{ key, displayName }]: update test/support/ui/triggerOutputs.ts`,
		);
	}
	return table.map((o) => ({ key: String(o.key), displayName: String(o.displayName ?? '') }));
}

/** The "Events to Emit" parameter the panel shows for a source (a multi-select of event types). */
export function eventsParameter(
	description: INodeTypeDescription,
	source: string,
): INodeProperties {
	const values = valuesWith(description, { source });
	const found = description.properties.filter(
		(p) =>
			p.type === 'multiOptions' &&
			/event/i.test(p.displayName) &&
			isVisible(description, p, values),
	);
	if (found.length !== 1)
		throw new Error(
			`Expected one "Events to Emit" multi-select for source ${source}, found ${found.length}`,
		);
	return found[0];
}

/**
 * The output an event type goes to. An event option's value is the event's filter key
 * (events/whatsapp.ts, events/callbot.ts): the output key itself (`message`), or a family and the
 * output key (`status.read` → `read`).
 */
export function outputOfEvent(value: string, outputs: BuiltOutput[]): number {
	const matches = outputs
		.map((output, index) => ({ output, index }))
		.filter(({ output }) => value === output.key || value.endsWith(`.${output.key}`));
	if (matches.length !== 1)
		throw new Error(
			`Event type "${value}" should go to exactly one output of ${JSON.stringify(outputs.map((o) => o.key))}, found ${matches.length}`,
		);
	return matches[0].index;
}

/** Lower-case words, plurals folded ("Inbound Messages" → inbound, message). */
function words(text: string): string[] {
	return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map((word) =>
		word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
	);
}

export interface EventListCheck {
	/** Problems found; empty when the list and the outputs agree. */
	problems: string[];
	/** Per event option, in list order: its name and the name of the output it goes to. */
	routes: Array<{ event: string; output: string }>;
}

/**
 * Whether an "Events to Emit" list (its option names as the editor shows them, with the values
 * from the description) and a source's outputs tell one story: each event type goes to one
 * output, whose name the event type's name contains (so the output's name says what lands
 * there); the list runs in output order; every output but the trailing catch-all ones (Other)
 * receives an event type from the list.
 */
export function checkEventList(
	shownNames: string[],
	options: INodePropertyOptions[],
	outputs: BuiltOutput[],
): EventListCheck {
	const problems: string[] = [];
	const routes: EventListCheck['routes'] = [];
	if (JSON.stringify(shownNames) !== JSON.stringify(options.map((o) => o.name)))
		problems.push(
			`the editor lists ${JSON.stringify(shownNames)}, the trigger declares ${JSON.stringify(options.map((o) => o.name))}`,
		);
	const indexes: number[] = [];
	for (const option of options) {
		let index: number;
		try {
			index = outputOfEvent(String(option.value), outputs);
		} catch (error) {
			problems.push((error as Error).message);
			continue;
		}
		const output = outputs[index];
		indexes.push(index);
		routes.push({ event: option.name, output: output.displayName });
		const eventWords = new Set(words(option.name));
		if (!words(output.displayName).every((word) => eventWords.has(word)))
			problems.push(
				`"${option.name}" goes to the output named "${output.displayName}", which its name does not mention`,
			);
	}
	for (let i = 1; i < indexes.length; i++) {
		if (indexes[i] < indexes[i - 1])
			problems.push(
				`"${routes[i].event}" (output ${indexes[i]}, ${routes[i].output}) is listed after "${routes[i - 1].event}" (output ${indexes[i - 1]}, ${routes[i - 1].output}): the list and the outputs run in different orders`,
			);
	}
	const fed = new Set(indexes);
	const lastFed = Math.max(-1, ...indexes);
	outputs.forEach((output, index) => {
		if (index < lastFed && !fed.has(index))
			problems.push(`output ${index} (${output.displayName}) receives no event type of the list`);
	});
	return { problems, routes };
}
