// Part 3 of the reliability suite: a failing NXCloud. The stand-in injects one fault
// per request (HTTP 500/502/503/429, timeouts, resets, retCode 7/1001, code 10003, malformed JSON,
// an HTML error page, an answer slower than the node's timeout) while the action node runs inside
// a real n8n. For each operation family:
// - transient faults are retried (each try signed anew) and then succeed;
// - permanent ones fail with the mapped, actionable message;
// - with continueOnFail, input rows = output rows, each failed row carrying its reason;
// - an import whose answer was lost is never sent again (a second importBatchCall would open a
//   new batch and drop the first one's numbers): its rows are checked with exportBatchCall.
// The node's Timeout option is 1 s here, so timeouts cost seconds, not minutes.
import { randomUUID } from 'node:crypto';

import { CALLBOT_HINTS, OPEN_PLATFORM_HINTS } from '../../nodes/NxCloud/transport/errorCatalog';
import type { ActionRunner } from '../support/e2e/n8nClient';
import { getN8n } from '../support/e2e/n8nClient';
import type { ItemJson } from '../support/e2e/types';
import { newAccount } from '../support/e2e/account';
import { BOUND_PHONE, seedTask, standInWithCredential } from '../support/reliability/actionSetup';
import { n8nHealth } from '../support/reliability/n8nHealth';
import { reportPart } from '../support/reliability/report';
import { SecretWatch } from '../support/reliability/secrets';
import type { FaultKind, FaultRule, RecordedRequest, StandIn } from '../support/standin';

jest.setTimeout(15 * 60_000);

const n8n = getN8n();
const account = newAccount({ recognisableSecrets: true });
const watch = new SecretWatch(account);
const OPTIONS = { tries: 3, timeout: 1 };
const counts: Record<string, Record<string, number>> = {};
let standIn: StandIn;
let credentialId: string;

function count(family: string, what: string): void {
	counts[family] ??= {};
	counts[family][what] = (counts[family][what] ?? 0) + 1;
}

/** One representative operation per family, with what a success looks like. */
interface Family {
	name: string;
	/** Path suffix of the request it sends. */
	endpoint: string;
	parameters: Record<string, unknown>;
	/** Callbot (retCode faults apply) or the open platform. */
	callbot: boolean;
	/** Input items of one run (fresh ids each time). */
	input(): ItemJson[];
	/** Whether sending the same request twice is harmless (then ambiguous faults are retried). */
	replayable: boolean;
}

const FAMILIES: Family[] = [
	{
		name: 'WhatsApp Calling (Get Settings)',
		endpoint: '/api/wa/calling/get',
		parameters: {
			resource: 'whatsAppCalling',
			operation: 'getSettings',
			appKey: BOUND_PHONE.appkey,
			businessPhone: '={{ $json.phone }}',
			options: OPTIONS,
		},
		callbot: false,
		input: () => [{ phone: BOUND_PHONE.business_phone }],
		replayable: true,
	},
	{
		name: 'Callbot Task (Start)',
		endpoint: '/mgrTaskStatus',
		parameters: {
			resource: 'callbotTask',
			operation: 'start',
			userTaskId: '={{ $json.task }}',
			options: OPTIONS,
		},
		callbot: true,
		input: () => [{ task: newTask() }],
		replayable: true,
	},
	{
		name: 'Callbot lists (Task Get Many)',
		endpoint: '/listTask',
		parameters: {
			resource: 'callbotTask',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			pageSize: 5,
			options: OPTIONS,
		},
		callbot: true,
		input: () => [{}],
		replayable: true,
	},
	{
		name: 'Callbot (Ping)',
		endpoint: '/ping',
		parameters: { resource: 'callbot', operation: 'ping', options: OPTIONS },
		callbot: true,
		input: () => [{}],
		replayable: true,
	},
	{
		name: 'Callbot Call List (Import as New Batch)',
		endpoint: '/importBatchCall',
		parameters: importParameters({}),
		callbot: true,
		input: () => importRows(newTask(), 3),
		replayable: false,
	},
];

function importParameters(extraOptions: Record<string, unknown>): Record<string, unknown> {
	return {
		resource: 'callbotCallList',
		operation: 'importBatch',
		userTaskId: '={{ $json.task }}',
		phone: '={{ $json.phone }}',
		orderId: '={{ $json.orderId }}',
		orderCallbackUrl: 'https://n8n.example/webhook/order',
		callCallbackUrl: 'https://n8n.example/webhook/call',
		options: { ...OPTIONS, ...extraOptions },
	};
}

