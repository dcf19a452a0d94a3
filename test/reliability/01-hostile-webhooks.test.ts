// Part 1 of the reliability suite: thousands of generated hostile requests at the
// active NXCloud Trigger inside a real n8n, for both sources. Every request is built from a
// seeded generator (test/support/reliability/hostile), so a failure replays exactly:
//   RELIABILITY_SEED=<seed> [RELIABILITY_ONLY=<case>,<case>] npx jest -c test/reliability/jest.config.js test/reliability/01-hostile-webhooks.test.ts
// RELIABILITY_HOSTILE_PER_SOURCE
// changes the number of requests per source (default 2,500: 5,000 in all).
// What must hold: no 5xx and the documented answer for each kind of request; no execution from
// anything not validly signed (or malformed, or not a POST); exactly one from every validly
// signed, well-formed POST; n8n healthy afterwards; no secret anywhere n8n reports.
import { getN8n } from '../support/e2e/n8nClient';
import { credentialData, newAccount } from '../support/e2e/account';
import { createNxCloudCredential } from '../support/e2e/standInCredential';
import { MD5 } from '../support/reliability/actionSetup';
import {
	type ExecutionCount,
	forEachExecution,
	markersIn,
	settledExecutionCount,
} from '../support/reliability/executions';
import { type Source, fieldSites } from '../support/reliability/hostile/bases';
import type { HostileCase, Target } from '../support/reliability/hostile/cases';
import { generateHostileCases } from '../support/reliability/hostile/generate';
import { n8nHealth } from '../support/reliability/n8nHealth';
import { mapConcurrent } from '../support/reliability/pool';
import { runSeed } from '../support/reliability/random';
import { rawRequest } from '../support/reliability/rawHttp';
import { reportPart } from '../support/reliability/report';
import { SecretWatch } from '../support/reliability/secrets';
import { type DeployedTrigger, deployTrigger } from '../support/e2e/triggerWorkflow';
import { Sender } from '../support/standin';
import { RELIABILITY_PAYLOAD_SIZE_MAX_MIB } from '../support/reliability/globalSetup';

jest.setTimeout(20 * 60_000);

const PER_SOURCE = Number(process.env.RELIABILITY_HOSTILE_PER_SOURCE ?? 2500);
const CONCURRENCY = 8;
const STRICT_MAX_AGE_SECONDS = 300;
const SOURCES: Source[] = ['whatsapp', 'callbot'];
const TARGETS: Target[] = ['default', 'strict'];

const n8n = getN8n();
const account = newAccount({ recognisableSecrets: true });
const seed = runSeed('hostile');
const watch = new SecretWatch(account);
const only = (process.env.RELIABILITY_ONLY ?? '')
	.split(',')
	.filter((s) => s.trim() !== '')
	.map(Number);

interface Outcome {
	status: number;
	failure?: string;
	reason?: string;
}

let workflows: Record<Source, Record<Target, DeployedTrigger>>;
let cases: HostileCase[];
const outcomes = new Map<number, Outcome>();
const executionCounts: Record<string, ExecutionCount> = {};
let sendSeconds = 0;

const describeCase = (c: HostileCase) =>
	`#${c.index} ${c.source}/${c.target} ${c.category}: ${c.detail}`;
const workflowOf = (c: HostileCase) => workflows[c.source][c.target];

beforeAll(async () => {
	const credentialId = await createNxCloudCredential(
		n8n,
		credentialData(account, MD5),
		`reliability hostile ${seed}`,
	);
	workflows = {} as typeof workflows;
	for (const source of SOURCES) {
		workflows[source] = {
			default: await deployTrigger(n8n, credentialId, { source }, `hostile ${source} default`),
			strict: await deployTrigger(
				n8n,
				credentialId,
				{ source, maxTimestampAge: STRICT_MAX_AGE_SECONDS },
				`hostile ${source} strict`,
			),
		};
	}
	const all = generateHostileCases({
		seed,
		perSource: PER_SOURCE,
		account,
		strictMaxAgeSeconds: STRICT_MAX_AGE_SECONDS,
		gzipBombMiB: RELIABILITY_PAYLOAD_SIZE_MAX_MIB + 8,
	});
	cases = only.length > 0 ? all.filter((c) => only.includes(c.index)) : all;
	process.stdout.write(
		`[reliability hostile] seed ${seed}: sending ${cases.length} requests at concurrency ${CONCURRENCY}\n`,
	);

	const started = Date.now();
	await mapConcurrent(cases, CONCURRENCY, async (c) => {
		const request = c.build(Date.now());
		const response = await rawRequest({ ...request, url: workflowOf(c).url, timeoutMs: 120_000 });
		let reason: string | undefined;
		try {
			reason = (JSON.parse(response.body.toString('utf8')) as { reason?: string }).reason;
		} catch {
			reason = undefined;
		}
		watch.checkAnswer(`the answer to ${describeCase(c)}`, response.body);
		outcomes.set(c.index, { status: response.status, failure: response.failure, reason });
	});
	sendSeconds = (Date.now() - started) / 1000;
});

