/**
 * The README screenshots (docs/screenshots/, retaken by `npm run screenshots`), each taken only
 * after the editor shows what the picture is meant to prove: the trigger with its credential and
 * no issue badge, on its Test URL with the setup notice; the Import with its fields mapped from the
 * previous node's items; the credential dialog with both parts and the default base URLs, and
 * how a refused test reads; the node creator's NXCloud actions in both themes. Every wait is on
 * the editor's own state, never a sleep, so a rerun gives the same pictures.
 */
import type { Locator, Page } from 'playwright-core';

import { NODE_TYPES } from '../support/e2e/paths';
import { startStandIn, type StandIn } from '../support/standin';
import { ConsoleWatch } from '../support/ui/consoleWatch';
import {
	closeCredentialDialog,
	deleteCredentialsNamed,
	fillCredentialField,
	openNewCredentialDialog,
	renameCredential,
	saveCredential,
	testSuccessBanner,
} from '../support/ui/credentialDialog';
import {
	closeNdv,
	dismissToasts,
	ndv,
	nodeCreator,
	openNodeOnCanvas,
	openWorkflow,
} from '../support/ui/editor';
import { createEditorWorkflow } from '../support/ui/editorWorkflows';
import {
	HERO_CONTACTS,
	HERO_WEBHOOK_ID,
	actionName,
	mappedImportWorkflow,
	triggerWorkflow,
	type CredentialRef,
} from '../support/ui/heroWorkflows';
import {
	builtCredentialDefaults,
	builtDescription,
	builtTriggerOutputNames,
	expectedPanel,
	property,
	staticOptions,
} from '../support/ui/nodeDescription';
import { canvasNodeIssues, canvasNodeOfType, outputLabels } from '../support/ui/panel';
import {
	onFailureScreenshot,
	saveScreenshot,
	saveScreenshotAround,
	saveScreenshotClip,
	type Clip,
} from '../support/ui/screenshots';
import {
	N8N_EXPECTED_PROBLEMS,
	openEditorSession,
	type EditorSession,
} from '../support/ui/session';

const ACCOUNT = {
	accessKey: 'ui-access-key',
	accessSecret: 'ui-access-secret-0123456789',
	callbotUuid: 'ui-callbot-uuid',
	callbotSecretKey: 'ui-callbot-secret-0123456789',
};
const CREDENTIAL_NAME = 'NXCloud account';
/** The credential the refused-test picture saves; deleted again afterwards. */
const REFUSED_NAME = 'NXCloud account (wrong secret)';
const IMPORT_NAME = actionName('callbotCallList', 'importBatch');
const TRIGGER_NAME = builtDescription('NxCloudTrigger').defaults.name ?? 'NXCloud Trigger';

let session: EditorSession;
let standIn: StandIn;
let credential: CredentialRef;
let importWorkflowId = '';
let triggerWorkflowId = '';
const workflowIds: string[] = [];

beforeAll(async () => {
	standIn = await startStandIn(ACCOUNT);
	session = await openEditorSession();
	// The nodes' credential points at the stand-in: nothing on screen may try to reach NXCloud.
	const id = await session.n8n.createCredential({
		name: CREDENTIAL_NAME,
		type: 'nxCloudApi',
		data: { ...ACCOUNT, openApiBaseUrl: standIn.url, callbotBaseUrl: standIn.url },
	});
	credential = { id, name: CREDENTIAL_NAME };
});

afterAll(async () => {
	await session?.close();
	if (session) {
		for (const id of workflowIds) await session.n8n.deleteWorkflow(id).catch(() => undefined);
		await deleteCredentialsNamed(session.n8n, REFUSED_NAME).catch(() => undefined);
		await session.n8n.cleanup();
	}
	await standIn?.close();
});

/** The pointer off every node and button, so no hover state or tooltip gets into a picture. */
async function settle(page: Page): Promise<void> {
	await dismissToasts(page);
	await page.mouse.move(1, 1);
}

async function credentialSelected(page: Page): Promise<string> {
	return await page.getByTestId('node-credentials-slot').locator('input').first().inputValue();
}

/** Opens the workflow with the trigger alone. */
async function openTriggerWorkflow(page: Page): Promise<void> {
	if (!triggerWorkflowId) {
		triggerWorkflowId = await createEditorWorkflow(
			session.n8n,
			triggerWorkflow('NXCloud Trigger', credential),
		);
		workflowIds.push(triggerWorkflowId);
	}
	await openWorkflow(page, triggerWorkflowId);
}

/** Opens the workflow with the mapped Import and the Import's panel. */
async function openImport(page: Page): Promise<void> {
	if (!importWorkflowId) {
		importWorkflowId = await createEditorWorkflow(
			session.n8n,
			mappedImportWorkflow('Import contacts', credential),
		);
		workflowIds.push(importWorkflowId);
	}
	await openWorkflow(page, importWorkflowId);
	await openNodeOnCanvas(page, IMPORT_NAME);
	await expect(credentialSelected(page)).resolves.toBe(CREDENTIAL_NAME);
}

