// Redeliveries across webhook processes: NXCloud delivers an event to webhook process A, and
// redelivers it (re-signed, as a retry is) to process B after a spacing measured from A's answer.
// Is the redelivery dropped, or does the event run twice? Each case gets its own workflow, so the
// trigger's window of one case never helps or hinders another's.
// Two cases per spacing:
// - isolated: the event is the only push A has had for that workflow;
// - follower: the event reached A 0.2 s after another event (A had just written that one's key to
//   the database).
// The figures this design promises are the two constants below; change them when the design changes.
import { randomUUID } from 'node:crypto';

import { delay } from '../support/e2e/http';
import { uniqueName } from '../support/e2e/n8nClient';
import { deployQueueTrigger, executionStatuses, n8nMain, reportFigures, total, type QueueTrigger } from '../support/queue/harness';
import { mapConcurrent } from '../support/reliability/pool';
import { Sender } from '../support/standin';

/**
 * Smallest spacing (ms from A's 200 to the redelivery reaching B) from which a redelivery of an
 * isolated event is dropped by the other process; null = never. Today's design: each process
 * checks its own window and the copy in the workflow's static data, which n8n writes after the
 * webhook call has set up the execution (the trigger writes it on the first push it records, then
 * at most once a second). Measured on 2 shared cores: at 0 ms it ran twice in every run; dropped
 * from 1 s at load 25, from 100 ms at load 13. The constant leaves a margin for a slower machine.
 */
export const ISOLATED_DROPPED_FROM_MS: number | null = 2000;
/**
 * The same for an event that arrived 0.2 s after another one at A. Today there is no figure to
 * promise: A writes the window at most once a second, so whether the follower's key reaches the
 * database before B looks depends on timing (measured: ran twice at every spacing up to 60 s with
 * the machine at load 25; dropped from 1 s in two runs at load 13). Reported, not asserted, while
 * 'no promise'; a number asserts like ISOLATED_DROPPED_FROM_MS.
 */
export const FOLLOWER_DROPPED_FROM_MS: number | null | 'no promise' = 'no promise';

const SPACINGS_MS = (process.env.QUEUE_REDELIVERY_SPACINGS ?? '0,100,250,500,1000,2000,5000,15000,30000,60000').split(',').map(Number);
const FOLLOWER_SPACINGS_MS = SPACINGS_MS.filter((s) => s >= 1000);
const FOLLOWER_GAP_MS = 200;
jest.setTimeout(15 * 60_000);

const ACCOUNT = { accessKey: 'queueRedelivery', accessSecret: `queue-${randomUUID()}`, callbotUuid: randomUUID(), callbotSecretKey: randomUUID() };
const sender = new Sender(ACCOUNT);
const n8n = n8nMain();
afterAll(() => n8n.cleanup());

const statusPush = (id: string) =>
	JSON.stringify({ business_phone: '85266123456', statuses: [{ id: `wamid.${id}`, status: 'delivered', timestamp: String(Math.floor(Date.now() / 1000)) }] });

interface Case {
	kind: 'isolated' | 'follower';
	spacingMs: number;
	trigger: QueueTrigger;
	/** Executions expected if the redelivery is dropped. */
	events: number;
}

/** The smallest spacing from which every larger spacing was dropped, or null. */
function droppedFrom(results: Array<{ spacingMs: number; dropped: boolean }>): number | null {
	let from: number | null = null;
	for (const { spacingMs, dropped } of [...results].sort((a, b) => b.spacingMs - a.spacingMs)) {
		if (!dropped) break;
		from = spacingMs;
	}
	return from;
}

