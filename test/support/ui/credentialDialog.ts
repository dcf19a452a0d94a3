import type { N8nClient } from '../e2e/n8nClient';
import type { Locator, Page } from 'playwright-core';

/** The credential dialog n8n opens from a node's "Connect to …" / "Create new credential". */
export function credentialDialog(page: Page): Locator {
	return page.getByTestId('editCredential-modal');
}

/** From the open NDV, opens the dialog for a new credential of the node's credential type. */
export async function openNewCredentialDialog(page: Page): Promise<Locator> {
	const slot = page.getByTestId('node-credentials-slot');
	const connect = slot
		.getByRole('button', { name: /Connect to|Create new credential|Set up credential/i })
		.first();
	if (await connect.isVisible()) {
		await connect.click();
	} else {
		// A node that already has a credential shows a select with "Create new credential" inside.
		await slot.getByTestId('node-credentials-select').click();
		await page.getByText('Create new credential').click();
	}
	const dialog = credentialDialog(page);
	await dialog.waitFor();
	await dialog.getByTestId('credential-connection-parameter').first().waitFor();
	return dialog;
}

/** Fills a string field of the credential dialog (`parameter-input-<name>`). */
export async function fillCredentialField(
	dialog: Locator,
	name: string,
	value: string,
): Promise<void> {
	const input = dialog.getByTestId(`parameter-input-${name}`).locator('input, textarea').first();
	await input.fill(value);
}

/** Saves; n8n then runs the credential's test and shows a success or failure banner. */
export async function saveCredential(dialog: Locator): Promise<void> {
	await dialog.getByTestId('credential-save-button').click();
}

export function testSuccessBanner(dialog: Locator): Locator {
	return dialog.getByTestId('credentials-config-container-test-success');
}

/** The failure banner: n8n's "Couldn't connect with these settings" with the test's message. */
export function testErrorBanner(dialog: Locator): Locator {
	return dialog
		.locator(
			'[data-test-id="credentials-config-container-test-error"], .n8n-callout--danger, [class*="danger"]',
		)
		.filter({ hasText: /Couldn.t connect|refused|error/i })
		.first();
}

export async function closeCredentialDialog(page: Page): Promise<void> {
	const dialog = credentialDialog(page);
	await dialog
		.locator('.el-dialog__headerbtn, .el-dialog__close, [aria-label="Close this dialog"]')
		.first()
		.click();
	await dialog.waitFor({ state: 'hidden' });
}

/** Gives the credential being edited a name (the dialog's title is an inline edit). */
export async function renameCredential(dialog: Locator, name: string): Promise<void> {
	await dialog.getByTestId('credential-name').click();
	const input = dialog.getByTestId('credential-name').getByTestId('inline-edit-input');
	await input.fill(name);
	await input.press('Enter');
}

/** Removes credentials the UI created (n8nClient only tracks those it created itself). */
export async function deleteCredentialsNamed(n8n: N8nClient, name: string): Promise<void> {
	const response = await n8n.rest('GET', '/credentials');
	const list =
		(response.json as { data?: Array<{ id: string; name: string }> } | undefined)?.data ?? [];
	for (const credential of list.filter((c) => c.name === name))
		await n8n.deleteCredential(credential.id);
}