test('trigger: credential chosen, no issue badge, Test URL and setup notice (trigger-panel, trigger-outputs)', async () => {
	const { page, watch } = session;
	watch.phase('screenshots');
	await onFailureScreenshot(page, 'hero-trigger', async () => {
		await openTriggerWorkflow(page);
		const node = canvasNodeOfType(page, NODE_TYPES.trigger);

		await openNodeOnCanvas(page, TRIGGER_NAME);
		await expect(credentialSelected(page)).resolves.toBe(CREDENTIAL_NAME);
		const webhooks = ndv(page).locator('.webhooks');
		const url = webhooks.locator('.webhook-url');
		if (!(await url.isVisible())) await webhooks.locator('.headline').click();
		await webhooks.getByTestId('radio-button-test').click();
		await expect(url.innerText()).resolves.toMatch(
			new RegExp(`/webhook-test/${HERO_WEBHOOK_ID}/webhook\\s*$`),
		);
		const [notice] = expectedPanel(builtDescription('NxCloudTrigger'), {}).notices;
		await ndv(page)
			.getByTestId('node-parameters')
			.getByText(notice.displayName.slice(0, 60))
			.first()
			.waitFor();
		await settle(page);
		await saveScreenshot(page, 'trigger-panel');

		await closeNdv(page);
		// No warning badge: the credential is set and nothing required is empty.
		expect(await canvasNodeIssues(page, node)).toEqual([]);
		expect(await outputLabels(page, node)).toEqual(builtTriggerOutputNames('whatsapp', 'perType'));
		await page.getByTestId('zoom-to-fit').click();
		await settle(page);
		// The node's box plus its output labels and plus buttons, which stick out to the right.
		await saveScreenshotAround(page, node, 'trigger-outputs', 140);
	});
});

test('action: Import with its number fields mapped from the previous node (action-node)', async () => {
	const { page, watch } = session;
	watch.phase('screenshots');
	await onFailureScreenshot(page, 'hero-action', async () => {
		await openImport(page);
		// The input panel shows the contacts the fields are mapped from, the parameters the
		// mapping, and n8n found nothing to flag on the node.
		const input = ndv(page).getByTestId('ndv-input-panel');
		await input.getByText(HERO_CONTACTS[0].company).first().waitFor();
		await ndv(page).getByTestId('parameter-input-phone').getByText('$json.phone').first().waitFor();
		await settle(page);
		await saveScreenshot(page, 'action-node');
		await closeNdv(page);
		expect(await canvasNodeIssues(page, canvasNodeOfType(page, NODE_TYPES.action))).toEqual([]);
	});
});

/** The parts of a DOM element used here (the test tsconfig has no DOM library). */
interface ElementLike {
	scrollHeight: number;
	clientHeight: number;
	style: Record<string, string>;
	querySelectorAll(selector: string): Iterable<ElementLike>;
}

/**
 * Shows the whole dialog in one picture. n8n gives the credential dialog a fixed height and
 * scrolls its content; for the screenshot, every box of the dialog that scrolls (and the dialog
 * itself) takes its content's height instead, and the window grows if the dialog no longer fits.
 * Nothing inside changes: the same fields, in the same layout, one under the other.
 */
async function unscrollDialog(page: Page, dialog: Locator): Promise<void> {
	await page.evaluate('document.activeElement && document.activeElement.blur()');
	await dialog.evaluate((root: ElementLike) => {
		for (const el of [root, ...root.querySelectorAll('*')]) {
			if (el !== root && el.scrollHeight <= el.clientHeight) continue;
			el.style.height = 'auto';
			el.style.maxHeight = 'none';
			el.style.overflow = 'visible';
		}
	});
	// The editor centres the dialog; grow the window until all of it is inside, both edges.
	for (let attempt = 0; attempt < 4; attempt++) {
		await page.evaluate(
			'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))',
		);
		const box = await dialog.boundingBox();
		const viewport = page.viewportSize();
		if (!box || !viewport) throw new Error('The credential dialog is not on screen');
		const missing = Math.max(0, -box.y) + Math.max(0, box.y + box.height - viewport.height);
		if (missing === 0) break;
		await page.setViewportSize({
			width: viewport.width,
			height: viewport.height + Math.ceil(missing) + 48,
		});
	}
	// Boxes that still scroll by more than a few pixels (an input's own overflow is not content).
	const hidden = await dialog.evaluate((root: ElementLike) =>
		Math.max(
			...[root, ...root.querySelectorAll('*')].map((el) => el.scrollHeight - el.clientHeight),
		),
	);
	if (hidden > 8) throw new Error(`The credential dialog still hides ${hidden}px of its content`);
}