afterAll(async () => {
	// Counts per source and kind, whatever the assertions said.
	const rows = new Map<
		string,
		{ sent: number; mustRun: number; statuses: Record<string, number> }
	>();
	for (const c of cases ?? []) {
		const key = `${c.source} ${c.category}`;
		const row = rows.get(key) ?? { sent: 0, mustRun: 0, statuses: {} };
		row.sent++;
		if (c.expect.execute) row.mustRun++;
		const outcome = outcomes.get(c.index);
		const status = outcome ? (outcome.status === 0 ? `closed` : String(outcome.status)) : 'unsent';
		row.statuses[status] = (row.statuses[status] ?? 0) + 1;
		rows.set(key, row);
	}
	const sorted = [...rows.entries()].sort(([a], [b]) => a.localeCompare(b));
	const total = cases?.length ?? 0;
	const mustRun = cases?.filter((c) => c.expect.execute).length ?? 0;
	const fieldCoverage = Object.fromEntries(
		SOURCES.map((source) => [
			source,
			`${new Set((cases ?? []).filter((c) => c.source === source && c.field !== undefined).map((c) => c.field)).size}/${fieldSites(source).size}`,
		]),
	);
	reportPart(
		'hostile-webhooks',
		[
			`wrong JSON type given to fixture fields: ${Object.entries(fieldCoverage)
				.map(([s, v]) => `${s} ${v}`)
				.join(', ')}`,
			`seed ${seed} (replay: RELIABILITY_SEED=${seed})`,
			`${total} requests (${PER_SOURCE} per source), ${mustRun} validly signed and well-formed, sent in ${sendSeconds.toFixed(1)} s at concurrency ${CONCURRENCY}`,
			`executions per workflow: ${Object.entries(executionCounts)
				.map(([k, v]) => `${k} ${v.total} ${JSON.stringify(v.byStatus)}`)
				.join('; ')}`,
			`secrets sweep: ${watch.scanned.answers} answers, ${watch.scanned.executions} executions, ${watch.scanned.logBytes} log bytes, ${watch.findings.length} findings`,
			...sorted.map(
				([key, row]) =>
					`${key.padEnd(34)} sent ${String(row.sent).padStart(4)}  must run ${String(row.mustRun).padStart(4)}  answers ${JSON.stringify(row.statuses)}`,
			),
		],
		{
			seed,
			perSource: PER_SOURCE,
			requests: total,
			mustRun,
			sendSeconds,
			fieldCoverage,
			executions: executionCounts,
			categories: Object.fromEntries(sorted),
			secretFindings: watch.findings.length,
		},
	);
	await n8n.cleanup();
});

it('gives a wrong JSON type to every field of every fixture shape, both sources', () => {
	if (only.length > 0) return;
	for (const source of SOURCES) {
		const covered = new Set(
			cases.filter((c) => c.source === source && c.field !== undefined).map((c) => c.field),
		);
		expect({
			source,
			missing: [...fieldSites(source).keys()].filter((field) => !covered.has(field)),
		}).toEqual({ source, missing: [] });
	}
});

it('answers every request with the right status, and never with a 5xx', () => {
	const serverErrors = cases
		.filter((c) => (outcomes.get(c.index)?.status ?? 0) >= 500)
		.map((c) => `${describeCase(c)} → ${outcomes.get(c.index)?.status}`);
	const wrong = cases
		.filter((c) => !c.expect.statuses.includes(outcomes.get(c.index)?.status ?? -1))
		.map((c) => {
			const o = outcomes.get(c.index);
			return `${describeCase(c)} → ${o?.status}${o?.failure ? ` (${o.failure})` : ''}${o?.reason ? ` ${o.reason}` : ''}, expected ${c.expect.statuses.join('|')}`;
		});
	expect({ seed, serverErrors: serverErrors.slice(0, 25), count: serverErrors.length }).toEqual({
		seed,
		serverErrors: [],
		count: 0,
	});
	expect({ seed, wrong: wrong.slice(0, 25), count: wrong.length }).toEqual({
		seed,
		wrong: [],
		count: 0,
	});
});

