// Part 5 of the reliability suite: resource bounds, inside a real n8n.
// - A 20 MB signed WhatsApp push (2,000 statuses of ~10 KB): answered 200, one execution with
//   every event, n8n alive afterwards. A 48 MiB push (over the suite's 40 MiB N8N_PAYLOAD_SIZE_MAX)
//   is refused 413 (read to its end and thrown away first, so the sender gets the answer rather
//   than a reset connection), and starts nothing.
// - A 100,000-row Import as New Batch through the action node to the stand-in: one request with
//   every row, one output item per input row.
// n8n's RSS before, at its peak and after each is bench output (.cache/bench/resources-latest.json),
// never an assertion: the assertions are about correctness only. n8n is shared with the other
// parts, so its heap may already be grown: the import is measured next to a baseline run of the
// same items through the same workflow without the NXCloud node.
import { randomUUID } from 'node:crypto';

import { nodeOutputs } from '../support/e2e/executionData';
import { getN8n } from '../support/e2e/n8nClient';
import { credentialData, newAccount } from '../support/e2e/account';
import { createNxCloudCredential } from '../support/e2e/standInCredential';
import { MD5, seedTask, standInWithCredential } from '../support/reliability/actionSetup';
import { settledExecutionCount, forEachExecution } from '../support/reliability/executions';
import { RELIABILITY_PAYLOAD_SIZE_MAX_MIB } from '../support/reliability/globalSetup';
import { n8nHealth } from '../support/reliability/n8nHealth';
import { benchOutput, reportPart } from '../support/reliability/report';
import { rawRequest } from '../support/reliability/rawHttp';
import { RssSampler } from '../support/reliability/rssSampler';
import { SecretWatch } from '../support/reliability/secrets';
import { TRIGGER_NODE, deployTrigger } from '../support/e2e/triggerWorkflow';
import { Sender, type StandIn } from '../support/standin';

jest.setTimeout(15 * 60_000);

const PUSH_EVENTS = 2_000;
const PUSH_BYTES = 20 * 1024 * 1024;
const IMPORT_ROWS = 100_000;

const n8n = getN8n();
const account = newAccount({ recognisableSecrets: true });
const sender = new Sender(account);
const watch = new SecretWatch(account);
const bench: Record<string, unknown> = {};
const lines: string[] = [];
let standIn: StandIn | undefined;

afterAll(async () => {
	benchOutput('resources', lines, bench);
	reportPart('resource-bounds', lines, bench);
	await standIn?.close();
	await n8n.cleanup();
});

/** A push of `events` statuses whose JSON is `bytes` long (±1 KB). */
function bigPush(events: number, bytes: number, tag: string): string {
	const filler = 'x'.repeat(Math.floor(bytes / events) - 200);
	const statuses = Array.from({ length: events }, (_, i) => ({
		id: `wamid.big.${tag}.${i}`,
		status: 'failed',
		timestamp: '1763900000',
		recipient_id: '8617600000819',
		errors: [{ code: 131026, title: filler }],
	}));
	return JSON.stringify({ messaging_product: 'whatsapp', business_phone: '85266123456', statuses });
}

const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

describe('the trigger under a 20 MB push', () => {
	it('answers 200 and emits all 2,000 events in one execution; refuses a 48 MiB push with 413', async () => {
		const credentialId = await createNxCloudCredential(
			n8n,
			credentialData(account, MD5),
			'reliability resources',
		);
		const workflow = await deployTrigger(
			n8n,
			credentialId,
			{ source: 'whatsapp' },
			'resources 20MB',
		);
		const tag = randomUUID();
		const body = bigPush(PUSH_EVENTS, PUSH_BYTES, tag);

		const sampler = new RssSampler(n8n);
		const started = Date.now();
		const result = await sender.pushWhatsApp(workflow.url, body, { timeoutMs: 300_000 });
		const answeredMs = Date.now() - started;
		const count = await settledExecutionCount(n8n, workflow.workflowId, 1, {
			settleMs: 1_000,
			timeoutMs: 300_000,
		});
		const rss = sampler.stop();
		watch.checkAnswer('the answer to the 20 MB push', result.body);

		expect({ status: result.status, body: result.text() }).toEqual({
			status: 200,
			body: '{"received":true}',
		});
		expect({ executions: count.total, byStatus: count.byStatus }).toEqual({
			executions: 1,
			byStatus: { success: 1 },
		});
		let emitted = 0;
		await forEachExecution(
			n8n,
			{ workflowId: workflow.workflowId, includeData: true },
			(execution, text) => {
				emitted += nodeOutputs(execution, TRIGGER_NODE).flat().length;
				watch.check(`execution ${execution.id}`, text ?? '');
				watch.scanned.executions++;
			},
		);
		expect(emitted).toBe(PUSH_EVENTS);

		// Over the body limit: refused while n8n reads it, nothing runs.
		const tooBig = Buffer.alloc((RELIABILITY_PAYLOAD_SIZE_MAX_MIB + 8) * 1024 * 1024, 0x20);
		// The raw client keeps n8n's answer even when n8n closes the connection mid-upload.
		const refused = await rawRequest({
			method: 'POST',
			url: workflow.url,
			headers: [['content-type', 'application/json']],
			body: tooBig,
			timeoutMs: 300_000,
		});
		const refusedStatus = refused.status === 0 ? `no answer (${refused.failure})` : refused.status;
		expect(refusedStatus).toBe(413);
		expect(
			(await settledExecutionCount(n8n, workflow.workflowId, 1, { settleMs: 1_000 })).total,
		).toBe(1);
		expect(await n8nHealth(n8n)).toEqual({ alive: true, readiness: 200 });

		bench.push20MB = {
			bodyMiB: mib(Buffer.byteLength(body)),
			events: PUSH_EVENTS,
			answeredMs,
			rssMiB: rss,
		};
		lines.push(
			`20 MB push (${mib(Buffer.byteLength(body))} MiB, ${PUSH_EVENTS} events): answered 200 in ${answeredMs} ms; n8n RSS before ${rss.before.mainMiB} MiB, peak ${rss.peak.mainMiB} MiB (+${(rss.peak.mainMiB - rss.before.mainMiB).toFixed(1)}), after ${rss.after.mainMiB} MiB; with task runners ${rss.before.treeMiB} → ${rss.after.treeMiB} MiB`,
			`${RELIABILITY_PAYLOAD_SIZE_MAX_MIB + 8} MiB push: ${refusedStatus}, no execution`,
		);
	});
});