test('a redelivery to the other webhook process: from which spacing is it dropped', async () => {
	const credentialId = await n8n.createCredential({ name: uniqueName('NXCloud redelivery'), type: 'nxCloudApi', data: { ...ACCOUNT, callbotAlgorithm: 'MD5' } });
	const plan = [
		...SPACINGS_MS.map((spacingMs) => ({ kind: 'isolated' as const, spacingMs, events: 1 })),
		...FOLLOWER_SPACINGS_MS.map((spacingMs) => ({ kind: 'follower' as const, spacingMs, events: 3 })),
	];
	const cases: Case[] = await mapConcurrent(plan, 3, async (c) => ({
		...c,
		trigger: await deployQueueTrigger(credentialId, { source: 'whatsapp' }, { label: `redelivery ${c.kind} ${c.spacingMs}` }),
	}));

	// Every case at once: the longest spacing sets the duration.
	const answers = await Promise.all(
		cases.map(async (c) => {
			const got: number[] = [];
			const body = statusPush(randomUUID());
			if (c.kind === 'follower') {
				// A warm-up push first, then a pause past the trigger's one-second write interval, so
				// the credential is cached and the next push (the leader) is written to the database.
				// The follower is sent 0.2 s after the leader was sent, not after its answer: "arrived
				// 0.2 s later" must not depend on how fast the leader was answered.
				got.push((await sender.pushWhatsApp(c.trigger.directUrl(0), statusPush(randomUUID()))).status);
				await delay(1500);
				const leader = sender.pushWhatsApp(c.trigger.directUrl(0), statusPush(randomUUID()));
				await delay(FOLLOWER_GAP_MS);
				got.push((await sender.pushWhatsApp(c.trigger.directUrl(0), body)).status, (await leader).status);
			} else {
				got.push((await sender.pushWhatsApp(c.trigger.directUrl(0), body)).status);
			}
			await delay(c.spacingMs);
			got.push((await sender.pushWhatsApp(c.trigger.directUrl(1), body, { algorithm: 'sha256' })).status);
			return got;
		}),
	);
	expect(answers.flat().every((status) => status === 200)).toBe(true);

	// Executions run on the workers; give a second run time to show up.
	await delay(3000);
	const deadline = Date.now() + 60_000;
	let results = cases.map((c) => ({ ...c, executions: total(executionStatuses(c.trigger.workflowId)) }));
	while (results.some((r) => r.executions < r.events) && Date.now() < deadline) {
		await delay(1000);
		results = cases.map((c) => ({ ...c, executions: total(executionStatuses(c.trigger.workflowId)) }));
	}
	const measured = results.map((r) => ({ kind: r.kind, spacingMs: r.spacingMs, executions: r.executions, dropped: r.executions === r.events }));
	// Never fewer executions than events: the first delivery always runs.
	expect(measured.filter((m, i) => m.executions < results[i].events)).toEqual([]);

	const isolated = measured.filter((m) => m.kind === 'isolated');
	const follower = measured.filter((m) => m.kind === 'follower');
	const figures = { isolatedDroppedFromMs: droppedFrom(isolated), followerDroppedFromMs: droppedFrom(follower) };
	const describe = (list: typeof measured) => list.map((m) => `${m.spacingMs} ms: ${m.dropped ? 'dropped' : 'ran twice'}`).join(', ');
	reportFigures(
		'redelivery',
		[
			`isolated event, A then B: ${describe(isolated)} → dropped ${figures.isolatedDroppedFromMs === null ? 'never' : `from ${figures.isolatedDroppedFromMs} ms`}`,
			`event 0.2 s after another (spacing from the follower's answer), A then B: ${describe(follower)} → dropped ${figures.followerDroppedFromMs === null ? 'never' : `from ${figures.followerDroppedFromMs} ms`}`,
		],
		{ measured, ...figures },
	);

	// What the design promises: every spacing at or past the figure is dropped (smaller ones are
	// reported above, not asserted: at the boundary it is a race between A's database write and B).
	const promise = (list: typeof measured, from: number | null | 'no promise') =>
		from === 'no promise' ? true : from === null ? list.every((m) => !m.dropped) : list.filter((m) => m.spacingMs >= from).every((m) => m.dropped);
	expect({ isolated: promise(isolated, ISOLATED_DROPPED_FROM_MS), follower: promise(follower, FOLLOWER_DROPPED_FROM_MS) }).toEqual({
		isolated: true,
		follower: true,
	});
});
