// Redeliveries across webhook processes: NXCloud delivers an event to webhook process A, and
// redelivers it (re-signed, as a retry is) to process B after a spacing measured from A's answer.
// Is the redelivery dropped, or does the event run twice? Each case gets its own workflow, so the
// trigger's window of one case never helps or hinders another's.
// Three kinds of case:
// - isolated: the event is the only push A has had for that workflow;
// - follower: the event reached A 0.2 s after another (the leader, sent to A first); both are
//   redelivered to B at the same moment;
// - same moment: no answer to wait for, the event reaches A and B together (reported, not
//   promised: neither process has stored it when the other checks).
// The figures this design promises are the two constants below; change them when the design changes.
import { randomUUID } from 'node:crypto';

import { delay } from '../support/e2e/http';
import { uniqueName } from '../support/e2e/n8nClient';
import {
	deployQueueTrigger,
	executionStatuses,
	n8nMain,
	reportFigures,
	total,
	type QueueTrigger,
} from '../support/queue/harness';
import { mapConcurrent } from '../support/reliability/pool';
import { Sender } from '../support/standin';

/**
 * Smallest spacing (ms from A's 200 to the redelivery reaching B) from which a redelivery of an
 * isolated event is dropped by the other process; null = never. A answers 200 only after n8n has
 * enqueued the execution and saved the workflow's static data holding the event's key, and B reads
 * that copy on every request: dropped at any spacing, 0 ms included.
 */
export const ISOLATED_DROPPED_FROM_MS: number | null = 0;
/**
 * The same for an event that reached A 0.2 s after another one: each save by A holds every key
 * whose execution A has stored, so neither save can leave out the other's key.
 */
export const FOLLOWER_DROPPED_FROM_MS: number | null = 0;

const SPACINGS_MS = (process.env.QUEUE_REDELIVERY_SPACINGS ?? '0,200,1000,5000,30000')
	.split(',')
	.map(Number);
const FOLLOWER_GAP_MS = 200;
const SAME_MOMENT_CASES = 3;
jest.setTimeout(15 * 60_000);

const ACCOUNT = {
	accessKey: 'queueRedelivery',
	accessSecret: `queue-${randomUUID()}`,
	callbotUuid: randomUUID(),
	callbotSecretKey: randomUUID(),
};
const sender = new Sender(ACCOUNT);
const n8n = n8nMain();
afterAll(() => n8n.cleanup());

const statusPush = (id: string) =>
	JSON.stringify({
		business_phone: '85266123456',
		statuses: [
			{ id: `wamid.${id}`, status: 'delivered', timestamp: String(Math.floor(Date.now() / 1000)) },
		],
	});

type Kind = 'isolated' | 'follower' | 'same moment';

