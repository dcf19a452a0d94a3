import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import type { Locator, Page } from 'playwright-core';

import { repoRoot } from '../e2e/paths';

/**
 * Where a UI run writes its screenshots: the README pictures, taken by test/ui/screenshots.test.ts
 * in every UI run (they are part of what the run proves renders). By default into the git-ignored
 * cache, so `npm test` leaves the tree clean; scripts/screenshots.sh points
 * NXCLOUD_SCREENSHOT_DIR at a scratch folder and copies the pictures to docs/screenshots/.
 */
export const screenshotDir = resolve(
	repoRoot,
	process.env.NXCLOUD_SCREENSHOT_DIR ?? join('.cache', 'ui', 'screenshots'),
);

/** Saves a PNG of `target` (a page or one element) as `<screenshotDir>/<name>.png`; returns its path. */
export async function saveScreenshot(target: Page | Locator, name: string): Promise<string> {
	mkdirSync(screenshotDir, { recursive: true });
	const path = join(screenshotDir, `${name}.png`);
	// Caret and animations off: the same screen gives the same picture.
	await target.screenshot({ path, animations: 'disabled', caret: 'hide' });
	process.stderr.write(`[ui] screenshot ${relative(repoRoot, path)}\n`);
	return path;
}

/** Runs `body`; if it throws, saves the page as `.cache/ui/failures/<name>.png` and rethrows. */
export async function onFailureScreenshot<T>(
	page: Page,
	name: string,
	body: () => Promise<T>,
): Promise<T> {
	try {
		return await body();
	} catch (error) {
		const dir = join(repoRoot, '.cache', 'ui', 'failures');
		mkdirSync(dir, { recursive: true });
		const path = join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
		await page.screenshot({ path }).catch(() => undefined);
		process.stderr.write(`[ui] failure screenshot ${relative(repoRoot, path)}\n`);
		throw error;
	}
}

/** A region of the page, in CSS pixels. */
export interface Clip {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Saves a PNG of one region of the page as `<screenshotDir>/<name>.png`. */
export async function saveScreenshotClip(page: Page, clip: Clip, name: string): Promise<string> {
	mkdirSync(screenshotDir, { recursive: true });
	const path = join(screenshotDir, `${name}.png`);
	await page.screenshot({ path, clip, animations: 'disabled', caret: 'hide' });
	process.stderr.write(`[ui] screenshot ${relative(repoRoot, path)}\n`);
	return path;
}

/** Saves a PNG of the page around `target` (its box plus `margin` px each side, within the viewport). */
export async function saveScreenshotAround(
	page: Page,
	target: Locator,
	name: string,
	margin = 48,
): Promise<string> {
	const box = await target.boundingBox();
	const viewport = page.viewportSize();
	if (!box || !viewport)
		throw new Error(`Cannot screenshot around an element that is not on screen (${name})`);
	const x = Math.max(0, Math.floor(box.x - margin));
	const y = Math.max(0, Math.floor(box.y - margin));
	return await saveScreenshotClip(
		page,
		{
			x,
			y,
			width: Math.min(viewport.width - x, Math.ceil(box.width + 2 * margin)),
			height: Math.min(viewport.height - y, Math.ceil(box.height + 2 * margin)),
		},
		name,
	);
}
