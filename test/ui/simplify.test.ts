/**
 * Simplify in the real editor: a new NXCloud node with Get Many Calls shows Simplify switched on
 * (the editor adds the node at its default typeVersion, 1.1); a new NXCloud Trigger shows Simplify
 * switched off (the trigger stays at typeVersion 1, so its default cannot differ from what saved
 * triggers get; see docs/trigger.md, Simplified items).
 */
import type { Page } from 'playwright-core';

import { ConsoleWatch } from '../support/ui/consoleWatch';
import {
	addActionFromCreator,
	addTriggerFromCreator,
	ndv,
	openNewWorkflow,
	parameterInput,
	parameterLabel,
} from '../support/ui/editor';
import { builtDescription, property, staticOptions } from '../support/ui/nodeDescription';
import { onFailureScreenshot } from '../support/ui/screenshots';
import {
	N8N_EXPECTED_PROBLEMS,
	openEditorSession,
	type EditorSession,
} from '../support/ui/session';

const action = builtDescription('NxCloud');

let session: EditorSession;

beforeAll(async () => {
	session = await openEditorSession();
});

afterAll(async () => {
	await session?.close();
	await session?.n8n.cleanup();
});

/** Whether the boolean parameter's switch is on, as Element Plus draws it. */
async function switchIsOn(page: Page, name: string): Promise<boolean> {
	const toggle = parameterInput(page, name).locator('.el-switch').first();
	await toggle.waitFor();
	return /\bis-checked\b/.test((await toggle.getAttribute('class')) ?? '');
}

test('a new NXCloud node with Get Many Calls shows Simplify, switched on', async () => {
	const { page, watch } = session;
	watch.phase('simplify');
	await onFailureScreenshot(page, 'simplify-action', async () => {
		await openNewWorkflow(page);
		const getAllCalls = staticOptions(
			property(action, 'operation', { resource: 'callbotCallList' }),
		).find((o) => o.value === 'getAllCalls');
		expect(getAllCalls).toBeDefined();
		await addActionFromCreator(
			page,
			'NXCloud',
			'NXCloud',
			getAllCalls!.action ?? getAllCalls!.name,
		);
		await expect(parameterLabel(page, 'simplify').innerText()).resolves.toMatch(/Simplify/);
		await expect(switchIsOn(page, 'simplify')).resolves.toBe(true);
		// The AI-tool form (Output) is not shown on the plain node.
		await expect(parameterInput(page, 'output').count()).resolves.toBe(0);
		await page.getByTestId('ndv-close-button').click();
		await ndv(page).waitFor({ state: 'hidden' });
	});
});

test('a new NXCloud Trigger shows Simplify, switched off', async () => {
	const { page, watch } = session;
	watch.phase('simplify');
	await onFailureScreenshot(page, 'simplify-trigger', async () => {
		await openNewWorkflow(page);
		await addTriggerFromCreator(page, 'NXCloud', 'NXCloud', 'On new NXCloud event');
		await expect(parameterLabel(page, 'simplify').innerText()).resolves.toMatch(/Simplify/);
		await expect(switchIsOn(page, 'simplify')).resolves.toBe(false);
	});
});

test('no browser console error came from these panels', () => {
	const ours = session.watch.ours(['simplify'], N8N_EXPECTED_PROBLEMS);
	expect(ConsoleWatch.describe(ours)).toBe('');
});
