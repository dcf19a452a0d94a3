import { randomUUID } from 'node:crypto';
import { getN8n, uniqueName } from '../support/e2e/n8nClient';
import { NODE_TYPES } from '../support/e2e/paths';
import { delay } from '../support/e2e/http';
import { Sender } from '../support/standin';

const ACCOUNT = { accessKey: 'k', accessSecret: 's', callbotUuid: 'u', callbotSecretKey: 'c' };
jest.setTimeout(120_000);
test('debug static data', async () => {
	const n8n = getN8n();
	const cred = await n8n.createCredential({ name: uniqueName('dbg'), type: 'nxCloudApi', data: ACCOUNT });
	const webhookId = randomUUID();
	const id = await n8n.createWorkflow({ name: uniqueName('dbg'), settings: { executionOrder: 'v1' }, nodes: [
		{ name: 'T', type: NODE_TYPES.trigger, typeVersion: 1, position: [0, 0], webhookId, parameters: { source: 'whatsapp' }, credentials: { nxCloudApi: { id: cred, name: 'x' } } },
	], connections: {} });
	await n8n.activateWorkflow(id);
	const url = n8n.webhookUrl(`${webhookId}/webhook`);
	await n8n.waitForWebhook(url, 401);
	const sender = new Sender(ACCOUNT);
	const body = JSON.stringify({ statuses: [{ id: 'w-' + randomUUID(), status: 'read' }] });
	for (let i = 0; i < 30; i++) { const b = JSON.stringify({ statuses: [{ id: 'w-' + randomUUID(), status: 'read' }] }); await sender.pushWhatsApp(url, b); await sender.pushWhatsApp(url, b); }
	await delay(1500);
	console.log('after 30 pairs', (await n8n.listExecutions({ workflowId: id })).length, JSON.stringify((await n8n.api<any>('GET', `/workflows/${id}`)).staticData));
	console.log((await sender.pushWhatsApp(url, body)).status);
	console.log(JSON.stringify((await n8n.api<any>('GET', `/workflows/${id}`)).staticData));
	await delay(1500);
	console.log(JSON.stringify((await n8n.api<any>('GET', `/workflows/${id}`)).staticData));
	console.log((await sender.pushWhatsApp(url, body)).status);
	await delay(1500);
	console.log(JSON.stringify((await n8n.api<any>('GET', `/workflows/${id}`)).staticData));
	console.log((await n8n.listExecutions({ workflowId: id })).length);
	const log = n8n.logText();
	console.log(log.split('\n').filter((l) => /static|Static/.test(l)).slice(-20).join('\n'));
	await n8n.cleanup();
});
