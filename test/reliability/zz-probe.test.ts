import { randomUUID } from 'node:crypto';
import { getN8n } from '../support/e2e/n8nClient';
import { credentialData, reliabilityAccount } from '../support/reliability/account';
import { rawRequest } from '../support/reliability/rawHttp';
import { deployTrigger } from '../support/reliability/triggerWorkflow';
import { mapConcurrent } from '../support/reliability/pool';
import { Sender } from '../support/standin';

const n8n = getN8n();
const account = reliabilityAccount();
const sender = new Sender(account);

test('probe', async () => {
	const cred = await n8n.createCredential({ name: 'probe' + Date.now(), type: 'nxCloudApi', data: credentialData(account) });
	const wf = await deployTrigger(n8n, cred, { source: 'whatsapp' }, 'probe');
	for (const depth of [100, 1000, 3000, 5000, 10000]) {
		let deep = `{"nonce":"x"}`;
		for (let i = 0; i < depth; i++) deep = `{"a":${deep}}`;
		const body = `{"statuses":[{"id":"wamid.${randomUUID()}","status":"read","deep":${deep}}]}`;
		const d = await sender.pushWhatsApp(wf.url, body);
		console.log('deep', depth, d.status, d.text().slice(0, 200));
		let arr = `1`;
		for (let i = 0; i < depth; i++) arr = `[${arr}]`;
		const d2 = await sender.pushWhatsApp(wf.url, `{"statuses":[{"id":"wamid.${randomUUID()}","status":"read","deep":${arr}}]}`);
		console.log('deeparr', depth, d2.status, d2.text().slice(0, 200));
	}
	let t = Date.now();
	await mapConcurrent(Array.from({ length: 100 }), 4, () =>
		rawRequest({ method: 'POST', url: wf.url, headers: [['content-type', 'application/json']], body: Buffer.from('{"a":1}') }));
	console.log('401 x100 ms', Date.now() - t);
	t = Date.now();
	await mapConcurrent(Array.from({ length: 100 }), 4, () =>
		rawRequest({ method: 'GET', url: wf.url, headers: [['content-type', 'application/json']], body: Buffer.from('{"a":1}') }));
	console.log('404 x100 ms', Date.now() - t);
	t = Date.now();
	await mapConcurrent(Array.from({ length: 100 }), 4, () =>
		rawRequest({ method: 'GET', url: n8n.baseUrl + '/healthz', headers: [], body: Buffer.from('') }));
	console.log('healthz x100 ms', Date.now() - t);
});