interface Case {
	kind: Kind;
	spacingMs: number;
	trigger: QueueTrigger;
	/** Executions expected if every redelivery is dropped. */
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

/** Delivers a case's events to A, waits the spacing, redelivers them to B; returns every answer's status. */
async function play(c: Case): Promise<number[]> {
	const toA = (body: string) => sender.pushWhatsApp(c.trigger.directUrl(0), body);
	const toB = (body: string) =>
		sender.pushWhatsApp(c.trigger.directUrl(1), body, { algorithm: 'sha256' });
	if (c.kind === 'same moment') {
		const body = statusPush(randomUUID());
		return (await Promise.all([toA(body), toB(body)])).map((r) => r.status);
	}
	if (c.kind === 'isolated') {
		const body = statusPush(randomUUID());
		const first = (await toA(body)).status;
		await delay(c.spacingMs);
		return [first, (await toB(body)).status];
	}
	// The follower is sent 0.2 s after the leader was sent, not after its answer: "arrived 0.2 s
	// later" must not depend on how fast the leader was answered. The spacing runs from the later answer.
	const [leader, follower] = [statusPush(randomUUID()), statusPush(randomUUID())];
	const leaderAnswer = toA(leader);
	await delay(FOLLOWER_GAP_MS);
	const followerAnswer = await toA(follower);
	const firsts = [(await leaderAnswer).status, followerAnswer.status];
	await delay(c.spacingMs);
	return [...firsts, ...(await Promise.all([toB(leader), toB(follower)])).map((r) => r.status)];
}

test('a redelivery to the other webhook process: from which spacing is it dropped', async () => {
	const credentialId = await n8n.createCredential({
		name: uniqueName('NXCloud redelivery'),
		type: 'nxCloudApi',
		data: { ...ACCOUNT, callbotAlgorithm: 'MD5' },
	});
	const plan = [
		...SPACINGS_MS.map((spacingMs) => ({ kind: 'isolated' as const, spacingMs, events: 1 })),
		...SPACINGS_MS.map((spacingMs) => ({ kind: 'follower' as const, spacingMs, events: 2 })),
		...Array.from({ length: SAME_MOMENT_CASES }, () => ({
			kind: 'same moment' as const,
			spacingMs: 0,
			events: 1,
		})),
	];
	const cases: Case[] = await mapConcurrent(plan, 3, async (c) => ({
		...c,
		trigger: await deployQueueTrigger(
			credentialId,
			{ source: 'whatsapp' },
			{ label: `redelivery ${c.kind} ${c.spacingMs}` },
		),
	}));

	// Every case at once: the longest spacing sets the duration.
	const answers = await Promise.all(cases.map(play));
	expect(answers.flat().every((status) => status === 200)).toBe(true);

	// Executions run on the workers; give a second run time to show up.
	await delay(3000);
	const deadline = Date.now() + 60_000;
	let results = cases.map((c) => ({
		...c,
		executions: total(executionStatuses(c.trigger.workflowId)),
	}));
	while (results.some((r) => r.executions < r.events) && Date.now() < deadline) {
		await delay(1000);
		results = cases.map((c) => ({
			...c,
			executions: total(executionStatuses(c.trigger.workflowId)),
		}));
	}
	const measured = results.map((r) => ({
		kind: r.kind,
		spacingMs: r.spacingMs,
		executions: r.executions,
		dropped: r.executions === r.events,
	}));
	// Never fewer executions than events: the first delivery always runs; never more than one per delivery.
	expect(
		measured.filter(
			(m, i) => m.executions < results[i].events || m.executions > 2 * results[i].events,
		),
	).toEqual([]);

	const ofKind = (kind: Kind) => measured.filter((m) => m.kind === kind);
	const sameMomentTwice = ofKind('same moment').filter((m) => !m.dropped).length;
	const figures = {
		isolatedDroppedFromMs: droppedFrom(ofKind('isolated')),
		followerDroppedFromMs: droppedFrom(ofKind('follower')),
		sameMomentTwice,
	};
	const describe = (list: typeof measured) =>
		list.map((m) => `${m.spacingMs} ms: ${m.dropped ? 'dropped' : 'ran twice'}`).join(', ');
	const from = (ms: number | null) => (ms === null ? 'never' : `from ${ms} ms`);
	reportFigures(
		'redelivery',
		[
			`isolated event, A then B: ${describe(ofKind('isolated'))} → dropped ${from(figures.isolatedDroppedFromMs)}`,
			`two events 0.2 s apart at A, both redelivered to B (spacing from the later answer): ${describe(ofKind('follower'))} → dropped ${from(figures.followerDroppedFromMs)}`,
			`one event delivered to A and B at the same moment: ran twice in ${sameMomentTwice} of ${SAME_MOMENT_CASES} (not promised)`,
		],
		{ measured, ...figures },
	);

	// What the design promises: every spacing at or past the figure is dropped.
	const promise = (list: typeof measured, ms: number | null) =>
		ms === null
			? list.every((m) => !m.dropped)
			: list.filter((m) => m.spacingMs >= ms).every((m) => m.dropped);
	expect({
		isolated: promise(ofKind('isolated'), ISOLATED_DROPPED_FROM_MS),
		follower: promise(ofKind('follower'), FOLLOWER_DROPPED_FROM_MS),
	}).toEqual({
		isolated: true,
		follower: true,
	});
});
