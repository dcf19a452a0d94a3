/**
 * Issue 12, point 7, in the real editor: the NXCloud Trigger's outputs (the labels the canvas
 * draws) and its "Events to Emit" list follow one order, and each output's name says what lands
 * there; for every source, with all event types and with a subset, and with a single output.
 * What is expected is read from the BUILT trigger (dist/…/trigger/events/outputs.js and the
 * node's description), never from a copy here.
 */
import type { Page } from 'playwright-core';

import { NODE_TYPES } from '../support/e2e/paths';
import { ConsoleWatch } from '../support/ui/consoleWatch';
import {
	closeNdv,
	dropdownOptionNames,
	ndv,
	openDropdown,
	openNodeOnCanvas,
	openWorkflow,
	parameterInput,
	selectOption,
} from '../support/ui/editor';
import { createEditorWorkflow } from '../support/ui/editorWorkflows';
import {
	builtDescription,
	builtTriggerOutputNames,
	property,
	staticOptions,
} from '../support/ui/nodeDescription';
import { canvasNodeOfType, outputLabels } from '../support/ui/panel';
import { onFailureScreenshot } from '../support/ui/screenshots';
import {
	N8N_EXPECTED_PROBLEMS,
	openEditorSession,
	type EditorSession,
} from '../support/ui/session';
import { builtPerTypeOutputs, checkEventList, eventsParameter } from '../support/ui/triggerOutputs';

const description = builtDescription('NxCloudTrigger');
const TRIGGER_NAME = description.defaults.name ?? 'NXCloud Trigger';
const sources = staticOptions(property(description, 'source'));
const routings = staticOptions(property(description, 'outputRouting'));
const perType = routings.find((r) => r.value === 'perType');
const single = routings.find((r) => r.value === 'single');

let session: EditorSession;
let workflowId = '';

beforeAll(async () => {
	session = await openEditorSession();
	workflowId = await createEditorWorkflow(session.n8n, {
		name: 'NXCloud Trigger outputs',
		nodes: [
			{
				name: TRIGGER_NAME,
				type: NODE_TYPES.trigger,
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
				webhookId: '0b7e4c2a-9d13-4f86-a5e0-6c3b8f1d2e47',
			},
		],
		connections: {},
	});
});

afterAll(async () => {
	await session?.close();
	if (session) await session.n8n.deleteWorkflow(workflowId).catch(() => undefined);
});

/** The chips of a multi-select: the values it holds, as names, in the order shown. */
async function chosenNames(page: Page, name: string): Promise<string[]> {
	const tags = parameterInput(page, name).locator('.el-tag');
	return (await tags.allInnerTexts()).map((text) => text.trim()).filter((text) => text !== '');
}

/** Clicks the named options of an open-able multi-select (each click toggles one), then closes it. */
async function toggleOptions(page: Page, name: string, optionNames: string[]): Promise<void> {
	await parameterInput(page, name).click();
	const list = openDropdown(page);
	await list.getByRole('option').first().waitFor();
	for (const optionName of optionNames)
		await list
			.getByRole('option')
			.filter({ has: page.getByText(optionName, { exact: true }) })
			.first()
			.click();
	await page.keyboard.press('Escape');
	await list.waitFor({ state: 'hidden' }).catch(() => undefined);
}

async function openTrigger(page: Page): Promise<void> {
	if (!(await ndv(page).isVisible())) await openNodeOnCanvas(page, TRIGGER_NAME);
}

/** Closes the panel and reads the output labels the canvas draws for the trigger. */
async function canvasOutputs(page: Page): Promise<string[]> {
	await closeNdv(page);
	return await outputLabels(page, canvasNodeOfType(page, NODE_TYPES.trigger));
}

test('the routing options the test relies on exist', () => {
	expect(perType).toBeDefined();
	expect(single).toBeDefined();
	expect(sources.length).toBeGreaterThan(1);
});

for (const source of sources) {
	test(`${source.name}: outputs and Events to Emit follow one order, names say what lands where`, async () => {
		const { page, watch } = session;
		watch.phase('trigger outputs');
		const outputs = builtPerTypeOutputs(String(source.value));
		const events = eventsParameter(description, String(source.value));
		const options = staticOptions(events);
		const expectedLabels = builtTriggerOutputNames(String(source.value), 'perType');
		expect(outputs.map((o) => o.displayName)).toEqual(expectedLabels);

		await onFailureScreenshot(page, `trigger-outputs-${String(source.value)}`, async () => {
			await openWorkflow(page, workflowId);
			await openTrigger(page);
			await selectOption(page, 'source', source.name);
			await selectOption(page, 'outputRouting', perType!.name);

			// All event types (the default): the list as the editor shows it against the outputs.
			const shown = await dropdownOptionNames(page, events.name);
			const check = checkEventList(shown, options, outputs);
			process.stderr.write(
				`[ui] ${source.name}: ${check.routes.map((r) => `${r.event} → ${r.output}`).join('; ')}; outputs ${expectedLabels.join(', ')}\n`,
			);
			expect(check.problems).toEqual([]);
			await expect(chosenNames(page, events.name)).resolves.toEqual(options.map((o) => o.name));
			await expect(canvasOutputs(page)).resolves.toEqual(expectedLabels);

			// A subset (every second event type unticked): the same outputs, nothing shifts.
			await openTrigger(page);
			const untick = options.filter((_o, i) => i % 2 === 1).map((o) => o.name);
			await toggleOptions(page, events.name, untick);
			await expect(chosenNames(page, events.name)).resolves.toEqual(
				options.map((o) => o.name).filter((name) => !untick.includes(name)),
			);
			await expect(canvasOutputs(page)).resolves.toEqual(expectedLabels);

			// One output for everything, whatever the subset.
			await openTrigger(page);
			await selectOption(page, 'outputRouting', single!.name);
			await expect(canvasOutputs(page)).resolves.toEqual(
				builtTriggerOutputNames(String(source.value), 'single'),
			);
		});
	});
}

test('no browser console error came from the trigger', () => {
	const ours = session.watch.ours(['trigger outputs'], N8N_EXPECTED_PROBLEMS);
	expect(ConsoleWatch.describe(ours)).toBe('');
});
