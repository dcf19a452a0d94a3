// The do-it-yourself workflows of bench/diy/ (what a user builds without this package: Webhook +
// Code + Switch to receive, Code + HTTP Request to import) inside the real n8n, against the
// stand-in NXCloud. The benchmark compares our nodes with these, so they must be right: every
// vendor example lands on the same Switch output, with the same event data, as on our trigger's
// output; a wrongly signed request never reaches the Switch; the import is accepted whole by the
// strict stand-in. n8n runs with NODE_FUNCTION_ALLOW_BUILTIN=crypto (scripts/n8n-env.sh).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import {
	DIY_NODES,
	IMPORT_CALLBACK_URLS,
	diyReceiver,
	importWorkflow,
} from '../../bench/diy/workflows';
import { executionError, nodeOutputs, nodeRan } from '../support/e2e/executionData';
import { http } from '../support/e2e/http';
import { getN8n, uniqueName } from '../support/e2e/n8nClient';
import { NODE_TYPES, repoRoot } from '../support/e2e/paths';
import type { Execution } from '../support/e2e/types';
import { Sender, startStandIn, type StandIn } from '../support/standin';

jest.setTimeout(300_000);

const FIXTURES = join(__dirname, '..', 'fixtures');
const fixtures = (source: 'whatsapp' | 'callbot') =>
	readdirSync(join(FIXTURES, source))
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => ({ name, body: readFileSync(join(FIXTURES, source, name), 'utf8') }));

const ACCOUNT = {
	accessKey: 'diyAccessKey01',
	accessSecret: `diy-secret-${randomUUID()}`,
	callbotUuid: randomUUID().replace(/-/g, ''),
	callbotSecretKey: `diy-callbot-${randomUUID()}`,
};
const sender = new Sender(ACCOUNT);
const n8n = getN8n();
const TRIGGER = 'NXCloud Trigger';

interface Live {
	id: string;
	url: string;
}

let credentialId: string;

beforeAll(async () => {
	credentialId = await n8n.createCredential({
		name: uniqueName('diy e2e'),
		type: 'nxCloudApi',
		data: { ...ACCOUNT, callbotAlgorithm: 'MD5' },
	});
});
afterAll(async () => {
	await n8n.cleanup();
});

async function deployDiy(source: 'whatsapp' | 'callbot'): Promise<Live> {
	const { workflow, path } = diyReceiver(source, ACCOUNT, uniqueName(`diy ${source}`));
	const id = await n8n.createWorkflow(workflow);
	await n8n.activateWorkflow(id);
	const url = n8n.webhookUrl(path);
	await n8n.waitForWebhook(url);
	return { id, url };
}

/** Our trigger, keeping every event (no redelivery drop: the vendor examples share message ids). */
async function deployTrigger(source: 'whatsapp' | 'callbot'): Promise<Live> {
	const webhookId = randomUUID();
	const id = await n8n.createWorkflow({
		name: uniqueName(`diy reference ${source}`),
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				name: TRIGGER,
				type: NODE_TYPES.trigger,
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters: { source, dropRedeliveries: false },
				credentials: { nxCloudApi: { id: credentialId, name: 'diy' } },
			},
		],
		connections: {},
	});
	await n8n.activateWorkflow(id);
	const url = n8n.webhookUrl(`${webhookId}/webhook`);
	await n8n.waitForWebhook(url, 401);
	return { id, url };
}

/** All executions of a workflow, oldest first, once `count` have finished. */
async function finished(workflowId: string, count: number): Promise<Execution[]> {
	return await n8n.waitForExecutions(workflowId, count, 120_000);
}

/** `{event, data}` of each item, per output: what the routing decided, comparable across both. */
const routed = (execution: Execution, node: string) =>
	nodeOutputs(execution, node).map((items) =>
		items.map((item) => ({ event: item.json.event, data: item.json.data })),
	);

/** Pads to `length` outputs: n8n stores no trailing empty outputs for some nodes. */
const padded = <T>(outputs: T[][], length: number): T[][] =>
	Array.from({ length }, (_, k) => outputs[k] ?? []);