it('starts exactly one execution per validly signed, well-formed request, and none for any other', async () => {
	const runs = new Map<string, number>();
	const problems: string[] = [];
	for (const source of SOURCES) {
		for (const target of TARGETS) {
			const workflow = workflows[source][target];
			const mine = cases.filter((c) => c.source === source && c.target === target);
			const expected = mine.filter((c) => c.expect.execute).length;
			const literalsExpected = mine.filter((c) => c.expect.execute && c.marker === null).length;
			executionCounts[`${source}/${target}`] = await settledExecutionCount(
				n8n,
				workflow.workflowId,
				expected,
			);
			let literals = 0;
			await forEachExecution(
				n8n,
				{ workflowId: workflow.workflowId, includeData: true },
				(execution, text) => {
					watch.check(`execution ${execution.id}`, text ?? '');
					watch.scanned.executions++;
					const markers = [...markersIn(text ?? '')];
					if (execution.status !== 'success')
						problems.push(
							`execution ${execution.id} (${source}/${target}, markers ${markers.join(',') || 'none'}) ended "${execution.status}"`,
						);
					if (execution.mode !== 'webhook')
						problems.push(`execution ${execution.id} has mode ${execution.mode}`);
					if (markers.length === 0) literals++;
					else if (markers.length > 1)
						problems.push(
							`execution ${execution.id} holds several requests' markers: ${markers.join(', ')}`,
						);
					else runs.set(markers[0], (runs.get(markers[0]) ?? 0) + 1);
				},
			);
			if (literals !== literalsExpected) {
				problems.push(
					`${source}/${target}: ${literals} executions without a marker, expected ${literalsExpected} (one per bare JSON literal)`,
				);
			}
		}
	}
	const forged = cases
		.filter((c) => !c.expect.execute && c.marker && runs.has(c.marker))
		.map((c) => `${describeCase(c)} started ${runs.get(c.marker!)} execution(s)`);
	const lost = cases
		.filter((c) => c.expect.execute && c.marker && runs.get(c.marker) !== 1)
		.map(
			(c) =>
				`${describeCase(c)} started ${runs.get(c.marker!) ?? 0} execution(s), answered ${outcomes.get(c.index)?.status}`,
		);
	expect({
		seed,
		forged: forged.slice(0, 25),
		lost: lost.slice(0, 25),
		problems: problems.slice(0, 25),
		counts: [forged.length, lost.length, problems.length],
	}).toEqual({ seed, forged: [], lost: [], problems: [], counts: [0, 0, 0] });
});

it('leaves n8n healthy: alive, ready, and every trigger still runs a signed push', async () => {
	expect(await n8nHealth(n8n)).toEqual({ alive: true, readiness: 200 });
	const sender = new Sender(account);
	for (const source of SOURCES) {
		for (const target of TARGETS) {
			const workflow = workflows[source][target];
			const before = (await settledExecutionCount(n8n, workflow.workflowId, 0, { settleMs: 0 }))
				.total;
			const marker = `health-${seed}-${source}-${target}`;
			const result =
				source === 'whatsapp'
					? await sender.pushWhatsApp(workflow.url, {
							statuses: [{ id: `wamid.${marker}`, status: 'read' }],
						})
					: await sender.callbotCallback(workflow.url, { orderID: marker, finish: true });
			expect({ source, target, status: result.status }).toEqual({ source, target, status: 200 });
			const after = await settledExecutionCount(n8n, workflow.workflowId, before + 1, {
				settleMs: 500,
				timeoutMs: 60_000,
			});
			expect({ source, target, executions: after.total }).toEqual({
				source,
				target,
				executions: before + 1,
			});
		}
	}
});

it('shows neither secret in any answer, execution or n8n log line', () => {
	watch.sweepLog(n8n);
	expect(watch.findings).toEqual([]);
	expect(watch.scanned.answers).toBe(cases.length);
});