describe('the import under 100,000 rows', () => {
	it('sends one request with every row and returns one item per row', async () => {
		const setup = await standInWithCredential(n8n, account, 'resources import', {
			recordBodies: false,
		});
		standIn = setup.standIn;
		const userTaskID = `rel-import-${randomUUID()}`;
		seedTask(standIn, userTaskID);
		const runner = await n8n.createActionRunner({
			credentialId: setup.credentialId,
			parameters: {
				resource: 'callbotCallList',
				operation: 'importBatch',
				userTaskId: userTaskID,
				phone: '={{ $json.phone }}',
				orderId: '={{ $json.orderId }}',
				userName: '={{ $json.name }}',
				orderCallbackUrl: 'https://n8n.example/webhook/order',
				callCallbackUrl: 'https://n8n.example/webhook/call',
				options: {},
			},
		});
		const rows = Array.from({ length: IMPORT_ROWS }, (_, i) => ({
			phone: `86133${String(i).padStart(8, '0')}`,
			orderId: `${userTaskID}-${i}`,
			name: `Row ${i}`,
		}));

		// Baseline: the same 100,000 items through the same workflow with a No Op where the NXCloud
		// node is, so the figures below can be told apart from n8n's own cost of 100,000 items.
		const baseline = await n8n.createActionRunner({
			parameters: {},
			node: { type: 'n8n-nodes-base.noOp' },
		});
		const baselineSampler = new RssSampler(n8n);
		const baselineStarted = Date.now();
		const baselineRun = await baseline.run(rows, 600_000);
		const baselineMs = Date.now() - baselineStarted;
		const baselineRss = baselineSampler.stop();
		expect(baselineRun.items.length).toBe(IMPORT_ROWS);
		await baseline.dispose();

		const sampler = new RssSampler(n8n);
		const started = Date.now();
		const run = await runner.run(rows, 600_000);
		const ranMs = Date.now() - started;
		const rss = sampler.stop();

		const imports = standIn.requestsTo('/importBatchCall');
		expect(imports.map((r) => r.retCode)).toEqual([0]);
		expect(standIn.state.callbot.task(userTaskID)?.latestBatch?.orderIDs.length).toBe(IMPORT_ROWS);
		expect(run.error).toBeUndefined();
		expect(run.items.length).toBe(IMPORT_ROWS);
		// Row by row: paired to its input, imported, with its own order ID.
		const wrong = run.outputs[0]
			.map((item, i) => ({
				i,
				paired: item.pairedItem,
				orderID: item.json.orderID,
				status: item.json.status,
			}))
			.filter(
				({ i, paired, orderID, status }) =>
					JSON.stringify(paired) !== JSON.stringify({ item: i }) ||
					orderID !== rows[i].orderId ||
					status !== 'imported',
			);
		expect(wrong.slice(0, 5)).toEqual([]);
		expect(await n8nHealth(n8n)).toEqual({ alive: true, readiness: 200 });
		watch.check('the 100,000-row run', JSON.stringify(run.execution));
		watch.scanned.executions++;

		bench.import100k = {
			rows: IMPORT_ROWS,
			bodyMiB: mib(imports[0].bodySize),
			ranMs,
			rssMiB: rss,
			baseline: { ranMs: baselineMs, rssMiB: baselineRss },
		};
		lines.push(
			`100,000-row import (request body ${mib(imports[0].bodySize)} MiB): workflow done in ${ranMs} ms; n8n RSS before ${rss.before.mainMiB} MiB, peak ${rss.peak.mainMiB} MiB (+${(rss.peak.mainMiB - rss.before.mainMiB).toFixed(1)}), after ${rss.after.mainMiB} MiB`,
			`  baseline, same 100,000 items with a No Op instead of NXCloud: ${baselineMs} ms; RSS before ${baselineRss.before.mainMiB} MiB, peak ${baselineRss.peak.mainMiB} MiB (+${(baselineRss.peak.mainMiB - baselineRss.before.mainMiB).toFixed(1)}), after ${baselineRss.after.mainMiB} MiB`,
		);
	});
});

it('shows neither secret in any answer, execution or n8n log line', async () => {
	watch.sweepLog(n8n);
	bench.secretsSwept = { ...watch.scanned, findings: watch.findings.length };
	expect(watch.findings).toEqual([]);
});
