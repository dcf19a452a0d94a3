/**
 * Issue 12, point 1 in the real editor: the node creator's action list for NXCloud shows the short
 * action names, and a node added from it carries the action as its name and the operation and
 * resource in words as its subtitle. Expectations are read from the BUILT node description
 * (dist/), never copied here.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import { NODE_TYPES } from '../support/e2e/paths';
import {
	addActionFromCreator,
	closeNdv,
	nodeCreator,
	openAppInNodeCreator,
	openNewWorkflow,
} from '../support/ui/editor';
import { builtDescription, property, staticOptions } from '../support/ui/nodeDescription';
import { canvasNodeOfType } from '../support/ui/panel';
import { onFailureScreenshot } from '../support/ui/screenshots';
import { openEditorSession, type EditorSession } from '../support/ui/session';

const description = builtDescription('NxCloud');
const resources = staticOptions(property(description, 'resource'));
const actions = resources.flatMap((resource) =>
	staticOptions(property(description, 'operation', { resource: resource.value })).map(
		(operation: INodePropertyOptions) => ({
			resource,
			operation,
			action: String(operation.action),
		}),
	),
);

let session: EditorSession;

beforeAll(async () => {
	session = await openEditorSession();
});

afterAll(async () => {
	await session?.close();
	await session?.n8n.cleanup();
});

test('the node creator lists every NXCloud action by its short name', async () => {
	const { page } = session;
	await onFailureScreenshot(page, 'action-names-creator', async () => {
		await openNewWorkflow(page);
		const creator = await openAppInNodeCreator(page, 'NXCloud', 'NXCloud');
		const items = creator.getByTestId('item-iterator-item');
		const first = items.filter({ hasText: actions[0].action }).first();
		if (!(await first.isVisible()))
			await creator
				.getByTestId('node-creator-category-item')
				.filter({ hasText: /^Actions/ })
				.click();
		await first.waitFor();
		const shown = (await items.allInnerTexts()).map((t) => t.trim().split('\n')[0].trim());
		for (const { action } of actions) expect(shown).toContain(action);
		// None of the old sentence-long names, nor "whatsapp" in lower case, is left anywhere.
		expect(shown.filter((t) => /\bwhatsapp\b|\bcallbot\b/.test(t))).toEqual([]);
		await page.keyboard.press('Escape');
		await nodeCreator(page)
			.waitFor({ state: 'hidden' })
			.catch(() => undefined);
	});
});

test('a node added from an action is named after it, with the subtitle in words', async () => {
	const { page } = session;
	const chosen = actions.find(
		(a) => a.resource.value === 'callbotCallList' && a.operation.value === 'importBatch',
	)!;
	await onFailureScreenshot(page, 'action-names-canvas', async () => {
		await openNewWorkflow(page);
		await addActionFromCreator(page, 'NXCloud', 'NXCloud', chosen.action);
		await closeNdv(page);
		const node = canvasNodeOfType(page, NODE_TYPES.action);
		await expect(node.getAttribute('data-node-name')).resolves.toBe(chosen.action);
		const subtitle = `${chosen.operation.name}: ${chosen.resource.name}`;
		expect(subtitle).toBe('Import as New Batch: Callbot Call List');
		await node.getByText(subtitle, { exact: true }).waitFor({ timeout: 15_000 });
		await expect(node.innerText()).resolves.not.toContain('importBatch');
	});
});
