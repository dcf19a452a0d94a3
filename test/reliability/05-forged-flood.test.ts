// Forged pushes stay cheap: a flood of pushes signed with a wrong secret, against the NXCloud
// Trigger in a real n8n whose secret is cached. Each credential read costs n8n a fresh expression
// isolate, so the trigger may re-read its credential after a failed signature at most once per
// interval per node (trigger/rereadGate.ts), and logs the refusals at warn level at most once per
// reason per minute (trigger/refusalLog.ts). Both are counted from n8n's own log (debug level in
// these runs): counts, not timings.
import { randomUUID } from 'node:crypto';

import { getN8n } from '../support/e2e/n8nClient';
import { credentialData, newAccount } from '../support/e2e/account';
import { mapConcurrent } from '../support/reliability/pool';
import { reportPart } from '../support/reliability/report';
import { SecretWatch } from '../support/reliability/secrets';
import { type DeployedTrigger, deployTrigger } from '../support/e2e/triggerWorkflow';
import { Sender } from '../support/standin';
import { REFUSAL_LOG_INTERVAL_MS } from '../../nodes/NxCloud/trigger/refusalLog';
import { REREAD_INTERVAL_MS } from '../../nodes/NxCloud/trigger/rereadGate';

jest.setTimeout(10 * 60_000);

const FORGED = 400;
const CONCURRENCY = 8;

const n8n = getN8n();
const account = newAccount({ recognisableSecrets: true });
const sender = new Sender(account);
const watch = new SecretWatch(account);
const figures: Record<string, unknown> = {};

let trigger: DeployedTrigger;

beforeAll(async () => {
	const credentialId = await n8n.createCredential({
		name: `NXCloud reliability forged flood ${randomUUID()}`,
		type: 'nxCloudApi',
		data: credentialData(account, { openApiAlgorithm: 'md5', callbotAlgorithm: 'MD5' }),
	});
	trigger = await deployTrigger(n8n, credentialId, { source: 'whatsapp' }, 'forged flood');
});

afterAll(async () => {
	reportPart(
		'forged-flood',
		Object.entries(figures).map(([k, v]) => `${k}: ${JSON.stringify(v)}`),
		figures,
	);
	await n8n.cleanup();
});

/** Lines of n8n's log written since `offset` that mention this workflow and contain `text`. */
function linesSince(offset: number, text: string): string[] {
	return n8n
		.logText()
		.slice(offset)
		.split('\n')
		.filter((line) => line.includes(`(workflow ${trigger.workflowId})`) && line.includes(text));
}

it('re-reads the credential at most once per interval and logs one warn line per reason per minute', async () => {
	const status = (id: string) =>
		JSON.stringify({
			statuses: [{ id, status: 'read', timestamp: '1763888400', recipient_id: '852' }],
		});
	// Warm the cache with one genuine push.
	expect((await sender.pushWhatsApp(trigger.url, status(`wamid.${randomUUID()}`))).status).toBe(
		200,
	);

	const offset = n8n.logText().length;
	const started = Date.now();
	const answers = await mapConcurrent(
		Array.from({ length: FORGED }, (_, i) => i),
		CONCURRENCY,
		async (i) => {
			const result = await sender.pushWhatsApp(trigger.url, status(`wamid.forged-${i}`), {
				accessSecret: `forged-${randomUUID()}`,
			});
			return `${result.status} ${result.json().reason}`;
		},
	);
	const elapsedMs = Date.now() - started;
	expect(new Set(answers)).toEqual(new Set(['401 bad_signature']));

	const rereads = linesSince(offset, 're-read its credential after a signature mismatch').length;
	const warnings = linesSince(offset, 'refused a push (401 bad_signature)').length;
	const rereadBound = Math.floor(elapsedMs / REREAD_INTERVAL_MS) + 1;
	const warnBound = Math.floor(elapsedMs / REFUSAL_LOG_INTERVAL_MS) + 1;
	Object.assign(figures, {
		forged: FORGED,
		concurrency: CONCURRENCY,
		elapsedMs,
		rereads,
		rereadBound,
		warnings,
		warnBound,
	});

	expect(rereads).toBeGreaterThanOrEqual(1);
	expect(rereads).toBeLessThanOrEqual(rereadBound);
	expect(warnings).toBeGreaterThanOrEqual(1);
	expect(warnings).toBeLessThanOrEqual(warnBound);
	// A genuine push still goes through right after the flood.
	expect((await sender.pushWhatsApp(trigger.url, status(`wamid.${randomUUID()}`))).status).toBe(
		200,
	);
	watch.sweepLog(n8n);
	expect(watch.findings).toEqual([]);
});
