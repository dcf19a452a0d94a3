import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getN8n } from '../support/e2e/n8nClient';

test('harness', async () => {
	const n8n = getN8n();
	const seen: string[] = [];
	const server = createServer((req, res) => {
		let b = '';
		req.on('data', (c) => (b += c));
		req.on('end', () => {
			seen.push(`${req.url} ${b}`);
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify(req.headers.uuid === 'bad' ? { retCode: 6002, retMsg: 'no account' } : { retCode: 0, retMsg: 'pong' }));
		});
	}).listen(0, '127.0.0.1');
	try {
	await new Promise((r) => server.once('listening', r));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	let t = Date.now();
	console.log(await n8n.testCredential('nxCloudApi', { callbotUuid: 'u', callbotSecretKey: 's', callbotBaseUrl: base }));
	console.log(await n8n.testCredential('nxCloudApi', { callbotUuid: 'bad', callbotSecretKey: 's', callbotBaseUrl: base }));
	console.log('cred tests ms', Date.now() - t);
	const cred = await n8n.createCredential({ name: 'x' + Date.now(), type: 'nxCloudApi', data: { callbotUuid: 'u', callbotSecretKey: 's', callbotBaseUrl: base } });
	t = Date.now();
	const run = await n8n.runActionWorkflow({ credentialId: cred, parameters: { resource: 'callbot', operation: 'ping' }, items: [{ a: 1 }, { a: 2 }] });
	console.log('run ms', Date.now() - t, run.status, JSON.stringify(run.outputs), run.error);
	const cred2 = await n8n.createCredential({ name: 'y' + Date.now(), type: 'nxCloudApi', data: { callbotUuid: 'bad', callbotSecretKey: 's', callbotBaseUrl: base } });
	t = Date.now();
	const runner = await n8n.createActionRunner({ credentialId: cred2, parameters: { resource: 'callbot', operation: 'ping' } });
	console.log('runner ms', Date.now() - t);
	t = Date.now();
	const run2 = await runner.run([{ a: 1 }]);
	console.log('run2 ms', Date.now() - t, run2.status, JSON.stringify(run2.outputs), JSON.stringify(run2.error).slice(0, 1500));
	t = Date.now();
	await runner.dispose();
	console.log('dispose ms', Date.now() - t);
	const run3 = await n8n.runActionWorkflow({ credentialId: cred2, parameters: { resource: 'callbot', operation: 'ping' }, node: { onError: 'continueRegularOutput' }, items: [{ a: 1 }] });
	console.log('run3', run3.status, JSON.stringify(run3.outputs), JSON.stringify(run3.error));
	console.log(seen);
	t = Date.now();
	await n8n.cleanup();
	console.log('cleanup ms', Date.now() - t);
	console.log(n8n.logText().length);
	} finally {
	server.close();
	}
}, 60000);
