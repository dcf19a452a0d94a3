// A Callbot campaign in miniature through n8n's queue mode: order callbacks and as many call
// callbacks (one per number, as NXCloud sends them), signed, at concurrency 32 through the
// round-robin proxy to two webhook processes, run by two workers. A callback not answered 200 is
// retried as NXCloud does (n8n answers 503 while its database pings time out under load). Every
// callback must end up acknowledged and become exactly one execution: none lost, none run twice. Each callback carries
// its own marker (in orderID and callID), found again in the stored execution data with SQL.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { uniqueName } from '../support/e2e/n8nClient';
import {
	deliverWithRetries,
	deployQueueTrigger,
	markerCounts,
	n8nMain,
	proxyStats,
	reportFigures,
	settledStatuses,
} from '../support/queue/harness';
import { mapConcurrent } from '../support/reliability/pool';
import { Sender } from '../support/standin';

/**
 * Callbacks per kind (orders, calls): the full campaign, 10,000 + 10,000 (about 6 minutes at 55
 * callbacks/s on a quiet 2-core machine, see docs/scale.md). QUEUE_CAMPAIGN_SIZE sets a smaller one
 * for a quick local run.
 */
const PER_KIND = Number(process.env.QUEUE_CAMPAIGN_SIZE ?? 10_000);
const CONCURRENCY = 32;
jest.setTimeout(40 * 60_000);

const FIXTURES = join(__dirname, '..', 'fixtures', 'callbot');
const ORDER = JSON.parse(readFileSync(join(FIXTURES, 'order-filled.json'), 'utf8'));
const CALL = JSON.parse(readFileSync(join(FIXTURES, 'call-filled.json'), 'utf8'));
const ACCOUNT = {
	accessKey: 'unused',
	accessSecret: 'unused',
	callbotUuid: randomBytes(16).toString('hex'),
	callbotSecretKey: randomBytes(16).toString('hex'),
};
const sender = new Sender(ACCOUNT);
const n8n = n8nMain();
const run = randomBytes(4).toString('hex');
const marker = (kind: 'o' | 'c', i: number) => `cq${run}-${kind}-${i}`;

afterAll(() => n8n.cleanup());

function callback(kind: 'o' | 'c', i: number): string {
	const id = marker(kind, i);
	const phone = `86139${String(i).padStart(8, '0')}`;
	const template = kind === 'o' ? ORDER : CALL;
	return JSON.stringify({
		...template,
		orderID: id,
		userPhone: phone,
		callInfoDetail: { ...template.callInfoDetail, callID: id },
	});
}

test(`${PER_KIND.toLocaleString('en')} order and ${PER_KIND.toLocaleString('en')} call callbacks at concurrency ${CONCURRENCY}: each one executed exactly once`, async () => {
	const credentialId = await n8n.createCredential({
		name: uniqueName('NXCloud campaign'),
		type: 'nxCloudApi',
		data: { ...ACCOUNT, callbotAlgorithm: 'MD5' },
	});
	const trigger = await deployQueueTrigger(
		credentialId,
		{ source: 'callbot' },
		{ label: 'queue campaign' },
	);
	// Interleaved: an order's callback and a call's, as a running campaign sends them.
	const plan = Array.from({ length: PER_KIND * 2 }, (_, n) => ({
		kind: (n % 2 === 0 ? 'o' : 'c') as 'o' | 'c',
		i: Math.floor(n / 2),
	}));
	const statsBefore = await proxyStats();

	const started = Date.now();
	// Re-signed on every try, as NXCloud's retries are.
	const answers = await mapConcurrent(plan, CONCURRENCY, ({ kind, i }) =>
		deliverWithRetries(() =>
			sender.callbotCallback(trigger.proxyUrl, callback(kind, i), { timeoutMs: 120_000 }),
		),
	);
	const answeredMs = Date.now() - started;
	const notAcknowledged = answers.filter((a) => a.status !== 200 || a.text !== '{"retCode":0}');
	const retried = answers.filter((a) => a.tries > 1);
	const firstRefusals = [...new Set(retried.map((a) => a.status))];

	const statuses = await settledStatuses(trigger.workflowId, plan.length, {
		timeoutMs: 30 * 60_000,
	});
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
			`answered 200 at the first try: ${plan.length - retried.length}; retried (503 under load): ${retried.length}, at most ${Math.max(...answers.map((a) => a.tries))} tries; never acknowledged: ${notAcknowledged.length}`,
			`executions: ${JSON.stringify(statuses)}; all finished ${(executedMs / 1000).toFixed(1)} s after the first callback (${((plan.length * 1000) / executedMs).toFixed(1)}/s)`,
			`events: ${counts.size} distinct, missing ${missing.length}, run twice ${duplicated.length}`,
		],
		{
			callbacks: plan.length,
			concurrency: CONCURRENCY,
			retried: retried.length,
			firstRefusals,
			notAcknowledged: notAcknowledged.length,
			answeredMs,
			executedMs,
			statuses,
			perBackend,
			distinct: counts.size,
			missing: missing.length,
			duplicated: duplicated.length,
		},
	);
	expect(notAcknowledged.slice(0, 5)).toEqual([]);
	expect(statuses).toEqual({ success: plan.length });
	expect({
		missing: missing.slice(0, 5),
		duplicated: duplicated.slice(0, 5),
		distinct: counts.size,
	}).toEqual({ missing: [], duplicated: [], distinct: plan.length });
	// Both webhook processes took a fair share.
	expect(Math.min(...perBackend)).toBeGreaterThan(plan.length / 4);
});
