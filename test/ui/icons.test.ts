/**
 * Our light and dark SVG icons render in the editor: in the node creator and on the canvas, the
 * light theme loads nxcloud.svg and the dark theme nxcloud.dark.svg, and both actually decode.
 */
import type { Locator, Page } from 'playwright-core';

import { ConsoleWatch } from '../support/ui/consoleWatch';
import { nodeCreator, openNewWorkflow } from '../support/ui/editor';
import { onFailureScreenshot } from '../support/ui/screenshots';
import {
	N8N_EXPECTED_PROBLEMS,
	openEditorSession,
	type EditorSession,
} from '../support/ui/session';

let session: EditorSession;

/** The parts of an HTMLImageElement read here (the test tsconfig has no DOM library). */
interface ImageLike {
	complete: boolean;
	naturalWidth: number;
	getAttribute(name: string): string | null;
}

beforeAll(async () => {
	session = await openEditorSession();
});

afterAll(async () => {
	await session?.close();
});

/** src and decoded width of every NXCloud icon image inside `scope`. */
async function nxcloudIcons(scope: Locator): Promise<Array<{ src: string; width: number }>> {
	return await scope.locator('img[src*="n8n-nodes-nxcloud"]').evaluateAll((images) =>
		(images as unknown as ImageLike[]).map((img) => ({
			src: img.getAttribute('src') ?? '',
			width: img.naturalWidth,
		})),
	);
}

async function searchNxcloud(page: Page): Promise<Locator> {
	if (!(await nodeCreator(page).isVisible())) await page.getByTestId('canvas-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill('NXCloud');
	const item = nodeCreator(page)
		.getByTestId('item-iterator-item')
		.filter({ hasText: 'NXCloud' })
		.first();
	await item.locator('img').first().waitFor();
	// Wait until the image has decoded (naturalWidth is 0 before, and stays 0 if the SVG is broken).
	await page.waitForFunction(
		'[...document.querySelectorAll(\'img[src*="n8n-nodes-nxcloud"]\')].every((img) => img.complete)',
	);
	return item;
}

for (const theme of ['light', 'dark'] as const) {
	test(`the ${theme} theme shows the ${theme} icon, decoded`, async () => {
		const { page, watch } = session;
		watch.phase('icons');
		await onFailureScreenshot(page, `icons-${theme}`, async () => {
			await page.emulateMedia({ colorScheme: theme });
			await openNewWorkflow(page);
			const item = await searchNxcloud(page);
			const icons = await nxcloudIcons(nodeCreator(page));
			expect(icons.length).toBeGreaterThan(0);
			const file = theme === 'dark' ? 'nxcloud.dark.svg' : 'nxcloud.svg';
			for (const icon of icons) {
				expect(icon.src).toMatch(
					new RegExp(`/icons/n8n-nodes-nxcloud/dist/nodes/NxCloud/${file.replace('.', '\\.')}$`),
				);
				expect(icon.width).toBeGreaterThan(0);
			}
			await expect(item.isVisible()).resolves.toBe(true);
		});
	});
}

test('no browser console error came from our icons', () => {
	const ours = session.watch.ours(['icons'], N8N_EXPECTED_PROBLEMS);
	expect(ConsoleWatch.describe(ours)).toBe('');
});
