/**
 * The NXCloud Trigger in the real editor: added through the node creator; both webhook URLs and
 * the setup notice shown; every source and setting of the BUILT trigger (dist/) walked as for the
 * action node. The outputs on the canvas: triggerOutputs.test.ts; the README pictures:
 * screenshots.test.ts.
 */
import { NODE_TYPES } from '../support/e2e/paths';
import { ConsoleWatch } from '../support/ui/consoleWatch';
import { addTriggerFromCreator, ndv, openNewWorkflow, selectOption } from '../support/ui/editor';
import {
	builtDescription,
	expectedPanel,
	property,
	staticOptions,
} from '../support/ui/nodeDescription';
import { assertPanel, canvasNodeOfType } from '../support/ui/panel';
import { onFailureScreenshot } from '../support/ui/screenshots';
import {
	N8N_EXPECTED_PROBLEMS,
	openEditorSession,
	type EditorSession,
} from '../support/ui/session';

const description = builtDescription('NxCloudTrigger');
const sources = staticOptions(property(description, 'source'));
const signatureChecks = staticOptions(property(description, 'signatureCheck'));

let session: EditorSession;

beforeAll(async () => {
	session = await openEditorSession();
});

afterAll(async () => {
	await session?.close();
	await session?.n8n.cleanup();
});

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

test('the trigger shows its test and production webhook URLs and the setup notice', async () => {
	const { page, watch, n8n } = session;
	watch.phase('trigger node');
	await onFailureScreenshot(page, 'trigger-urls', async () => {
		await openNewWorkflow(page);
		await addTriggerFromCreator(page, 'NXCloud', 'NXCloud', 'On new NXCloud event');
		const webhooks = ndv(page).locator('.webhooks');
		await webhooks.locator('.headline').click();
		const url = webhooks.locator('.webhook-url');
		const base = n8n.connection.baseUrl.replace(/\/$/, '').replace(/[.]/g, '\\.');

		await webhooks.getByTestId('radio-button-test').click();
		const testUrl = (await url.innerText()).trim();
		expect(testUrl).toMatch(new RegExp(`^${base}/webhook-test/${UUID}/webhook$`));
		await expect(webhooks.locator('.http-method').innerText()).resolves.toMatch(/^POST/);

		await webhooks.getByTestId('radio-button-production').click();
		const productionUrl = (await url.innerText()).trim();
		expect(productionUrl).toMatch(new RegExp(`^${base}/webhook/${UUID}/webhook$`));
		// Same webhook ID in both: they are the two URLs of this one node.
		expect(productionUrl.split('/').slice(-2)[0]).toBe(testUrl.split('/').slice(-2)[0]);

		// The setup notice of the default source tells where the Production URL goes.
		const defaults = expectedPanel(description, {});
		expect(defaults.notices.length).toBeGreaterThan(0);
		await assertPanel(page, defaults, 'trigger defaults');
	});
});

test('every source and signature setting shows its fields, notices and option lists', async () => {
	const { page, watch } = session;
	watch.phase('trigger node');
	const node = canvasNodeOfType(page, NODE_TYPES.trigger);
	let fields = 0;
	let notices = 0;
	let optionLists = 0;
	await onFailureScreenshot(page, 'trigger-walk', async () => {
		for (const source of sources) {
			if (!(await ndv(page).isVisible())) await node.dblclick();
			await selectOption(page, 'source', source.name);
			for (const signatureCheck of signatureChecks) {
				await selectOption(page, 'signatureCheck', signatureCheck.name);
				const chosen = {
					source: String(source.value),
					signatureCheck: String(signatureCheck.value),
				};
				const check = await assertPanel(
					page,
					expectedPanel(description, chosen),
					`${source.name}, ${signatureCheck.name}`,
				);
				fields += check.fields;
				notices += check.notices;
				optionLists += check.optionLists;
			}
			await selectOption(page, 'signatureCheck', signatureChecks[0].name);
		}
	});
	process.stderr.write(
		`[ui] trigger walk: ${sources.length} sources × ${signatureChecks.length} signature settings, ${fields} fields, ${notices} notices, ${optionLists} option lists\n`,
	);
});

test('no browser console error came from the trigger', () => {
	const ours = session.watch.ours(['trigger node'], N8N_EXPECTED_PROBLEMS);
	expect(ConsoleWatch.describe(ours)).toBe('');
});
