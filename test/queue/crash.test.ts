// A webhook process SIGKILLed in the middle of a burst in n8n's queue mode, the crash scenario the
// single-process durability test runs (test/support/durability/crashBurst.ts) on the queue
// topology: 500 signed WhatsApp pushes at concurrency 16 through the round-robin proxy, webhook
// process 1 killed once 250 have been answered (requests in flight on it get the proxy's 502; the
// proxy sends the next ones to process 2), the burst finished on process 2, process 1 restarted.
// Then NXCloud's part, the worst it could do: every push delivered again byte for byte through the
// proxy (so about half of them reach the other process), those not answered 2xx retried until
// they are. Counted from Postgres, only executions a worker ran.
// What must hold: a push answered 200 ran before any redelivery (NXCloud never resends it on its
// own); after the redeliveries no push is missing; an event runs twice only within the duplicate
// window stated below.
import { runCrashBurst, type CrashBurstFigures } from '../support/durability/crashBurst';
import type { Delivery } from '../support/durability/pushes';
import { queueDurabilityTopology } from '../support/durability/queueTopology';
import type { DurabilityTopology } from '../support/durability/topology';
import { delay } from '../support/e2e/http';
import { executionStatuses, markerCounts, reportFigures, total } from '../support/queue/harness';

jest.setTimeout(20 * 60_000);

const PUSHES = Number(process.env.QUEUE_CRASH_PUSHES ?? 500);
const CONCURRENCY = 16;
const MARKERS = 'dur-[0-9a-f]{8}-[0-9]+';

/**
 * Which events may run twice (the duplicate window). A push answered 200 by a process that lives on
 * runs once: its execution was enqueued and the redelivery window holding its key saved before the
 * 200, and every later save by that process keeps the key. Across processes a save is
 * last-writer-wins (n8n saves static data whole): a key the killed process saved in its last
 * moments can be overwritten by the other process's save of a copy loaded before it, and the
 * killed process is gone before it writes the key again; a redelivery of that event runs again.
 * So: pushes answered 200 by the killed process shortly before the kill, and pushes in flight at
 * the kill (answered 502) whose execution was enqueued before the window was saved, which
 * NXCloud's retry runs again (at most the requests in flight).
 */
/** The proxy's index of the killed process (webhook process 1). */
const KILLED = '0';

let figures: CrashBurstFigures;
/** Pushes answered 200 that no worker had run before the redeliveries began. */
let answered200NotRunBeforeRedelivery: string[] = [];
/** The first deliveries (answers, which process answered, when). */
let first: Delivery[] = [];
let storedNeverRun = 0;
let topology: DurabilityTopology;

/** Executions that ran (status success), per push marker, from Postgres. */
async function ranPerMarker(workflowId: string): Promise<Map<string, number>> {
	return markerCounts(workflowId, MARKERS, { status: 'success' });
}

