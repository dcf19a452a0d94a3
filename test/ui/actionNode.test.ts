/**
 * The NXCloud action node in the real editor: added through the node creator, then every resource
 * and operation of the BUILT node (dist/) selected in its panel, checking that the fields the
 * description shows for it appear (and no others), that option lists are complete, and that the
 * required fields left empty are flagged by n8n ("Parameter "X" is required.").
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import { NODE_TYPES } from '../support/e2e/paths';
import { startStandIn, type StandIn } from '../support/standin';
import { ConsoleWatch } from '../support/ui/consoleWatch';
import {
	addActionFromCreator,
	ndv,
	openNewWorkflow,
	parameterInput,
	selectOption,
} from '../support/ui/editor';
import {
	builtDescription,
	expectedPanel,
	property,
	staticOptions,
} from '../support/ui/nodeDescription';
import {
	assertPanel,
	canvasNodeOfType,
	requiredIssueLines,
	requiredIssues,
} from '../support/ui/panel';
import { onFailureScreenshot } from '../support/ui/screenshots';
import {
	N8N_EXPECTED_PROBLEMS,
	openEditorSession,
	type EditorSession,
} from '../support/ui/session';

const description = builtDescription('NxCloud');
const resources = staticOptions(property(description, 'resource'));
const operationsOf = (resource: string): INodePropertyOptions[] =>
	staticOptions(property(description, 'operation', { resource }));

let session: EditorSession;
let standIn: StandIn;

beforeAll(async () => {
	standIn = await startStandIn({
		accessKey: 'ak',
		accessSecret: 'as',
		callbotUuid: 'cu',
		callbotSecretKey: 'cs',
	});
	session = await openEditorSession();
	// One credential of the type exists, so n8n preselects it in the node (as a user would see it).
	await session.n8n.createCredential({
		name: 'NXCloud account',
		type: 'nxCloudApi',
		data: {
			accessKey: 'ak',
			accessSecret: 'as',
			openApiBaseUrl: standIn.url,
			callbotUuid: 'cu',
			callbotSecretKey: 'cs',
			callbotBaseUrl: standIn.url,
		},
	});
});

afterAll(async () => {
	await session?.close();
	await session?.n8n.cleanup();
	await standIn?.close();
});

test('the node creator lists the NXCloud actions and adds the node with the chosen operation', async () => {
	const { page, watch } = session;
	watch.phase('action node');
	await onFailureScreenshot(page, 'action-add', async () => {
		await openNewWorkflow(page);
		const first = resources[0];
		const operation = operationsOf(String(first.value))[0];
		await addActionFromCreator(page, 'NXCloud', 'NXCloud', operation.action ?? operation.name);
		// n8n set resource and operation from the action the user picked.
		await expect(
			parameterInput(page, 'resource').locator('input').first().inputValue(),
		).resolves.toBe(first.name);
		await expect(
			parameterInput(page, 'operation').locator('input').first().inputValue(),
		).resolves.toBe(operation.name);
		await expect(
			page.getByTestId('node-credentials-slot').locator('input').first().inputValue(),
		).resolves.toBe('NXCloud account');
	});
});

test('every resource and operation shows its fields, option lists and required markers', async () => {
	const { page, watch } = session;
	watch.phase('action node');
	const node = canvasNodeOfType(page, NODE_TYPES.action);
	const totals = {
		operations: 0,
		fields: 0,
		notices: 0,
		optionLists: 0,
		required: 0,
		dynamic: new Set<string>(),
	};
	await onFailureScreenshot(page, 'action-walk', async () => {
		for (const resource of resources) {
			if (!(await ndv(page).isVisible())) await node.dblclick();
			await selectOption(page, 'resource', resource.name);
			for (const operation of operationsOf(String(resource.value))) {
				if (!(await ndv(page).isVisible())) await node.dblclick();
				await selectOption(page, 'operation', operation.name);
				const chosen = { resource: String(resource.value), operation: String(operation.value) };
				const expected = expectedPanel(description, chosen);
				const where = `${resource.name} → ${operation.name}`;
				const check = await assertPanel(page, expected, where);
				const issues = await requiredIssues(page, node);
				expect({ where, issues }).toEqual({
					where,
					issues: requiredIssueLines(expected.requiredEmpty),
				});
				totals.operations += 1;
				totals.fields += check.fields;
				totals.notices += check.notices;
				totals.optionLists += check.optionLists;
				totals.required += expected.requiredEmpty.length;
				check.dynamicLists.forEach((name) => totals.dynamic.add(name));
			}
		}
	});
	const operationCount = resources.reduce((n, r) => n + operationsOf(String(r.value)).length, 0);
	expect(totals.operations).toBe(operationCount);
	process.stderr.write(
		`[ui] action walk: ${resources.length} resources, ${totals.operations} operations, ${totals.fields} fields, ${totals.notices} notices, ${totals.optionLists} option lists, ${totals.required} required-empty markers${totals.dynamic.size ? `; dynamic lists not opened: ${[...totals.dynamic].join(', ')}` : ''}\n`,
	);

	// 32 operations, a few seconds each in the editor (more on a loaded machine): past the
	// config's 3 minutes per test.
}, 600_000);

test('no browser console error came from the action node', () => {
	const ours = session.watch.ours(['action node'], N8N_EXPECTED_PROBLEMS);
	expect(ConsoleWatch.describe(ours)).toBe('');
});