describe('WhatsApp: Webhook + Code + Switch', () => {
	let diy: Live;
	let ours: Live;
	beforeAll(async () => {
		diy = await deployDiy('whatsapp');
		ours = await deployTrigger('whatsapp');
	});

	it('routes every vendor example, and a 10-status push, exactly as the NXCloud Trigger does', async () => {
		const tenStatuses = JSON.stringify({
			business_phone: '85266123456',
			statuses: Array.from({ length: 10 }, (_, k) => ({
				id: `wamid.${randomUUID()}`,
				status: ['sent', 'delivered', 'read', 'failed', 'deleted'][k % 5],
				timestamp: '1763888400',
			})),
		});
		const pushes = [...fixtures('whatsapp'), { name: '10 statuses', body: tenStatuses }];
		expect(pushes.length).toBeGreaterThan(40);
		for (const [k, push] of pushes.entries()) {
			const algorithm = k % 2 ? 'sha256' : 'md5';
			// The vendor examples are pretty-printed: only a check over the raw bytes accepts them.
			const answers = [
				await sender.pushWhatsApp(diy.url, push.body, { algorithm }),
				await sender.pushWhatsApp(ours.url, push.body, { algorithm }),
			];
			expect({ push: push.name, statuses: answers.map((a) => a.status) }).toEqual({
				push: push.name,
				statuses: [200, 200],
			});
		}
		const diyRuns = await finished(diy.id, pushes.length);
		const ourRuns = await finished(ours.id, pushes.length);
		pushes.forEach((push, k) => {
			expect({ push: push.name, status: diyRuns[k].status }).toEqual({
				push: push.name,
				status: 'success',
			});
			const expected = padded(routed(ourRuns[k], TRIGGER), 10);
			expect(expected.flat().length).toBeGreaterThan(0);
			expect({ push: push.name, outputs: padded(routed(diyRuns[k], DIY_NODES.route), 10) }).toEqual(
				{ push: push.name, outputs: expected },
			);
		});
		const counts = padded(routed(diyRuns[pushes.length - 1], DIY_NODES.route), 10).map(
			(items) => items.length,
		);
		// Account, Call, Message, Phone, Delivered, Failed, Read, Sent, Template, Other (deleted)
		expect(counts).toEqual([0, 0, 0, 0, 2, 2, 2, 2, 0, 2]);
	});

	it('stops wrongly signed pushes in the Code node: nothing reaches the Switch', async () => {
		const body = JSON.stringify({
			business_phone: '85266123456',
			statuses: [{ id: `wamid.${randomUUID()}`, status: 'read', timestamp: '1763888400' }],
		});
		const before = (await n8n.listExecutions({ workflowId: diy.id, limit: 250 })).length;
		const spoilt: Array<[string, Parameters<Sender['pushWhatsApp']>[2], RegExp]> = [
			['unsigned', { signed: false }, /header "accesskey" is missing/],
			['no sign header', { omitHeaders: ['sign'] }, /header "sign" is missing/],
			['flipped sign', { tamper: 'sign' }, /signature does not match/],
			['other secret', { tamper: 'secret' }, /signature does not match/],
			// Same JSON, one more byte: a check over JSON.stringify(parsed body) would pass it.
			['body changed after signing', { tamper: 'body' }, /signature does not match/],
			['other ts', { tamper: 'timestamp', algorithm: 'sha256' }, /signature does not match/],
			['unknown algorithm', { algorithmHeader: 'sha1' }, /unknown algorithm "sha1"/],
		];
		for (const [, options] of spoilt) {
			// A Webhook node that answers immediately cannot refuse: it answers 200 before the Code node runs.
			expect((await sender.pushWhatsApp(diy.url, body, options)).status).toBe(200);
		}
		const runs = (await finished(diy.id, before + spoilt.length)).slice(before);
		expect(runs).toHaveLength(spoilt.length);
		runs.forEach((run, k) => {
			const [name, , message] = spoilt[k];
			expect({
				name,
				status: run.status,
				error: executionError(run, DIY_NODES.verify.whatsapp)?.message,
			}).toEqual({
				name,
				status: 'error',
				error: expect.stringMatching(message),
			});
			expect(nodeRan(run, DIY_NODES.route)).toBe(false);
		});
	});
});

