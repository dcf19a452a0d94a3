// A webhook process killed (SIGKILL) in the middle of a burst and restarted, in n8n's queue mode.
// 500 signed WhatsApp pushes (one new status each) at concurrency 16 through the round-robin
// proxy; when half have been answered, webhook process 1 is killed and started again while the
// burst goes on (the proxy sends new requests to process 2 meanwhile; requests in flight on the
// killed process get 502). Then NXCloud's part: it retries every push not answered 200 and, as
// after a failure, redelivers every push answered 200 byte for byte.
// What must hold: nothing runs twice, redeliveries of events that ran are dropped, the restarted
// process serves again; and (the guarantee being built) no push answered 200 is lost.
import { randomBytes } from 'node:crypto';

import { delay } from '../support/e2e/http';
import { uniqueName } from '../support/e2e/n8nClient';
import {
	deployQueueTrigger,
	executionStatuses,
	killWebhookProcess,
	markerCounts,
	n8nMain,
	reportFigures,
	startWebhookProcess,
	topology,
	total,
	type QueueTrigger,
} from '../support/queue/harness';
import { mapConcurrent } from '../support/reliability/pool';
import { Sender, post, type SendResult } from '../support/standin';

/**
 * Whether a push answered 200 can be lost when a webhook process dies: true today (the trigger
 * answers before n8n has stored and enqueued the execution, and the redelivery window may already
 * hold the event's key, so the redelivery is dropped too). The zero-loss test is skipped while true.
 */
export const ACKNOWLEDGED_PUSHES_MAY_BE_LOST = true;

const PUSHES = Number(process.env.QUEUE_CRASH_PUSHES ?? 500);
const CONCURRENCY = 16;
jest.setTimeout(20 * 60_000);

const ACCOUNT = { accessKey: 'queueCrash', accessSecret: randomBytes(16).toString('hex'), callbotUuid: 'u', callbotSecretKey: 's' };
const sender = new Sender(ACCOUNT);
const n8n = n8nMain();
const run = randomBytes(4).toString('hex');
const marker = (i: number) => `cr${run}-${i}`;
const MARKER_PATTERN = `cr${run}-[0-9]+`;

interface Delivery {
	i: number;
	result: SendResult | undefined;
	error?: string;
}

let trigger: QueueTrigger;
let figures: Record<string, unknown>;
let afterRedelivery: Map<string, number>;
let answered200: number[];

afterAll(() => n8n.cleanup());

/**
 * Waits until the workflow's executions (per status) have not changed for `quietMs`. Not "until
 * none is unfinished": an execution the killed process created but never enqueued stays "new".
 */
async function settled(workflowId: string, quietMs = 8_000, timeoutMs = 300_000): Promise<Record<string, number>> {
	const deadline = Date.now() + timeoutMs;
	let last = executionStatuses(workflowId);
	let since = Date.now();
	while (Date.now() < deadline) {
		await delay(500);
		const now = executionStatuses(workflowId);
		if (JSON.stringify(now) !== JSON.stringify(last) || now.running) {
			last = now;
			since = Date.now();
		} else if (Date.now() - since >= quietMs) {
			return now;
		}
	}
	return last;
}

async function send(url: string, i: number): Promise<Delivery> {
	const body = JSON.stringify({
		business_phone: '85266123456',
		statuses: [{ id: `wamid.${marker(i)}`, status: 'delivered', timestamp: String(Math.floor(Date.now() / 1000)) }],
	});
	try {
		return { i, result: await sender.pushWhatsApp(url, body, { timeoutMs: 60_000 }) };
	} catch (error) {
		return { i, result: undefined, error: (error as Error).message };
	}
}

