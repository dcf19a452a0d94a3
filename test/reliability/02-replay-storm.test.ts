// Part 2 of the reliability suite: a replay storm and the same-moment race, against the
// NXCloud Trigger in a real n8n with default settings (Drop Redeliveries on, window 1,000 events).
// - Storm: 1,000 signed pushes, 30% exact redeliveries of earlier pushes (half re-signed, half
//   byte-for-byte with the original's headers), 10% carrying a later status before the earlier
//   one, sent at concurrency 16. A redelivery is sent once its original has been answered (NXCloud
//   retries after an answer or a timeout, never before the first try). Each unique event must be
//   in the executions exactly once.
// - Race: the same event delivered twice at the same moment, for both sources.
// Seeded: RELIABILITY_SEED=<seed> replays the plan.
import { randomUUID } from 'node:crypto';

import { nodeOutputs } from '../support/e2e/executionData';
import { getN8n } from '../support/e2e/n8nClient';
import { credentialData, newAccount } from '../support/e2e/account';
import { createNxCloudCredential } from '../support/e2e/standInCredential';
import { MD5 } from '../support/reliability/actionSetup';
import { forEachExecution, settledExecutionCount } from '../support/reliability/executions';
import { mapConcurrent } from '../support/reliability/pool';
import { Random, runSeed } from '../support/reliability/random';
import { reportPart } from '../support/reliability/report';
import { SecretWatch } from '../support/reliability/secrets';
import { planStorm, type StormPlan } from '../support/reliability/storm';
import { type HeaderList, signatureHeaders } from '../support/reliability/hostile/signing';
import { TRIGGER_NODE, type DeployedTrigger, deployTrigger } from '../support/e2e/triggerWorkflow';
import { Sender, post, type SendResult } from '../support/standin';

jest.setTimeout(15 * 60_000);

const PUSHES = 1000;
const CONCURRENCY = 16;
const RACE_PAIRS = 25;

const n8n = getN8n();
const account = newAccount({ recognisableSecrets: true });
const sender = new Sender(account);
const seed = runSeed('storm');
const watch = new SecretWatch(account);
const figures: Record<string, unknown> = { seed };

let credentialId: string;
const workflows: DeployedTrigger[] = [];

beforeAll(async () => {
	credentialId = await createNxCloudCredential(
		n8n,
		credentialData(account, MD5),
		`reliability storm ${seed}`,
	);
});

afterAll(async () => {
	reportPart(
		'replay-storm',
		[
			`seed ${seed} (replay: RELIABILITY_SEED=${seed})`,
			...Object.entries(figures)
				.filter(([k]) => k !== 'seed')
				.map(([k, v]) => `${k}: ${JSON.stringify(v)}`),
		],
		figures,
	);
	await n8n.cleanup();
});

function headerRecord(headers: HeaderList): Record<string, string> {
	return Object.fromEntries([
		['content-type', 'application/json'],
		...headers.map(([name, value]) => [name, value.toString()]),
	]);
}

/** How many times each event key (`<id> <status>`, `callbot <orderID>`) appears in the trigger's items. */
async function emittedEvents(workflowId: string): Promise<Map<string, number>> {
	const seen = new Map<string, number>();
	await forEachExecution(n8n, { workflowId, includeData: true }, (execution, text) => {
		watch.check(`execution ${execution.id}`, text ?? '');
		watch.scanned.executions++;
		for (const item of nodeOutputs(execution, TRIGGER_NODE).flat()) {
			const data = item.json.data as { id?: string; status?: string; orderID?: string };
			const key =
				data.orderID !== undefined ? `callbot ${data.orderID}` : `${data.id} ${data.status}`;
			seen.set(key, (seen.get(key) ?? 0) + 1);
		}
	});
	return seen;
}

function duplicatesAndMisses(expected: string[], seen: Map<string, number>) {
	return {
		duplicated: expected
			.filter((key) => (seen.get(key) ?? 0) > 1)
			.map((key) => `${key} ×${seen.get(key)}`),
		missing: expected.filter((key) => !seen.has(key)),
		unexpected: [...seen.keys()].filter((key) => !expected.includes(key)),
	};
}

