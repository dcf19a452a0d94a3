// A Callbot campaign in miniature through n8n's queue mode: 10,000 order callbacks and 10,000
// call callbacks (one per number, as NXCloud sends them), signed, at concurrency 32 through the
// round-robin proxy to two webhook processes, run by two workers. Every callback answered
// {"retCode":0} must become exactly one execution: none lost, none run twice. Each callback carries
// its own marker (in orderID and callID), found again in the stored execution data with SQL.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { uniqueName } from '../support/e2e/n8nClient';
import { deployQueueTrigger, markerCounts, n8nMain, proxyStats, reportFigures, settledStatuses } from '../support/queue/harness';
import { mapConcurrent } from '../support/reliability/pool';
import { Sender } from '../support/standin';

/** Callbacks per kind (orders, calls); QUEUE_CAMPAIGN_SIZE to change. */
const PER_KIND = Number(process.env.QUEUE_CAMPAIGN_SIZE ?? 10_000);
const CONCURRENCY = 32;
jest.setTimeout(40 * 60_000);

const FIXTURES = join(__dirname, '..', 'fixtures', 'callbot');
const ORDER = JSON.parse(readFileSync(join(FIXTURES, 'order-filled.json'), 'utf8'));
const CALL = JSON.parse(readFileSync(join(FIXTURES, 'call-filled.json'), 'utf8'));
const ACCOUNT = { accessKey: 'unused', accessSecret: 'unused', callbotUuid: randomBytes(16).toString('hex'), callbotSecretKey: randomBytes(16).toString('hex') };
const sender = new Sender(ACCOUNT);
const n8n = n8nMain();
const run = randomBytes(4).toString('hex');
const marker = (kind: 'o' | 'c', i: number) => `cq${run}-${kind}-${i}`;

afterAll(() => n8n.cleanup());

function callback(kind: 'o' | 'c', i: number): string {
	const id = marker(kind, i);
	const phone = `86139${String(i).padStart(8, '0')}`;
	const template = kind === 'o' ? ORDER : CALL;
	return JSON.stringify({ ...template, orderID: id, userPhone: phone, callInfoDetail: { ...template.callInfoDetail, callID: id } });
}

test(`${PER_KIND.toLocaleString('en')} order and ${PER_KIND.toLocaleString('en')} call callbacks at concurrency ${CONCURRENCY}: each one executed exactly once`, async () => {
	const credentialId = await n8n.createCredential({ name: uniqueName('NXCloud campaign'), type: 'nxCloudApi', data: { ...ACCOUNT, callbotAlgorithm: 'MD5' } });
	const trigger = await deployQueueTrigger(credentialId, { source: 'callbot' }, { label: 'queue campaign' });
	// Interleaved: an order's callback and a call's, as a running campaign sends them.
	const plan = Array.from({ length: PER_KIND * 2 }, (_, n) => ({ kind: (n % 2 === 0 ? 'o' : 'c') as 'o' | 'c', i: Math.floor(n / 2) }));
	const statsBefore = await proxyStats();

	const started = Date.now();
	const answers = await mapConcurrent(plan, CONCURRENCY, async ({ kind, i }) => {
		const result = await sender.callbotCallback(trigger.proxyUrl, callback(kind, i), { timeoutMs: 120_000 });
		return result.status === 200 && result.text() === '{"retCode":0}' ? 'ok' : `${result.status} ${result.text().slice(0, 80)}`;
	});
	const answeredMs = Date.now() - started;
	const refusedAnswers = answers.filter((a) => a !== 'ok');
	expect(refusedAnswers.slice(0, 5)).toEqual([]);

	const statuses = await settledStatuses(trigger.workflowId, plan.length, { timeoutMs: 30 * 60_000 });
	const executedMs = Date.now() - started;
	const counts = markerCounts(trigger.workflowId, `cq${run}-[oc]-[0-9]+`);
	const expected = plan.map(({ kind, i }) => marker(kind, i));
	const missing = expected.filter((m) => !counts.has(m));
	const duplicated = [...counts].filter(([, count]) => count > 1);
	const statsAfter = await proxyStats();
	const perBackend = statsAfter.requests.map((n, b) => n - statsBefore.requests[b]);

	reportFigures(
		'campaign',
		[
			`${plan.length} callbacks (${PER_KIND} orders + ${PER_KIND} calls) at concurrency ${CONCURRENCY}: all answered in ${(answeredMs / 1000).toFixed(1)} s (${((plan.length * 1000) / answeredMs).toFixed(1)}/s); per webhook process ${perBackend.join(' / ')}`,
			`executions: ${JSON.stringify(statuses)}; all finished ${(executedMs / 1000).toFixed(1)} s after the first callback (${((plan.length * 1000) / executedMs).toFixed(1)}/s)`,
			`events: ${counts.size} distinct, missing ${missing.length}, run twice ${duplicated.length}`,
		],
		{ callbacks: plan.length, concurrency: CONCURRENCY, answeredMs, executedMs, statuses, perBackend, distinct: counts.size, missing: missing.length, duplicated: duplicated.length },
	);
	expect(statuses).toEqual({ success: plan.length });
	expect({ missing: missing.slice(0, 5), duplicated: duplicated.slice(0, 5), distinct: counts.size }).toEqual({ missing: [], duplicated: [], distinct: plan.length });
	// Both webhook processes took a fair share.
	expect(Math.min(...perBackend)).toBeGreaterThan(plan.length / 4);
});