beforeAll(async () => {
	topology = {
		...queueDurabilityTopology(),
		executionsPerMarker: ranPerMarker,
		// An execution the killed process stored but never enqueued stays "new" for good: wait until
		// the statuses stop changing, not until none is unfinished.
		waitUntilSettled: async (workflowId, expected) => {
			const deadline = Date.now() + 120_000;
			while (total(executionStatuses(workflowId)) < expected && Date.now() < deadline)
				await delay(500);
			await quiet(workflowId);
		},
	};
	figures = await runCrashBurst(topology, {
		pushes: PUSHES,
		concurrency: CONCURRENCY,
		killAfterAnswers: Math.floor(PUSHES / 2),
		killProcess: 0,
		label: 'crash-queue',
		beforeRedelivery: async (burst) => {
			first = burst.first;
			const { workflowId } = burst;
			await quiet(workflowId);
			const ran = await ranPerMarker(workflowId);
			answered200NotRunBeforeRedelivery = first
				.filter((d) => d.status === 200 && !ran.has(d.marker))
				.map((d) => d.marker);
			storedNeverRun = executionStatuses(workflowId).new ?? 0;
		},
	});
	const statuses = executionStatuses(figures.workflowId);
	const byMarker = new Map(first.map((d) => [d.marker, d]));
	const killAt = first.map((d) => d.at).sort((a, b) => a - b)[figures.killedAfterAnswers - 1];
	const answered200ByKilled = first.filter(
		(d) => d.status === 200 && d.answeredBy === KILLED,
	).length;
	const duplicatedSecondsBeforeKill = figures.duplicatedAfter200.map(
		(m) => (killAt - byMarker.get(m)!.at) / 1000,
	);
	reportFigures(
		'crash',
		[
			`${PUSHES} pushes at concurrency ${CONCURRENCY}, webhook process 1 killed (SIGKILL) after ${figures.killedAfterAnswers} answers, back in ${figures.seconds.restart.toFixed(1)} s`,
			`first answers ${JSON.stringify(figures.firstAnswers)}; answered 200 but not run before the redeliveries: ${answered200NotRunBeforeRedelivery.length}; stored by the killed process, never enqueued: ${storedNeverRun}`,
			`after every push was delivered again (answers ${JSON.stringify(figures.redeliveryAnswers)}): executed ${figures.executed} of ${PUSHES}, missing ${figures.missing.length}, ran twice: ${figures.duplicatedAfter200.length} answered 200, ${figures.duplicatedWithout200.length} not`,
			`the ${figures.duplicatedAfter200.length} answered 200 that ran twice: answered by the killed process (which answered ${answered200ByKilled} with 200), ${duplicatedSecondsBeforeKill.length ? `within the last ${Math.max(...duplicatedSecondsBeforeKill).toFixed(1)} s before the kill was sent` : 'none'}`,
			`executions by status: ${JSON.stringify(statuses)}`,
		],
		{
			...figures,
			answered200NotRunBeforeRedelivery: answered200NotRunBeforeRedelivery.length,
			storedNeverRun,
			statuses,
			answered200ByKilled,
			duplicatedSecondsBeforeKill,
		},
	);
}, 20 * 60_000);

afterAll(async () => {
	await topology?.stop();
});

/** Until the workflow's executions per status have not changed for `quietMs`. */
async function quiet(workflowId: string, quietMs = 5_000, timeoutMs = 300_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = JSON.stringify(executionStatuses(workflowId));
	let since = Date.now();
	while (Date.now() < deadline) {
		await delay(500);
		const now = executionStatuses(workflowId);
		if (JSON.stringify(now) !== last || now.running) {
			last = JSON.stringify(now);
			since = Date.now();
		} else if (Date.now() - since >= quietMs) return;
	}
}

test('the kill landed mid-burst: pushes answered 200 before and after it, those in flight on the killed process answered 502', () => {
	expect(figures.answered200).toBeGreaterThanOrEqual(figures.killedAfterAnswers);
	// Every push was answered by someone: 200, or the proxy's 502 for a request the killed process had taken.
	expect(Object.keys(figures.firstAnswers).sort()).toEqual(
		figures.answered200 < PUSHES ? ['200', '502'] : ['200'],
	);
});

test('every push answered 200 ran before any redelivery: NXCloud does not resend what it heard 200 for', () => {
	expect(answered200NotRunBeforeRedelivery).toEqual([]);
});

test('after every push was delivered again: none missing, all 500 ran, every delivery answered 200', () => {
	expect(figures.missing).toEqual([]);
	expect(figures.executed).toBe(PUSHES);
	expect(figures.redeliveryAnswers).toEqual({ 200: PUSHES });
});

test('events answered 200 that ran twice: only ones the killed process had answered (its last saves, overwritten by the other process)', () => {
	const answeredBy = new Map(first.map((d) => [d.marker, d.answeredBy]));
	expect(figures.duplicatedAfter200.filter((m) => answeredBy.get(m) !== KILLED)).toEqual([]);
});

test(`events not answered 200 that ran twice: at most the ${CONCURRENCY} requests in flight at the kill`, () => {
	expect(figures.duplicatedWithout200.length).toBeLessThanOrEqual(CONCURRENCY);
});