beforeAll(async () => {
	const credentialId = await n8n.createCredential({ name: uniqueName('NXCloud crash'), type: 'nxCloudApi', data: { ...ACCOUNT, callbotAlgorithm: 'MD5' } });
	trigger = await deployQueueTrigger(credentialId, { source: 'whatsapp' }, { label: 'queue crash' });

	let answered = 0;
	let restart: Promise<unknown> | undefined;
	let killedAtMs = 0;
	const started = Date.now();
	const deliveries = await mapConcurrent(
		Array.from({ length: PUSHES }, (_, i) => i),
		CONCURRENCY,
		async (i) => {
			const delivery = await send(trigger.proxyUrl, i);
			answered++;
			if (answered === Math.floor(PUSHES / 2) && !restart) {
				killedAtMs = Date.now() - started;
				await killWebhookProcess(topology(), 0);
				restart = startWebhookProcess(topology(), 0);
			}
			return delivery;
		},
	);
	const restartStarted = Date.now();
	await restart;
	const restartMs = Date.now() - restartStarted;

	answered200 = deliveries.filter((d) => d.result?.status === 200).map((d) => d.i);
	const notAnswered200 = deliveries.filter((d) => d.result?.status !== 200);
	const afterCrash = await settled(trigger.workflowId);
	const countsAfterCrash = markerCounts(trigger.workflowId, MARKER_PATTERN, { status: 'success' });
	const storedNotRun = markerCounts(trigger.workflowId, MARKER_PATTERN).size - countsAfterCrash.size;
	const lostAfterCrash = answered200.filter((i) => !countsAfterCrash.has(marker(i)));

	// NXCloud: retry what was not answered 200; redeliver, byte for byte, what was.
	const retries = await mapConcurrent(notAnswered200, CONCURRENCY, (d) => send(trigger.proxyUrl, d.i));
	const redeliveries = await mapConcurrent(
		deliveries.filter((d) => d.result?.status === 200),
		CONCURRENCY,
		async (d) => (await post(trigger.proxyUrl, d.result!.sent.body, { headers: d.result!.sent.headers })).status,
	);
	const final = await settled(trigger.workflowId);
	afterRedelivery = markerCounts(trigger.workflowId, MARKER_PATTERN, { status: 'success' });
	const stillLost = answered200.filter((i) => !afterRedelivery.has(marker(i)));
	const neverRan = Array.from({ length: PUSHES }, (_, i) => i).filter((i) => !afterRedelivery.has(marker(i)));

	figures = {
		pushes: PUSHES,
		concurrency: CONCURRENCY,
		killedAfterAnswers: Math.floor(PUSHES / 2),
		killedAtMs,
		restartMs,
		answered200: answered200.length,
		notAnswered200: notAnswered200.map((d) => d.result?.status ?? d.error),
		executionsAfterCrash: afterCrash,
		lostAfterCrash: lostAfterCrash.length,
		storedButNeverRun: storedNotRun,
		duplicatedAfterCrash: [...countsAfterCrash.values()].filter((n) => n > 1).length,
		retriedAnswers: retries.map((d) => d.result?.status ?? d.error),
		redeliveryAnswers: [...new Set(redeliveries)],
		executionsFinal: final,
		stillLostAfterRedelivery: stillLost.length,
		neverRan: neverRan.length,
		duplicatedFinal: [...afterRedelivery.values()].filter((n) => n > 1).length,
	};
	reportFigures(
		'crash',
		[
			`${PUSHES} pushes at concurrency ${CONCURRENCY}, webhook process 1 killed (SIGKILL) after ${Math.floor(PUSHES / 2)} answers (${killedAtMs} ms), back in ${(restartMs / 1000).toFixed(1)} s`,
			`answered 200: ${answered200.length}; not 200: ${notAnswered200.length} (${JSON.stringify(figures.notAnswered200)})`,
			`after the crash: executions ${JSON.stringify(afterCrash)}; pushes answered 200 that did not run: ${lostAfterCrash.length} (of them, stored with status new but never enqueued: ${storedNotRun}); run twice: ${figures.duplicatedAfterCrash}`,
			`after NXCloud retried the ${notAnswered200.length} and redelivered the ${answered200.length}: executions ${JSON.stringify(final)}; answered 200 and still never run: ${stillLost.length}; run twice: ${figures.duplicatedFinal}`,
		],
		figures,
	);
}, 20 * 60_000);

test('nothing runs twice, redeliveries of what ran are dropped, and the killed webhook process serves again', async () => {
	expect(figures.duplicatedAfterCrash).toBe(0);
	expect(figures.duplicatedFinal).toBe(0);
	expect(figures.redeliveryAnswers).toEqual([200]);
	// Every push was answered by someone: 200, or a 502 from the proxy for a request the killed
	// process had taken (NXCloud retries those).
	expect((figures.notAnswered200 as unknown[]).filter((s) => s !== 502)).toEqual([]);
	const restarted = await send(trigger.directUrl(0), PUSHES + 1);
	expect(restarted.result?.status).toBe(200);
	await delay(2000);
	expect(total(executionStatuses(trigger.workflowId))).toBeGreaterThan(0);
});

const zeroLoss = ACKNOWLEDGED_PUSHES_MAY_BE_LOST ? test.skip : test;
// Skipped while ACKNOWLEDGED_PUSHES_MAY_BE_LOST: today the trigger answers 200 before the execution
// is stored and enqueued, so a SIGKILL in between loses the push, and if its key already reached
// the stored redelivery window, NXCloud's redelivery is dropped too. The figures above say how many.
zeroLoss('no push answered 200 is lost: after the redelivery every event ran exactly once', () => {
	expect({ stillLost: figures.stillLostAfterRedelivery, neverRan: figures.neverRan }).toEqual({ stillLost: 0, neverRan: 0 });
	expect(answered200.filter((i) => afterRedelivery.get(marker(i)) !== 1)).toEqual([]);
});
