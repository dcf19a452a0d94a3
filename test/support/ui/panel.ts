import type { Locator, Page } from 'playwright-core';
import type { INodeProperties } from 'n8n-workflow';

import { closeNdv, dropdownOptionNames, ndv, parameterLabel } from './editor';
import { noticeStart, staticOptions, type ExpectedPanel } from './nodeDescription';

/** The canvas node of a node type (n8n renames nodes after their action, so names move). */
export function canvasNodeOfType(page: Page, type: string): Locator {
	return page.locator(`[data-test-id="canvas-node"][data-node-type="${type}"]`).first();
}

/** A parameter is on screen when its label is: by `for=<name>`, or by its display name. */
async function labelVisible(page: Page, p: INodeProperties): Promise<boolean> {
	// n8n draws a resource mapper's label only once it has fields; before (no template chosen yet)
	// it shows the mapper's container with the method's notice.
	if (p.type === 'resourceMapper')
		return await ndv(page).getByTestId('resource-mapper-container').first().isVisible();
	const byFor = parameterLabel(page, p.name);
	if ((await byFor.count()) > 0) return await byFor.first().isVisible();
	return await ndv(page)
		.getByTestId('node-parameters')
		.getByText(p.displayName, { exact: true })
		.first()
		.isVisible();
}

export interface PanelCheck {
	fields: number;
	notices: number;
	optionLists: number;
	/** Options parameters whose list comes from a loadOptions method (need a live account). */
	dynamicLists: string[];
}

/**
 * Asserts the open NDV shows exactly what the description says for the current values: every
 * visible field and notice, none of the hidden ones, and each static option list complete and in
 * order. Returns what it checked. Throws with the parameter's name on the first mismatch.
 */
export async function assertPanel(
	page: Page,
	expected: ExpectedPanel,
	where: string,
): Promise<PanelCheck> {
	const check: PanelCheck = { fields: 0, notices: 0, optionLists: 0, dynamicLists: [] };
	const panel = ndv(page).getByTestId('node-parameters');
	for (const field of expected.fields) {
		if (!(await labelVisible(page, field))) {
			throw new Error(
				`${where}: parameter "${field.displayName}" (${field.name}) should be visible but is not`,
			);
		}
		check.fields += 1;
	}
	for (const notice of expected.notices) {
		if (!(await panel.getByText(noticeStart(notice)).first().isVisible())) {
			throw new Error(
				`${where}: notice "${noticeStart(notice)}…" (${notice.name}) should be visible but is not`,
			);
		}
		check.notices += 1;
	}
	const shownNames = new Set(expected.fields.map((p) => p.name));
	for (const hidden of expected.absent) {
		// A hidden variant of a shown parameter (same name, other label, e.g. an upload's input
		// field and a download's output field) is recognised by its label, not by its name.
		const shown =
			hidden.type === 'notice'
				? await panel.getByText(noticeStart(hidden)).first().isVisible()
				: shownNames.has(hidden.name)
					? await panel.getByText(hidden.displayName, { exact: true }).first().isVisible()
					: (await parameterLabel(page, hidden.name).count()) > 0;
		if (shown)
			throw new Error(
				`${where}: parameter "${hidden.displayName}" (${hidden.name}) should be hidden but is shown`,
			);
	}
	for (const field of expected.fields) {
		if (field.type !== 'options' && field.type !== 'multiOptions') continue;
		if (field.typeOptions?.loadOptionsMethod || field.typeOptions?.loadOptions) {
			check.dynamicLists.push(field.name);
			continue;
		}
		const want = staticOptions(field).map((o) => o.name);
		const got = await dropdownOptionNames(page, field.name);
		if (JSON.stringify(got) !== JSON.stringify(want)) {
			throw new Error(
				`${where}: options of "${field.displayName}" are ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`,
			);
		}
		check.optionLists += 1;
	}
	return check;
}

/**
 * The issues n8n lists on the canvas node (hover its warning icon): "Parameter "X" is required."
 * for each required parameter left empty, credential issues, etc. [] when the node has none.
 */
export async function canvasNodeIssues(page: Page, node: Locator): Promise<string[]> {
	const icon = node.getByTestId('node-issues');
	if ((await icon.count()) === 0) return [];
	await icon.hover();
	// n8n 2.x draws it as a reka-ui tooltip: a titled list, heading "Issues", one <li> per issue.
	const tooltip = page
		.getByTestId('tooltip-content')
		.filter({ has: page.locator('.titled-list > p', { hasText: /^Issues$/ }) })
		.last();
	await tooltip.waitFor({ timeout: 5_000 });
	const lines = (await tooltip.locator('.titled-list-item').allInnerTexts())
		.map((line) => line.trim())
		.filter((line) => line !== '');
	await page.mouse.move(5, 5);
	return lines;
}

/** Required-parameter issues the canvas shows for a node, after closing its NDV. */
export async function requiredIssues(page: Page, node: Locator): Promise<string[]> {
	if (await ndv(page).isVisible()) await closeNdv(page);
	return (await canvasNodeIssues(page, node))
		.filter((line) => /^Parameter ".*" is required\.$/.test(line))
		.sort();
}

export function requiredIssueLines(fields: INodeProperties[]): string[] {
	return fields.map((p) => `Parameter "${p.displayName}" is required.`).sort();
}

/** The output labels a canvas node draws, in output order. */
export async function outputLabels(page: Page, node: Locator): Promise<string[]> {
	// Handles are drawn beside the node element, tagged with the node's name.
	const name = await node.getAttribute('data-node-name');
	const handles = page.locator(
		`[data-test-id="canvas-node-output-handle"][data-node-name="${name}"]`,
	);
	const count = await handles.count();
	const labels: Array<[number, string]> = [];
	for (let i = 0; i < count; i++) {
		const handle = handles.nth(i);
		labels.push([
			Number(await handle.getAttribute('data-index')),
			(await handle.innerText()).trim(),
		]);
	}
	return labels.sort((a, b) => a[0] - b[0]).map(([, label]) => label);
}
