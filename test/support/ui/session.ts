import type { Page } from 'playwright-core';

import { getN8n, type N8nClient } from '../e2e/n8nClient';
import { launchEditorBrowser, type EditorBrowser } from './browser';
import { ConsoleWatch } from './consoleWatch';
import { signIn } from './editor';

export interface EditorSession {
	n8n: N8nClient;
	browser: EditorBrowser;
	page: Page;
	watch: ConsoleWatch;
	close(): Promise<void>;
}

/**
 * n8n's own noise that is not about our nodes: before sign-in the editor asks `/rest/login`
 * whether a session exists and gets 401.
 */
export const N8N_EXPECTED_PROBLEMS = [/\/rest\/login\b/];

/** A fresh Chromium, signed in to the n8n that globalSetup started, as its owner. */
export async function openEditorSession(
	options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<EditorSession> {
	const n8n = getN8n();
	const browser = await launchEditorBrowser(n8n.connection.baseUrl, options);
	const watch = new ConsoleWatch(browser.page, new URL(n8n.connection.baseUrl).origin);
	watch.phase('sign-in');
	try {
		await signIn(browser.page, n8n.connection.ownerEmail, n8n.connection.ownerPassword);
	} catch (error) {
		// No session is returned, so afterAll cannot close this Chromium: close it here, or jest
		// waits on it forever.
		await browser.close();
		throw error;
	}
	return { n8n, browser, page: browser.page, watch, close: () => browser.close() };
}