test('credential dialog: both parts with the default base URLs, and a refused test (credential-dialog, credential-dialog-refused)', async () => {
	const { page, watch } = session;
	watch.phase('screenshots');
	const viewport = page.viewportSize();
	const defaults = builtCredentialDefaults();
	try {
		await onFailureScreenshot(page, 'hero-credential', async () => {
			await openImport(page);
			const dialog = await openNewCredentialDialog(page);
			await renameCredential(dialog, CREDENTIAL_NAME);
			await fillCredentialField(dialog, 'accessKey', ACCOUNT.accessKey);
			await fillCredentialField(dialog, 'accessSecret', ACCOUNT.accessSecret);
			await fillCredentialField(dialog, 'callbotUuid', ACCOUNT.callbotUuid);
			await fillCredentialField(dialog, 'callbotSecretKey', ACCOUNT.callbotSecretKey);
			// Not saved (saving would test it against the real NXCloud): what a user sees filling it in.
			for (const field of ['openApiBaseUrl', 'callbotBaseUrl'])
				await expect(
					dialog.getByTestId(`parameter-input-${field}`).locator('input').first().inputValue(),
				).resolves.toBe(defaults[field]);
			await unscrollDialog(page, dialog);
			await settle(page);
			await saveScreenshot(dialog, 'credential-dialog');
			await closeCredentialDialog(page);
			if (viewport) await page.setViewportSize(viewport);

			// The stand-in refuses a wrong secret as NXCloud does; n8n shows our message under More details.
			const refused = await openNewCredentialDialog(page);
			await renameCredential(refused, REFUSED_NAME);
			await fillCredentialField(refused, 'accessKey', ACCOUNT.accessKey);
			await fillCredentialField(refused, 'accessSecret', 'not-the-secret');
			await fillCredentialField(refused, 'openApiBaseUrl', standIn.url);
			await saveCredential(refused);
			await refused.getByText('More details').click();
			await refused
				.getByText(/Open Platform part refused \(code 1003\)/)
				.first()
				.waitFor({ timeout: 30_000 });
			expect(await testSuccessBanner(refused).isVisible()).toBe(false);
			await settle(page);
			await saveScreenshot(refused, 'credential-dialog-refused');
			await closeCredentialDialog(page);
			// n8n gave the Import this credential when it was saved: give it back the working one.
			await deleteCredentialsNamed(session.n8n, REFUSED_NAME);
		});
	} finally {
		if (viewport) await page.setViewportSize(viewport);
	}
});

/**
 * The node creator from its top down to the last entry the window shows whole: the list is
 * longer than any window, and a picture must not end in half a line.
 */
async function wholeItemsClip(page: Page, creator: Locator): Promise<Clip> {
	const box = await creator.boundingBox();
	const viewport = page.viewportSize();
	if (!box || !viewport) throw new Error('The node creator is not on screen');
	const bottom = Math.min(box.y + box.height, viewport.height);
	const entries = creator.locator(
		'[data-test-id="item-iterator-item"], [data-test-id="node-creator-category-item"], [class*="categoryLabel"], [class*="subcategory"]',
	);
	let last = box.y;
	for (const entry of await entries.all()) {
		const entryBox = await entry.boundingBox();
		if (entryBox && entryBox.y + entryBox.height <= bottom)
			last = Math.max(last, entryBox.y + entryBox.height);
	}
	return {
		x: Math.floor(box.x),
		y: Math.floor(box.y),
		width: Math.ceil(box.width),
		height: Math.ceil(Math.min(bottom, last + 8) - Math.floor(box.y)),
	};
}

for (const theme of ['light', 'dark'] as const) {
	test(`node creator: the NXCloud actions in the ${theme} theme (node-creator-${theme})`, async () => {
		const { page, watch } = session;
		watch.phase('screenshots');
		await onFailureScreenshot(page, `hero-node-creator-${theme}`, async () => {
			await page.emulateMedia({ colorScheme: theme });
			await openTriggerWorkflow(page);
			// From a workflow that has a trigger, the creator offers actions.
			await page.getByTestId('node-creator-plus-button').click();
			const creator = nodeCreator(page);
			await page.getByTestId('node-creator-search-bar').fill('NXCloud');
			await creator
				.getByTestId('item-iterator-item')
				.filter({
					has: page.getByTestId('node-creator-item-name').getByText('NXCloud', { exact: true }),
				})
				.first()
				.click();
			const description = builtDescription('NxCloud');
			const firstResource = staticOptions(property(description, 'resource'))[0];
			const [firstAction] = staticOptions(
				property(description, 'operation', { resource: String(firstResource.value) }),
			);
			await creator
				.getByTestId('item-iterator-item')
				.filter({ hasText: firstAction.action ?? firstAction.name })
				.first()
				.waitFor();
			await page.waitForFunction(
				'[...document.querySelectorAll(\'img[src*="n8n-nodes-nxcloud"]\')].every((img) => img.complete && img.naturalWidth > 0)',
			);
			await settle(page);
			await saveScreenshotClip(page, await wholeItemsClip(page, creator), `node-creator-${theme}`);
			await page.keyboard.press('Escape');
		});
	});
}

test('no browser console error came from our nodes while taking the screenshots', () => {
	const ours = session.watch.ours(['screenshots'], N8N_EXPECTED_PROBLEMS);
	expect(ConsoleWatch.describe(ours)).toBe('');
});
