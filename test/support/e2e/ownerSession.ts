import { randomBytes } from 'node:crypto';

import { expectOk, http, type HttpResponse } from './http';

/**
 * The public API scopes the e2e tests use (names from @n8n/permissions OWNER_API_KEY_SCOPES in
 * n8n 2.41; an unknown name makes POST /rest/api-keys fail, so createApiKey asks only for those
 * the running n8n offers: n8n 1.x lacks execution:stop, credential:update and credential:list).
 */
export const E2E_API_KEY_SCOPES = [
	'workflow:create',
	'workflow:read',
	'workflow:update',
	'workflow:delete',
	'workflow:list',
	'workflow:activate',
	'workflow:deactivate',
	'execution:read',
	'execution:list',
	'execution:delete',
	'execution:stop',
	'credential:create',
	'credential:update',
	'credential:delete',
	'credential:list',
];

/** A password n8n's policy accepts (8+ characters, a digit, an upper-case letter). */
export function generatePassword(): string {
	return `Nx-${randomBytes(12).toString('base64url')}-9A`;
}

function authCookie(response: HttpResponse): string {
	const setCookie = response.headers['set-cookie'];
	const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
	const auth = cookies.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
	if (!auth) throw new Error(`n8n sent no n8n-auth cookie (HTTP ${response.status})`);
	return auth;
}

export interface OwnerSession {
	cookie: string;
	browserId: string;
}

/** n8n binds the session cookie to the `browser-id` header; every REST call must repeat it. */
export function restHeaders(session: OwnerSession): Record<string, string> {
	return { cookie: session.cookie, 'browser-id': session.browserId };
}

/** Whether the instance still waits for its owner (the first start of a user folder). */
export async function needsOwnerSetup(baseUrl: string): Promise<boolean> {
	const settings = expectOk(await http(`${baseUrl}/rest/settings`), 'GET /rest/settings');
	const data = (settings.json as { data?: { userManagement?: { showSetupOnFirstLoad?: boolean } } })
		.data;
	return data?.userManagement?.showSetupOnFirstLoad === true;
}

export async function setupOwner(
	baseUrl: string,
	owner: { email: string; password: string; firstName: string; lastName: string },
): Promise<void> {
	expectOk(
		await http(`${baseUrl}/rest/owner/setup`, {
			method: 'POST',
			body: owner,
			headers: { 'browser-id': 'setup' },
		}),
		'POST /rest/owner/setup',
	);
}

export async function login(
	baseUrl: string,
	email: string,
	password: string,
): Promise<OwnerSession> {
	const browserId = `nxcloud-${randomBytes(8).toString('hex')}`;
	const response = expectOk(
		await http(`${baseUrl}/rest/login`, {
			method: 'POST',
			body: { emailOrLdapLoginId: email, password },
			headers: { 'browser-id': browserId },
		}),
		'POST /rest/login',
	);
	return { cookie: authCookie(response), browserId };
}

export async function createApiKey(
	baseUrl: string,
	session: OwnerSession,
	label: string,
): Promise<string> {
	const offered = expectOk(
		await http(`${baseUrl}/rest/api-keys/scopes`, { headers: restHeaders(session) }),
		'GET /rest/api-keys/scopes',
	);
	const available = new Set((offered.json as { data?: string[] }).data ?? []);
	const scopes = E2E_API_KEY_SCOPES.filter((scope) => available.has(scope));
	const response = expectOk(
		await http(`${baseUrl}/rest/api-keys`, {
			method: 'POST',
			headers: restHeaders(session),
			body: { label, expiresAt: null, scopes },
		}),
		'POST /rest/api-keys',
	);
	const key = (response.json as { data?: { rawApiKey?: string } }).data?.rawApiKey;
	if (!key) throw new Error('POST /rest/api-keys returned no rawApiKey');
	return key;
}

/** The node type names n8n has loaded (`/types/nodes.json`, what the editor's node panel shows). */
export async function loadedNodeTypes(baseUrl: string, session: OwnerSession): Promise<string[]> {
	const response = expectOk(
		await http(`${baseUrl}/types/nodes.json`, { headers: restHeaders(session) }),
		'GET /types/nodes.json',
	);
	return (response.json as Array<{ name: string }>).map((node) => node.name);
}