function newTask(): string {
	const id = `rel-${randomUUID()}`;
	seedTask(standIn, id);
	return id;
}

function importRows(task: string, n: number): ItemJson[] {
	return Array.from({ length: n }, (_, i) => ({
		task,
		phone: `8613${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`,
		orderId: `${task}-${i}`,
	}));
}

/** Faults that say "not now" or break the connection; each should be retried. */
const TRANSIENT: Array<[label: string, fault: FaultKind, callbotOnly?: boolean]> = [
	['HTTP 500', { kind: 'status', status: 500 }],
	['HTTP 502', { kind: 'status', status: 502 }],
	['HTTP 503', { kind: 'status', status: 503 }],
	['HTTP 429', { kind: 'status', status: 429 }],
	['timeout', { kind: 'timeout' }],
	['connection reset', { kind: 'reset' }],
	['retCode 7 (busy)', { kind: 'retCode', retCode: 7 }, true],
	['malformed JSON', { kind: 'malformedJson' }],
	['HTML error page', { kind: 'htmlPage', status: 502 }],
	['answer slower than the timeout', { kind: 'slow', delayMs: 2_500 }],
];

/** Faults after which NXCloud may have acted: never replayed for a non-replayable request. */
const AMBIGUOUS = new Set([
	'HTTP 500',
	'HTTP 502',
	'timeout',
	'connection reset',
	'malformed JSON',
	'HTML error page',
	'answer slower than the timeout',
]);

const runners = new Map<string, ActionRunner>();
async function runnerFor(
	key: string,
	parameters: Record<string, unknown>,
	continueOnFail = false,
): Promise<ActionRunner> {
	let runner = runners.get(key);
	if (!runner) {
		runner = await n8n.createActionRunner({
			credentialId,
			parameters,
			node: continueOnFail ? { onError: 'continueRegularOutput' } : undefined,
		});
		runners.set(key, runner);
	}
	return runner;
}

function requestsTo(endpoint: string): RecordedRequest[] {
	return standIn.requestsTo(endpoint);
}

/** Runs the node once with one fault queued; returns the run and the requests it made. */
async function runWithFault(runner: ActionRunner, input: ItemJson[], rules: FaultRule[]) {
	standIn.clearRequests();
	standIn.clearFaults();
	for (const rule of rules) standIn.failNext(rule);
	const run = await runner.run(input, 120_000);
	watch.check('an action run', JSON.stringify(run.execution));
	const pending = standIn.pendingFaults();
	standIn.clearFaults();
	return { run, pending };
}

beforeAll(async () => {
	({ standIn, credentialId } = await standInWithCredential(n8n, account, 'failing'));
	standIn.state.calling.setConfig(BOUND_PHONE.business_phone, {
		status: 1,
		region: 'HK',
		icon_status: 1,
		permission_status: 1,
		recording_status: 0,
		hours_status: 0,
		customer_sip_addr: [{ host: '10.0.0.1', port: 5060, type: 1 }],
	});
	// Task Get Many asks for 5: make sure at least 5 tasks exist whichever test runs first.
	for (let i = 0; i < 5; i++) newTask();
});

afterAll(async () => {
	reportPart(
		'failing-nxcloud',
		Object.entries(counts).map(
			([family, c]) =>
				`${family}: ${Object.entries(c)
					.map(([k, v]) => `${k} ${v}`)
					.join(', ')}`,
		),
		{ counts, secretsSwept: { ...watch.scanned, findings: watch.findings.length } },
	);
	for (const runner of runners.values()) await runner.dispose().catch(() => undefined);
	await standIn?.close();
	await n8n.cleanup();
});

