import type { Locator, Page } from 'playwright-core';

/**
 * Steps in n8n's editor (2.41), located by the data-test-id attributes n8n's own Playwright
 * suite uses (packages/testing/playwright/pages in the n8n repository).
 */

/** Signs in through the form, as a user would; resolves once the home page shows. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/signin');
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(email);
	await page.getByTestId('password').locator('input').fill(password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL(/\/(home|workflows?)\b/, { timeout: 60_000 });
}

/** Opens an empty, unsaved workflow and waits for the canvas. */
export async function openNewWorkflow(page: Page): Promise<void> {
	await page.goto('/workflow/new');
	await page.getByTestId('canvas-plus-button').waitFor({ timeout: 60_000 });
}

/** Opens a saved workflow and waits for its nodes on the canvas. */
export async function openWorkflow(page: Page, id: string): Promise<void> {
	await page.goto(`/workflow/${id}`);
	await page.getByTestId('canvas-node').first().waitFor({ timeout: 60_000 });
}

export function nodeCreator(page: Page): Locator {
	return page.getByTestId('node-creator');
}

/**
 * In the node creator: searches `search`, opens the app named `app` (n8n groups a package's action
 * node and trigger under one app entry) and returns the creator, showing its triggers and actions.
 */
export async function openAppInNodeCreator(
	page: Page,
	search: string,
	app: string,
): Promise<Locator> {
	const creator = nodeCreator(page);
	if (!(await creator.isVisible())) await page.getByTestId('canvas-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill(search);
	await creator
		.getByTestId('item-iterator-item')
		.filter({ has: page.getByTestId('node-creator-item-name').getByText(app, { exact: true }) })
		.first()
		.click();
	await creator.getByTestId('node-creator-category-item').first().waitFor();
	return creator;
}

/** Adds the app's trigger named `triggerText` to an empty workflow; its NDV opens. */
export async function addTriggerFromCreator(
	page: Page,
	search: string,
	app: string,
	triggerText: string,
): Promise<void> {
	const creator = await openAppInNodeCreator(page, search, app);
	await creator.getByTestId('item-iterator-item').filter({ hasText: triggerText }).first().click();
	await ndv(page).waitFor();
}

/**
 * Adds the app's action named `actionText` (e.g. "Ping Callbot") to an empty workflow: n8n puts a
 * manual trigger in front of it and opens the action's NDV.
 */
export async function addActionFromCreator(
	page: Page,
	search: string,
	app: string,
	actionText: string,
): Promise<void> {
	const creator = await openAppInNodeCreator(page, search, app);
	const actions = creator.getByTestId('node-creator-category-item').filter({ hasText: /^Actions/ });
	// The Actions category starts collapsed when the creator was opened for a trigger.
	const action = creator.getByTestId('item-iterator-item').filter({ hasText: actionText }).first();
	if (!(await action.isVisible())) await actions.click();
	await action.click();
	await ndv(page).waitFor();
}

export function ndv(page: Page): Locator {
	return page.getByTestId('ndv');
}

export async function closeNdv(page: Page): Promise<void> {
	await page.getByTestId('ndv-close-button').click();
	await ndv(page).waitFor({ state: 'hidden' });
}

/** Opens a node's NDV from the canvas by double-clicking it. */
export async function openNodeOnCanvas(page: Page, nodeName: string): Promise<void> {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`).dblclick();
	await ndv(page).waitFor();
}

/** The input of a parameter (`parameter-input-<name>`) inside the open NDV. */
export function parameterInput(page: Page, name: string): Locator {
	return ndv(page).getByTestId(`parameter-input-${name}`);
}

/** The label n8n draws above a parameter, found through its `for` attribute. */
export function parameterLabel(page: Page, name: string): Locator {
	return ndv(page).locator(`label[for="${name}"]`);
}

/** The open dropdown list of a select (Element Plus renders it in a popper outside the NDV). */
export function openDropdown(page: Page): Locator {
	return page.locator('.el-select-dropdown:visible, .el-popper:visible [role="listbox"]').last();
}

/** Option texts of a select parameter, read by opening it (and closing it again). */
export async function dropdownOptionNames(page: Page, name: string): Promise<string[]> {
	await parameterInput(page, name).click();
	const list = openDropdown(page);
	await list.getByRole('option').first().waitFor();
	const names = (await list.getByRole('option').allInnerTexts()).map(cleanOptionText);
	await page.keyboard.press('Escape');
	await list.waitFor({ state: 'hidden' }).catch(() => undefined);
	return names;
}

/** Chooses the option whose name is `optionName` in a select parameter. */
export async function selectOption(page: Page, name: string, optionName: string): Promise<void> {
	await parameterInput(page, name).click();
	const list = openDropdown(page);
	await list
		.getByRole('option')
		.filter({ has: page.getByText(optionName, { exact: true }) })
		.first()
		.click();
	await list.waitFor({ state: 'hidden' }).catch(() => undefined);
}

/** An option shows its name and, below, its description; the name is the first line. */
function cleanOptionText(text: string): string {
	return text.split('\n')[0].trim();
}

/** Closes n8n's toasts ("Credential saved" …) so they do not cover a screenshot. */
export async function dismissToasts(page: Page): Promise<void> {
	const close = page.locator('.el-notification:visible .el-notification__closeBtn');
	for (let i = await close.count(); i > 0; i--)
		await close
			.first()
			.click()
			.catch(() => undefined);
	await page
		.locator('.el-notification:visible')
		.first()
		.waitFor({ state: 'hidden', timeout: 5_000 })
		.catch(() => undefined);
}
