// The NXCloud Trigger answers a push only once n8n has stored its execution and the redelivery
// window holding its key, checked in n8n's own database at the moment each answer arrives.
import { randomBytes } from 'node:crypto';

import { getN8n } from '../support/e2e/n8nClient';
import { executionsPerMarker } from '../support/durability/executionMarkers';
import { deliver, durabilityAccount, pushBatch, type Delivery } from '../support/durability/pushes';
import {
	openN8nDatabase,
	storedExecutionCount,
	storedWindow,
	type SqliteDatabase,
} from '../support/durability/sqlite';
import { delay } from '../support/e2e/http';
import { deployTrigger, TRIGGER_NODE, type DeployedTrigger } from '../support/e2e/triggerWorkflow';

jest.setTimeout(180_000);

const n8n = getN8n();
const account = durabilityAccount();
let db: SqliteDatabase;
let trigger: DeployedTrigger;

beforeAll(async () => {
	db = openN8nDatabase(n8n.connection.userFolder);
	const credentialId = await n8n.createCredential({
		name: 'durability',
		type: 'nxCloudApi',
		data: {
			...account,
			callbotUuid: '00000000-0000-4000-8000-000000000000',
			callbotSecretKey: randomBytes(8).toString('hex'),
		},
	});
	trigger = await deployTrigger(n8n, credentialId, { source: 'whatsapp' }, 'durability');
});
afterAll(async () => {
	db?.close();
	await n8n.cleanup();
});

async function settledCounts(expectedMarkers: number): Promise<Map<string, number>> {
	await n8n.waitForExecutions(trigger.workflowId, expectedMarkers, 60_000);
	await delay(1_000);
	return await executionsPerMarker(n8n, trigger.workflowId);
}

it('answers 200 only after the execution and the window holding its key are in the database; redeliveries to the same process are dropped', async () => {
	const pushes = pushBatch(account, 12);
	const before = storedExecutionCount(db, trigger.workflowId);
	const atAnswer: Array<{ status?: number; executions: number; windowSize: number }> = [];
	for (const push of pushes) {
		const answer = await deliver(trigger.url, push);
		atAnswer.push({
			status: answer.status,
			executions: storedExecutionCount(db, trigger.workflowId) - before,
			windowSize: storedWindow(db, trigger.workflowId, TRIGGER_NODE).length,
		});
		// The same push again at once, byte for byte: dropped (answered 200, nothing stored).
		const again = await deliver(trigger.url, push);
		expect(again.status).toBe(200);
	}
	expect(atAnswer).toEqual(
		pushes.map((_, i) => ({ status: 200, executions: i + 1, windowSize: i + 1 })),
	);
	const counts = await settledCounts(pushes.length);
	expect(pushes.map((p) => counts.get(p.marker))).toEqual(pushes.map(() => 1));
});

it('two events 0.2 s apart: both keys are stored before their answers, so redeliveries of both are dropped', async () => {
	const [first, second] = pushBatch(account, 2);
	const windowBefore = storedWindow(db, trigger.workflowId, TRIGGER_NODE).length;
	const firstAnswer = deliver(trigger.url, first);
	await delay(200);
	const secondAnswer: Delivery = await deliver(trigger.url, second);
	expect([(await firstAnswer).status, secondAnswer.status]).toEqual([200, 200]);
	expect(storedWindow(db, trigger.workflowId, TRIGGER_NODE).length).toBe(windowBefore + 2);
	const redeliveries = await Promise.all([
		deliver(trigger.url, first),
		deliver(trigger.url, second),
	]);
	expect(redeliveries.map((r) => r.status)).toEqual([200, 200]);
	const counts = await settledCounts(14);
	expect([counts.get(first.marker), counts.get(second.marker)]).toEqual([1, 1]);
});

it('simultaneous deliveries of one event: one execution, both answered 200 once it is stored', async () => {
	const pushes = pushBatch(account, 5);
	const answers = await Promise.all(
		pushes.flatMap((push) => [deliver(trigger.url, push), deliver(trigger.url, push)]),
	);
	expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
	const counts = await settledCounts(19);
	expect(pushes.map((p) => counts.get(p.marker))).toEqual(pushes.map(() => 1));
});

it('a push n8n cannot store while its database is locked is not answered 2xx before it is stored, and its retry runs it once', async () => {
	const [push] = pushBatch(account, 1);
	const locker = openN8nDatabase(n8n.connection.userFolder, { readOnly: false });
	const before = storedExecutionCount(db, trigger.workflowId);
	// Another process holds SQLite's write lock: n8n can read, but cannot insert the execution.
	locker.exec('BEGIN IMMEDIATE');
	const answer = deliver(trigger.url, push);
	await delay(4_000);
	const executionsWhileLocked = storedExecutionCount(db, trigger.workflowId) - before;
	locker.exec('ROLLBACK');
	locker.close();
	const first = await answer;
	const storedAtFirstAnswer = storedExecutionCount(db, trigger.workflowId) - before;
	expect(executionsWhileLocked).toBe(0);
	// Either n8n gave up (a non-2xx answer, nothing stored) or it waited for the lock and stored
	// the execution before answering 200; never a 200 without the execution.
	if (first.status === 200) expect(storedAtFirstAnswer).toBe(1);
	else expect(storedAtFirstAnswer).toBe(0);
	// NXCloud's retry (or a redelivery after the 200): the event runs exactly once in all.
	const retry = await deliver(trigger.url, push);
	expect(retry.status).toBe(200);
	const counts = await settledCounts(20);
	expect(counts.get(push.marker)).toBe(1);
	process.stdout.write(
		`locked database: first answer ${first.status ?? first.error}, retry ${retry.status}\n`,
	);
});