describe.each(FAMILIES.map((f) => [f.name, f] as const))('%s', (_name, family) => {
	const transient = TRANSIENT.filter(([, , callbotOnly]) => family.callbot || !callbotOnly);

	it.each(transient.map(([label, fault]) => [label, fault] as const))(
		'recovers from one %s',
		async (label, fault) => {
			const runner = await runnerFor(family.name, family.parameters);
			const input = family.input();
			const ambiguous = !family.replayable && AMBIGUOUS.has(label);
			const { run } = await runWithFault(runner, input, [
				{ match: family.endpoint, ...fault, afterHandling: ambiguous },
			]);
			const sent = requestsTo(family.endpoint);
			// Get Many gives one item per row found (5, the limit); the others one per input row.
			const expectedItems = family.endpoint === '/listTask' ? 5 : input.length;
			expect({
				label,
				status: run.status,
				error: run.error?.message,
				items: run.items.length,
			}).toEqual({ label, status: 200, error: undefined, items: expectedItems });
			expect(run.items.filter((item) => item.error !== undefined)).toEqual([]);
			if (!ambiguous) {
				// Retried once, signed anew: a second request with another signature, then success.
				expect({
					label,
					tries: sent.length,
					faulted: sent.map((r) => r.fault?.kind ?? null),
				}).toEqual({ label, tries: 2, faulted: [fault.kind, null] });
				expect(sent[0].headers.sign).not.toBe(sent[1].headers.sign);
				count(family.name, 'retried and recovered');
			} else {
				// The import reached NXCloud but its answer was lost: not sent again, checked instead.
				expect({
					label,
					imports: sent.length,
					exports: requestsTo('/exportBatchCall').length > 0,
				}).toEqual({ label, imports: 1, exports: true });
				const task = String(input[0].task);
				expect(standIn.state.callbot.task(task)?.batchSeq).toBe(1);
				expect(run.items.map((item) => [item.status, item.orderID, item.confirmedBy])).toEqual(
					input.map((row) => ['imported', row.orderId, 'exportBatchCall']),
				);
				count(family.name, 'lost answer confirmed by export, not replayed');
			}
			if (!family.replayable && !AMBIGUOUS.has(label)) {
				expect(run.items.map((item) => [item.status, item.orderID])).toEqual(
					input.map((row) => ['imported', row.orderId]),
				);
			}
		},
	);

	it('fails with the mapped message when the fault does not go away', async () => {
		const runner = await runnerFor(family.name, family.parameters);
		const input = family.input();
		// Permanent for this family: the open platform's "phone not bound", Callbot's "busy" on
		// every try (for the import: "an import is still running", without Wait If Import Running).
		const [fault, times, message, hint] = !family.callbot
			? [
					{ kind: 'code', code: 10003 } as FaultKind,
					1,
					'NXCloud refused the request (code 10003): WhatsApp business phone is not bind app',
					OPEN_PLATFORM_HINTS[10003],
				]
			: family.replayable
				? [
						{ kind: 'retCode', retCode: 7 } as FaultKind,
						OPTIONS.tries,
						'Callbot refused the request (retCode 7): System busy',
						CALLBOT_HINTS[7],
					]
				: [
						{ kind: 'retCode', retCode: 1001 } as FaultKind,
						1,
						'Callbot refused the request (retCode 1001): Batch import in progress, import and export are unavailable',
						CALLBOT_HINTS[1001],
					];
		const { run, pending } = await runWithFault(runner, input, [
			{ match: family.endpoint, times, ...fault },
		]);
		expect(pending).toBe(0);
		expect(requestsTo(family.endpoint).length).toBe(times);
		expect(run.status).toBe(500);
		expect(run.error?.message).toBe(message);
		expect(String(run.error?.description)).toContain(hint);
		watch.check('an error message', `${run.error?.message} ${run.error?.description}`);
		count(family.name, 'permanent fault reported');
	});

	it('with continueOnFail, gives one item per input row, each failed one with its reason', async () => {
		const runner = await runnerFor(`${family.name} continueOnFail`, family.parameters, true);
		let input: ItemJson[];
		let rules: FaultRule[];
		let failedRows: number[];
		if (family.replayable) {
			// Three items, one request each: the second fails for good (authentication refused).
			input = [...family.input(), ...family.input(), ...family.input()];
			let seen = 0;
			const fault: FaultKind = family.callbot
				? { kind: 'retCode', retCode: 6 }
				: { kind: 'code', code: 1003 };
			rules = [{ match: (r) => r.path.endsWith(family.endpoint) && ++seen === 2, ...fault }];
			failedRows = [1];
		} else {
			// One import for all rows: it fails, so every sent row fails with the reason; a row with a
			// bad phone is refused by the node before sending, with its own reason.
			const task = newTask();
			input = [...importRows(task, 3), { task, phone: '12', orderId: `${task}-bad` }];
			rules = [{ match: family.endpoint, kind: 'retCode', retCode: 1001 }];
			failedRows = [0, 1, 2];
		}
		const { run } = await runWithFault(runner, input, rules);
		expect(run.status).toBe(200);
		const items = run.outputs[0];
		// Every input row comes back: one item each (Get Many: one per task found, 5 here), and a
		// failed row exactly one error item, paired to it.
		const perRow = family.endpoint === '/listTask' ? 5 : 1;
		const expectedPairs = input.flatMap((_, i) =>
			Array.from({ length: failedRows.includes(i) ? 1 : perRow }, () => ({ item: i })),
		);
		expect(items.map((item) => item.pairedItem)).toEqual(expectedPairs);
		for (const [k, item] of items.entries()) {
			const i = expectedPairs[k].item;
			if (failedRows.includes(i)) {
				expect({
					i,
					error: typeof item.json.error,
					code: (item.json.details as { code?: number })?.code,
				}).toEqual({
					i,
					error: 'string',
					code: family.callbot ? (family.replayable ? 6 : 1001) : 1003,
				});
				expect(typeof (item.json.details as { description?: string }).description).toBe('string');
			} else if (!family.replayable) {
				expect({
					i,
					status: item.json.status,
					rejectedBy: item.json.rejectedBy,
					reason: typeof item.json.reason,
				}).toEqual({ i, status: 'rejected', rejectedBy: 'node', reason: 'string' });
			} else {
				expect({ i, error: item.json.error }).toEqual({ i, error: undefined });
			}
		}
		expect(new Set(items.map((item) => JSON.stringify(item.pairedItem))).size).toBe(input.length);
		count(
			family.name,
			`continueOnFail: ${input.length} rows in, every row out (${items.length} items)`,
		);
	});
});