describe('Callbot: Webhook + Code + Switch', () => {
	it('routes every vendor example as the trigger does, and stops wrongly signed callbacks', async () => {
		const diy = await deployDiy('callbot');
		const ours = await deployTrigger('callbot');
		const callbacks = [
			...fixtures('callbot'),
			{ name: 'unknown shape', body: JSON.stringify({ hello: 'world' }) },
		];
		for (const callback of callbacks) {
			for (const url of [diy.url, ours.url])
				expect((await sender.callbotCallback(url, callback.body)).status).toBe(200);
		}
		const diyRuns = await finished(diy.id, callbacks.length);
		const ourRuns = await finished(ours.id, callbacks.length);
		callbacks.forEach((callback, k) => {
			const expected = padded(routed(ourRuns[k], TRIGGER), 4).map((items) =>
				items.map((item) => ({ ...item, event: String(item.event) })),
			);
			expect({
				callback: callback.name,
				outputs: padded(routed(diyRuns[k], DIY_NODES.route), 4),
			}).toEqual({ callback: callback.name, outputs: expected });
		});

		const spoilt = [
			{ tamper: 'sign' as const },
			{ tamper: 'body' as const },
			{ uuid: randomUUID().replace(/-/g, '') },
			{ omitHeaders: ['createTs'] },
		];
		for (const options of spoilt)
			expect((await sender.callbotCallback(diy.url, callbacks[0].body, options)).status).toBe(200);
		const runs = (await finished(diy.id, callbacks.length + spoilt.length)).slice(callbacks.length);
		expect(runs.map((run) => [run.status, nodeRan(run, DIY_NODES.route)])).toEqual(
			spoilt.map(() => ['error', false]),
		);
	});
});

describe('Callbot import: Code + HTTP Request', () => {
	let standIn: StandIn;
	beforeAll(async () => {
		standIn = await startStandIn(ACCOUNT);
	});
	afterAll(async () => {
		await standIn?.close();
	});

	it('sends one signed importBatchCall that the strict stand-in accepts with every row', async () => {
		const taskId = `diy-task-${randomUUID()}`;
		standIn.state.callbot.model.createTask({
			userTaskID: taskId,
			sceneID: 'diy',
			taskName: 'diy',
			other: '',
			taskCreateSetting: {},
			funcFlag: {},
			taskCallbackUrl: '',
			orderCallbackUrl: '',
		});
		const { workflow, path } = importWorkflow('diy', {
			account: ACCOUNT,
			taskId,
			callbotUrl: standIn.url,
			credentialId,
			name: uniqueName('diy import'),
		});
		const id = await n8n.createWorkflow(workflow);
		await n8n.activateWorkflow(id);
		const url = n8n.webhookUrl(path);
		await n8n.waitForWebhook(url);

		const rows = 2_000;
		const runId = randomUUID().slice(0, 8);
		const answer = await http(url, { method: 'POST', body: { rows, runId }, timeoutMs: 120_000 });
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({
			retCode: 0,
			totalCount: rows,
			successCount: rows,
			errList: [],
		});
		const [request] = standIn.requestsTo('/importBatchCall');
		expect(standIn.requestsTo('/importBatchCall')).toHaveLength(1);
		expect({ status: request.status, retCode: request.retCode, reason: request.reason }).toEqual({
			status: 200,
			retCode: 0,
			reason: undefined,
		});
		const task = standIn.state.callbot.task(taskId)!;
		expect(task.orders.size).toBe(rows);
		expect(task.orders.get(`${runId}-1234`)).toMatchObject({
			userPhone: '8615500001234',
			userName: 'Customer 1234',
			customerName: 'ACME Ltd',
			other: 'row 1234',
			params: [
				{ name: 'amount', value: '434' },
				{ name: 'due', value: '2026-06-30' },
			],
			...IMPORT_CALLBACK_URLS,
		});
	});
});

test('the JSON files are what bench/diy/build.mjs makes from the Code node sources', () => {
	execFileSync(process.execPath, [join(repoRoot, 'bench', 'diy', 'build.mjs'), '--check'], {
		stdio: 'pipe',
	});
});
