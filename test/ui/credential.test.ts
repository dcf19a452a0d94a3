/**
 * The credential dialog in the real editor: n8n runs our credential's `test` request (server side)
 * against the stand-in NXCloud when the user saves, and shows the outcome in the dialog.
 */
import { startStandIn, type StandIn } from '../support/standin';
import { ConsoleWatch } from '../support/ui/consoleWatch';
import {
	credentialDialog,
	closeCredentialDialog,
	fillCredentialField,
	deleteCredentialsNamed,
	openNewCredentialDialog,
	renameCredential,
	saveCredential,
	testSuccessBanner,
} from '../support/ui/credentialDialog';
import { addActionFromCreator, openNewWorkflow } from '../support/ui/editor';
import { builtDescription, property, staticOptions } from '../support/ui/nodeDescription';
import { onFailureScreenshot } from '../support/ui/screenshots';
import {
	N8N_EXPECTED_PROBLEMS,
	openEditorSession,
	type EditorSession,
} from '../support/ui/session';

/** The Callbot Ping action's name, as the built node description gives it to the node creator. */
const PING_ACTION = String(
	staticOptions(property(builtDescription('NxCloud'), 'operation', { resource: 'callbot' })).find(
		(o) => o.value === 'ping',
	)?.action,
);

const ACCOUNT = {
	accessKey: 'ui-access-key',
	accessSecret: 'ui-access-secret-0123456789',
	callbotUuid: 'ui-callbot-uuid',
	callbotSecretKey: 'ui-callbot-secret-0123456789',
};

// Each jest run has its own n8n, so a plain name is unique there.
const credentialName = 'NXCloud account';
let session: EditorSession;
let standIn: StandIn;

beforeAll(async () => {
	standIn = await startStandIn(ACCOUNT);
	session = await openEditorSession();
	await deleteCredentialsNamed(session.n8n, credentialName);
});

afterAll(async () => {
	await session?.close();
	await standIn?.close();
	if (session) await deleteCredentialsNamed(session.n8n, credentialName);
});

test('the dialog opened from the NXCloud node tests the credential against NXCloud: success, then a wrong secret is refused', async () => {
	const { page, watch } = session;
	watch.phase('credential dialog');
	await onFailureScreenshot(page, 'credential-dialog', async () => {
		await openNewWorkflow(page);
		await addActionFromCreator(page, 'NXCloud', 'NXCloud', PING_ACTION);

		const dialog = await openNewCredentialDialog(page);
		await renameCredential(dialog, credentialName);
		await fillCredentialField(dialog, 'accessKey', ACCOUNT.accessKey);
		await fillCredentialField(dialog, 'accessSecret', 'not-the-secret');
		await fillCredentialField(dialog, 'openApiBaseUrl', standIn.url);
		await fillCredentialField(dialog, 'callbotUuid', ACCOUNT.callbotUuid);
		await fillCredentialField(dialog, 'callbotSecretKey', ACCOUNT.callbotSecretKey);
		await fillCredentialField(dialog, 'callbotBaseUrl', standIn.url);

		// Wrong secret: NXCloud refuses the signature, n8n shows our rule's message and keeps the dialog open.
		await saveCredential(dialog);
		await dialog
			.getByText("Couldn't connect with these settings")
			.or(dialog.getByText('Couldn’t connect with these settings'))
			.first()
			.waitFor({ timeout: 30_000 });
		await dialog.getByText('More details').click();
		await dialog
			.getByText(/Open Platform part refused \(code 1003\): Invalid signature/)
			.first()
			.waitFor({ timeout: 30_000 });
		expect(await testSuccessBanner(dialog).isVisible()).toBe(false);
		expect(standIn.lastRequest('/api/wa/calling/get')?.code).toBe(1003);

		// Right secret: the test passes and n8n closes the dialog, the node now uses the credential.
		standIn.clearRequests();
		await fillCredentialField(dialog, 'accessSecret', ACCOUNT.accessSecret);
		await saveCredential(dialog);
		await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
		const probe = standIn.lastRequest('/api/wa/calling/get');
		expect(probe).toBeDefined();
		// Accepted signature: a business answer (phone error / not bound), not an auth code 1001–1005.
		expect(probe?.code).toBeDefined();
		expect([1001, 1002, 1003, 1004, 1005]).not.toContain(probe?.code);
		await expect(
			page.getByTestId('node-credentials-slot').locator('input').first().inputValue(),
		).resolves.toBe(credentialName);

		// Reopened, the dialog tests the saved credential again and shows the success tag.
		await page.getByTestId('node-credentials-slot').getByTestId('credential-edit-button').click();
		const reopened = credentialDialog(page);
		await testSuccessBanner(reopened).waitFor({ timeout: 30_000 });
		await closeCredentialDialog(page);
		expect(await credentialDialog(page).isVisible()).toBe(false);
	});
});

test('no browser console error came from our nodes or credential', () => {
	const ours = session.watch.ours(['credential dialog'], N8N_EXPECTED_PROBLEMS);
	expect(ConsoleWatch.describe(ours)).toBe('');
});