describe('Callbot Call List (Import as New Batch): lost answers', () => {
	// A slow answer and a cut-off 200 both come after NXCloud did the work: covered above.
	const beforeProcessing = TRANSIENT.filter(
		([label, fault]) =>
			AMBIGUOUS.has(label) && fault.kind !== 'slow' && fault.kind !== 'malformedJson',
	);
	it.each(beforeProcessing.map(([label, fault]) => [label, fault] as const))(
		'%s before NXCloud processed it: nothing imported, said so, never sent twice',
		async (_label, fault) => {
			const runner = await runnerFor('import', importParameters({}));
			const task = newTask();
			const input = importRows(task, 3);
			const { run } = await runWithFault(runner, input, [{ match: '/importBatchCall', ...fault }]);
			expect(requestsTo('/importBatchCall').length).toBe(1);
			expect(standIn.state.callbot.task(task)?.batchSeq).toBe(0);
			expect(run.status).toBe(500);
			expect(String(run.error?.description)).toMatch(/holds none of these numbers/);
			count(
				'Callbot Call List (Import as New Batch)',
				'lost before processing reported, not replayed',
			);
		},
	);

	it('waits while an earlier import is still running when asked to, then imports once', async () => {
		const runner = await runnerFor(
			'import wait',
			importParameters({ waitIfImportRunning: true, maxWaitSeconds: 20 }),
		);
		const task = newTask();
		standIn.state.callbot.setImportBusy(task, 1_500);
		const input = importRows(task, 3);
		const { run } = await runWithFault(runner, input, []);
		const imports = requestsTo('/importBatchCall');
		expect(imports.filter((r) => r.retCode === 0).length).toBe(1);
		expect(imports.slice(0, -1).every((r) => r.retCode === 1001)).toBe(true);
		expect(run.items.map((item) => item.status)).toEqual(['imported', 'imported', 'imported']);
		count('Callbot Call List (Import as New Batch)', 'waited for a running import');
	});
});

it('leaves n8n healthy, and shows neither secret in any execution, error or n8n log line', async () => {
	expect(await n8nHealth(n8n)).toEqual({ alive: true, readiness: 200 });
	await watch.sweepExecutions(
		n8n,
		[...runners.values()].map((r) => r.workflowId),
	);
	watch.sweepLog(n8n);
	expect(watch.findings).toEqual([]);
});