describe('replay storm', () => {
	let plan: StormPlan;
	let workflow: DeployedTrigger;
	const results: SendResult[] = [];

	beforeAll(async () => {
		workflow = await deployTrigger(n8n, credentialId, { source: 'whatsapp' }, 'storm');
		workflows.push(workflow);
		plan = planStorm(new Random(seed), {
			total: PUSHES,
			redeliveryShare: 0.3,
			outOfOrderShare: 0.1,
			minGap: CONCURRENCY + 1,
			tag: seed.toString(36),
		});
		const done = plan.pushes.map(() => {
			let resolve!: () => void;
			const promise = new Promise<void>((r) => (resolve = r));
			return { promise, resolve };
		});
		const started = Date.now();
		await mapConcurrent(plan.pushes, CONCURRENCY, async (push) => {
			try {
				let result: SendResult;
				if (push.redeliveryOf !== undefined) {
					await done[push.redeliveryOf].promise;
					const original = results[push.redeliveryOf];
					result = push.sameHeaders
						? {
								...(await post(workflow.url, original.sent.body, {
									headers: original.sent.headers,
								})),
								sent: original.sent,
							}
						: await sender.pushWhatsApp(workflow.url, push.body, {
								algorithm: push.index % 2 ? 'sha256' : 'md5',
							});
				} else {
					result = await sender.pushWhatsApp(workflow.url, push.body, {
						algorithm: push.index % 2 ? 'sha256' : 'md5',
					});
				}
				results[push.index] = result;
				watch.checkAnswer(`the answer to storm push ${push.index}`, result.body);
			} finally {
				done[push.index].resolve();
			}
		});
		figures.storm = {
			pushes: plan.pushes.length,
			uniquePushes: plan.pushes.length - plan.redeliveries,
			uniqueEvents: plan.uniqueEvents,
			redeliveries: plan.redeliveries,
			byteExactReplays: plan.pushes.filter((p) => p.redeliveryOf !== undefined && p.sameHeaders)
				.length,
			outOfOrder: plan.outOfOrder,
			concurrency: CONCURRENCY,
			sendSeconds: (Date.now() - started) / 1000,
		};
	});

	it('answers every push, redeliveries included, with 200 {"received":true}', () => {
		const wrong = results
			.map((r, i) => [i, r.status, r.text()] as const)
			.filter(([, status, text]) => status !== 200 || text !== '{"received":true}');
		expect({ seed, wrong: wrong.slice(0, 20), count: wrong.length }).toEqual({
			seed,
			wrong: [],
			count: 0,
		});
	});

	it('emits each unique event exactly once', async () => {
		const uniquePushes = plan.pushes.length - plan.redeliveries;
		const count = await settledExecutionCount(n8n, workflow.workflowId, uniquePushes, {
			settleMs: 3_000,
		});
		const seen = await emittedEvents(workflow.workflowId);
		const expected = [...new Set(plan.pushes.flatMap((p) => p.events.map((e) => e.key)))];
		const outcome = duplicatesAndMisses(expected, seen);
		// Diagnostic, not asserted: how many event keys the stored redelivery window kept.
		const stored = await n8n.api<{
			staticData?: Record<string, { redeliveryWindow?: string[] }> | null;
		}>('GET', `/workflows/${workflow.workflowId}`);
		figures.stormResult = {
			windowKeysStored: stored.staticData?.[`node:${TRIGGER_NODE}`]?.redeliveryWindow?.length ?? 0,
			executions: count.total,
			executionsExpected: uniquePushes,
			eventsEmitted: [...seen.values()].reduce((a, b) => a + b, 0),
			eventsExpected: expected.length,
			duplicated: outcome.duplicated.length,
			missing: outcome.missing.length,
		};
		expect({
			seed,
			duplicated: outcome.duplicated.slice(0, 20),
			missing: outcome.missing.slice(0, 20),
			unexpected: outcome.unexpected.slice(0, 20),
			counts: [outcome.duplicated.length, outcome.missing.length, outcome.unexpected.length],
		}).toEqual({ seed, duplicated: [], missing: [], unexpected: [], counts: [0, 0, 0] });
		expect({ executions: count.total, byStatus: count.byStatus }).toEqual({
			executions: uniquePushes,
			byStatus: { success: uniquePushes },
		});
	});
});

describe('the same event twice at the same moment', () => {
	for (const source of ['whatsapp', 'callbot'] as const) {
		it(`${source}: ${RACE_PAIRS} pairs of simultaneous identical deliveries start one execution per event`, async () => {
			const workflow = await deployTrigger(n8n, credentialId, { source }, `race ${source}`);
			workflows.push(workflow);
			const keys: string[] = [];
			const answers: number[] = [];
			for (let pair = 0; pair < RACE_PAIRS; pair++) {
				const id = `race-${seed}-${pair}-${randomUUID()}`;
				const body =
					source === 'whatsapp'
						? JSON.stringify({
								business_phone: '85266123456',
								statuses: [{ id: `wamid.${id}`, status: 'delivered', timestamp: '1763900000' }],
							})
						: JSON.stringify({
								callbackType: 2,
								orderID: id,
								finish: true,
								callInfoDetail: { callID: `call-${id}`, callStatus: 1 },
							});
				keys.push(source === 'whatsapp' ? `wamid.${id} delivered` : `callbot ${id}`);
				// Both copies leave together. Even pairs: byte-for-byte the same request (a retry fired
				// by a sender that did not wait for the first answer). Odd pairs: signed separately.
				const signed = () =>
					headerRecord(
						signatureHeaders(
							source,
							account,
							Buffer.from(body),
							{ digest: 'md5', requestID: randomUUID().replace(/-/g, '') },
							Date.now(),
						),
					);
				const first = signed();
				const second = pair % 2 === 0 ? first : signed();
				const results = await Promise.all([
					post(workflow.url, body, { headers: first }),
					post(workflow.url, body, { headers: second }),
				]);
				for (const result of results) {
					answers.push(result.status);
					watch.checkAnswer(`the answer to race pair ${pair}`, result.body);
				}
			}
			const count = await settledExecutionCount(n8n, workflow.workflowId, RACE_PAIRS, {
				settleMs: 3_000,
			});
			const seen = await emittedEvents(workflow.workflowId);
			const outcome = duplicatesAndMisses(keys, seen);
			figures[`race ${source}`] = {
				pairs: RACE_PAIRS,
				executions: count.total,
				duplicated: outcome.duplicated.length,
				missing: outcome.missing.length,
			};
			expect(answers.filter((status) => status !== 200)).toEqual([]);
			expect({ seed, ...outcome, executions: count.total }).toEqual({
				seed,
				duplicated: [],
				missing: [],
				unexpected: [],
				executions: RACE_PAIRS,
			});
		});
	}
});

it('shows neither secret in any answer, execution or n8n log line', () => {
	watch.sweepLog(n8n);
	figures.secretsSwept = { ...watch.scanned, findings: watch.findings.length };
	expect(watch.findings).toEqual([]);
});
