// The package loaded in a real n8n: node types registered under the community-package names,
// and the action node running in an activated workflow against the stand-in NXCloud.
import { randomBytes } from 'node:crypto';

import { getN8n } from '../support/e2e/n8nClient';
import { newAccount } from '../support/e2e/account';
import { createNxCloudCredential } from '../support/e2e/standInCredential';
import { NODE_TYPES } from '../support/e2e/paths';
import { startStandIn, type StandIn } from '../support/standin';

jest.setTimeout(60_000);

const ACCOUNT = newAccount();

const n8n = getN8n();
let standIn: StandIn;
let credentialId: string;

beforeAll(async () => {
	standIn = await startStandIn(ACCOUNT);
	credentialId = await createNxCloudCredential(
		n8n,
		{ ...ACCOUNT, openApiBaseUrl: standIn.url, callbotBaseUrl: standIn.url },
		'smoke',
	);
});

afterAll(async () => {
	await n8n.cleanup();
	await standIn?.close();
});

it('registers the action node, its AI tool variant and the trigger under the package name', async () => {
	const types = await n8n.nodeTypes();

	expect(types.filter((type) => type.startsWith('n8n-nodes-nxcloud.')).sort()).toEqual(
		[NODE_TYPES.action, NODE_TYPES.tool, NODE_TYPES.trigger].sort(),
	);
});

it('runs Callbot Ping once per input item and returns the ping answer', async () => {
	standIn.clearRequests();

	const run = await n8n.runActionWorkflow({
		credentialId,
		parameters: { resource: 'callbot', operation: 'ping' },
		items: [{ n: 1 }, { n: 2 }],
	});

	expect(run.error).toBeUndefined();
	expect(run.status).toBe(200);
	expect(run.execution.status).toBe('success');
	const pings = standIn.requestsTo('/callcentre/api/v3/ping');
	expect(pings).toHaveLength(2);
	expect(pings.map((ping) => ping.retCode)).toEqual([0, 0]);
	expect(run.outputs).toHaveLength(1);
	expect(run.outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	// Each item is the answer to its own request: the stand-in echoes the requestID as reqId.
	expect(run.items).toEqual(
		pings.map((ping) =>
			expect.objectContaining({
				code: 0,
				msg: 'success',
				data: 'n8n',
				reqId: ping.headers.requestid,
			}),
		),
	);
});

it('stops the workflow with a readable error when Callbot refuses the credential', async () => {
	const wrongSecret = randomBytes(16).toString('hex');
	const refused = await createNxCloudCredential(
		n8n,
		{ ...ACCOUNT, callbotSecretKey: wrongSecret, callbotBaseUrl: standIn.url },
		'smoke wrong secret',
	);
	standIn.clearRequests();

	const run = await n8n.runActionWorkflow({
		credentialId: refused,
		parameters: { resource: 'callbot', operation: 'ping' },
		items: [{ n: 1 }],
	});

	expect(run.execution.status).toBe('error');
	expect(run.items).toEqual([]);
	// Ping answers in its own envelope ({code, msg}), so the refusal names `code`, not `retCode`.
	expect(run.error?.message).toMatch(/^Callbot refused the request \(code 6\)/);
	expect(`${run.error?.message} ${run.error?.description}`).toMatch(/Callbot Secret Key/);
	expect(standIn.requestsTo('/callcentre/api/v3/ping').map((ping) => ping.retCode)).toEqual([6]);
	expect(n8n.logText()).not.toContain(wrongSecret);
	expect(n8n.logText()).not.toContain(ACCOUNT.callbotSecretKey);
});
