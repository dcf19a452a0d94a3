import { getN8n } from '../support/e2e/n8nClient';
import { credentialData, reliabilityAccount } from '../support/reliability/account';
import { rawRequest } from '../support/reliability/rawHttp';
import { deployTrigger } from '../support/reliability/triggerWorkflow';
import { mapConcurrent } from '../support/reliability/pool';

const n8n = getN8n();
const account = reliabilityAccount();

test('probe', async () => {
	const cred = await n8n.createCredential({ name: 'probe' + Date.now(), type: 'nxCloudApi', data: credentialData(account) });
	const wf = await deployTrigger(n8n, cred, { source: 'whatsapp' }, 'probe');
	for (let round = 0; round < 2; round++) {
		const t = Date.now();
		const cpu0 = process.cpuUsage();
		await mapConcurrent(Array.from({ length: 200 }), 8, () =>
			rawRequest({ method: 'POST', url: wf.url, headers: [['content-type', 'application/json']], body: Buffer.from('{"a":1}') }));
		console.log(process.env.N8N_EXPRESSION_ENGINE ?? 'vm', '401 x200 ms', Date.now() - t);
	}
});
