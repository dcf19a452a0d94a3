import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { delay } from '../test/support/e2e/http';
import { getN8n, uniqueName } from '../test/support/e2e/n8nClient';
import { NODE_TYPES } from '../test/support/e2e/paths';
import { standInSigning } from '../test/support/standin';

const ACCOUNT = { accessKey: 'benchAccessKey', accessSecret: 'bench-secret' };
function push() {
	const body = JSON.stringify({ business_phone: '85266123456', statuses: [{ id: `wamid.${randomUUID()}`, status: 'delivered', timestamp: '1763888400' }] });
	const ts = Date.now().toString();
	const sign = standInSigning.openPlatformSign({ accessKey: ACCOUNT.accessKey, action: 'mt', bizType: '2', ts, body, accessSecret: ACCOUNT.accessSecret }, 'md5');
	return { body, headers: { 'content-type': 'application/json', accesskey: ACCOUNT.accessKey, action: 'mt', biztype: '2', ts, sign } };
}
async function fire(url: string, n: number) {
	const agent = new Agent({ connections: 1 });
	const lat: number[] = [];
	const t0 = performance.now();
	for (let i = 0; i < n; i++) {
		const p = push();
		const s = performance.now();
		const r = await request(url, { method: 'POST', headers: p.headers, body: p.body, dispatcher: agent });
		await r.body.dump();
		lat.push(performance.now() - s);
	}
	const secs = (performance.now() - t0) / 1000;
	await agent.close();
	lat.sort((a, b) => a - b);
	return `${(n / secs).toFixed(1)} req/s p50 ${lat[Math.floor(n / 2)].toFixed(1)}`;
}
test('experiment', async () => {
	const n8n = getN8n();
	const cred = await n8n.createCredential({ name: uniqueName('x'), type: 'nxCloudApi', data: ACCOUNT });
	const variants: Record<string, Record<string, unknown>> = {
		default: { source: 'whatsapp' },
		noDedup: { source: 'whatsapp', dropRedeliveries: false },
		single: { source: 'whatsapp', outputRouting: 'single' },
		sigOff: { source: 'whatsapp', signatureCheck: 'off' },
		allOff: { source: 'whatsapp', signatureCheck: 'off', dropRedeliveries: false, outputRouting: 'single' },
	};
	const urls: Record<string, string> = {};
	for (const [name, parameters] of Object.entries(variants)) {
		const hook = randomUUID();
		const id = await n8n.createWorkflow({ name: uniqueName(name), settings: { executionOrder: 'v1' }, nodes: [{ name: 'T', type: NODE_TYPES.trigger, typeVersion: 1, position: [0, 0], webhookId: hook, parameters, credentials: { nxCloudApi: { id: cred, name: 'x' } } }], connections: {} });
		await n8n.activateWorkflow(id);
		urls[name] = n8n.webhookUrl(`${hook}/webhook`);
	}
	const mh = randomUUID();
	const mid = await n8n.createWorkflow({ name: uniqueName('min'), settings: {}, nodes: [{ name: 'M', type: 'CUSTOM.minimalTrigger', typeVersion: 1, position: [0, 0], webhookId: mh, parameters: {} }], connections: {} });
	await n8n.activateWorkflow(mid);
	urls.minimal = n8n.webhookUrl(`${mh}/webhook`);
	await delay(3000);
	for (const round of [1, 2]) for (const [name, url] of Object.entries(urls)) { const r = await fire(url, 60); process.stdout.write(`round ${round} ${name}: ${r}\n`); await delay(1500); }
	await n8n.cleanup();
}, 1_800_000);
