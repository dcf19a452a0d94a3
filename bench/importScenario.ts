// One measurement of the import benchmark, in its own process (started by importRunner.ts):
//   node importScenario.js <node|floor> <gzip|plain> <rows> <runId>
// with STANDIN_URL / BENCH_UUID / BENCH_SECRET / BENCH_TASK in the environment.
// Prints one JSON line: wall and CPU time, RSS before and at peak, body and wire sizes.
import { createHash, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { gzip as zlibGzip } from 'node:zlib';

import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';
import { Agent, request } from 'undici';

import { NxCloudApi } from '../credentials/NxCloudApi.credentials';
import { NxCloud } from '../nodes/NxCloud/NxCloud.node';

const gzipAsync = promisify(zlibGzip);
const [mode, compression, rowsArg, runId] = process.argv.slice(2);
const ROWS = Number(rowsArg);
const GZIP = compression === 'gzip';
const URL_BASE = process.env.STANDIN_URL!;
const UUID = process.env.BENCH_UUID!;
const SECRET = process.env.BENCH_SECRET!;
const TASK = process.env.BENCH_TASK!;
const agent = new Agent({ connections: 1, headersTimeout: 600_000, bodyTimeout: 600_000 });

/** What a user hands the node: one item per number, fields as a CSV import would give them. */
function inputRows(): IDataObject[] {
	const rows = new Array<IDataObject>(ROWS);
	for (let k = 0; k < ROWS; k++) {
		rows[k] = {
			phone: `+86 155 ${String(k).padStart(8, '0')}`,
			orderID: `${runId}-${k}`,
			userName: `Customer ${k}`,
			customerName: 'ACME Ltd',
			other: `row ${k}`,
			params: { amount: String(100 + (k % 900)), due: '2026-06-30' },
		};
	}
	return rows;
}

async function post(
	url: string,
	headers: Record<string, string>,
	body: string | Buffer,
): Promise<{ status: number; json: IDataObject }> {
	const response = await request(url, { method: 'POST', headers, body, dispatcher: agent });
	const text = await response.body.text();
	return { status: response.statusCode, json: JSON.parse(text) as IDataObject };
}

let bodyBytes = 0;
let wireBytes = 0;

/** The node's own path: execute() of the NXCloud node with a minimal n8n context. */
async function runNode(items: INodeExecutionData[]): Promise<IDataObject> {
	const credentials = {
		callbotUuid: UUID,
		callbotSecretKey: SECRET,
		callbotAlgorithm: 'MD5',
		callbotBaseUrl: URL_BASE,
	};
	const params: IDataObject = {
		resource: 'callbotCallList',
		operation: 'importBatch',
		userTaskId: TASK,
		inputMode: 'inputFields',
		inputFieldNames: { orderId: 'orderID' },
		orderCallbackUrl: 'https://n8n.example/webhook/order',
		callCallbackUrl: 'https://n8n.example/webhook/call',
		options: { gzipBody: GZIP, tries: 1, timeout: 600 },
	};
	const node: INode = {
		id: 'bench',
		name: 'NXCloud',
		type: 'n8n-nodes-nxcloud.nxCloud',
		typeVersion: 1,
		position: [0, 0],
		parameters: params as INode['parameters'],
	};
	const credential = new NxCloudApi();
	const ctx = {
		getNode: () => node,
		getInputData: () => items,
		continueOnFail: () => false,
		getCredentials: async () => credentials,
		getNodeParameter: (name: string, _i: number, fallback?: unknown) => {
			let value: unknown = params;
			for (const key of name.split('.')) value = (value as IDataObject | undefined)?.[key];
			return value === undefined ? fallback : value;
		},
		helpers: {
			// What n8n does: the credential's authenticate() signs (and gzips), then the request goes out.
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				bodyBytes = Buffer.byteLength(options.body as string);
				const signed = await credential.authenticate(credentials, options);
				const wire = signed.body as string | Buffer;
				wireBytes = typeof wire === 'string' ? Buffer.byteLength(wire) : wire.length;
				const { status, json } = await post(
					signed.url,
					signed.headers as Record<string, string>,
					wire,
				);
				return { statusCode: status, body: json, headers: {} };
			},
		},
	} as unknown as IExecuteFunctions;
	const output = await new NxCloud().execute.call(ctx);
	const results = output[0];
	const imported = results.filter((item) => item.json.status === 'imported').length;
	if (results.length !== ROWS)
		throw new Error(`expected ${ROWS} output items, got ${results.length}`);
	return { imported, outputItems: results.length };
}

/**
 * The floor: the same rows, already in wire form, serialised by one JSON.stringify, hashed as
 * Callbot signs (md5 over secret&body=…&createTs=…), gzipped when asked, POSTed.
 */
async function runFloor(wireRows: IDataObject[]): Promise<IDataObject> {
	const body = JSON.stringify({
		productID: 'callbot',
		userTaskID: TASK,
		callInfoList: {
			orderCallbackUrl: 'https://n8n.example/webhook/order',
			callCallbackUrl: 'https://n8n.example/webhook/call',
			callList: wireRows,
		},
	});
	bodyBytes = Buffer.byteLength(body);
	const createTs = Math.floor(Date.now() / 1000).toString();
	const requestID = randomUUID().replace(/-/g, '');
	const sign = createHash('md5')
		.update(`${SECRET}&body=`)
		.update(body)
		.update(`&createTs=${createTs}&requestID=${requestID}&uuid=${UUID}`)
		.digest('hex')
		.toUpperCase();
	const headers: Record<string, string> = {
		'content-type': 'application/json',
		requestID,
		uuid: UUID,
		createTs,
		sign,
	};
	let wire: string | Buffer = body;
	if (GZIP) {
		wire = await gzipAsync(body);
		headers['content-encoding'] = 'gzip';
	}
	wireBytes = typeof wire === 'string' ? Buffer.byteLength(wire) : wire.length;
	const { json } = await post(`${URL_BASE}/callcentre/api/v3/importBatchCall`, headers, wire);
	if (json.retCode !== 0)
		throw new Error(`floor import refused: ${JSON.stringify(json).slice(0, 300)}`);
	return { imported: json.successCount };
}

function wireForm(rows: IDataObject[]): IDataObject[] {
	return rows.map((row) => ({
		orderID: row.orderID,
		userPhone: String(row.phone).replace(/[+\s]/g, ''),
		other: row.other,
		userName: row.userName,
		customerName: row.customerName,
		params: Object.entries(row.params as IDataObject).map(([name, value]) => ({ name, value })),
	}));
}

async function main(): Promise<void> {
	const rows = inputRows();
	// Prepared before measuring: n8n holds its input items before the node runs.
	const floorRows = mode === 'floor' ? wireForm(rows) : [];
	const items: INodeExecutionData[] = mode === 'floor' ? [] : rows.map((json) => ({ json }));
	const gc = (globalThis as { gc?: () => void }).gc;
	gc?.();
	gc?.();
	const rssBefore = process.memoryUsage.rss();
	let peak = rssBefore;
	// BENCH_TRACE=1: a memory timeline on stderr (every 25 ms), to see which phase holds what.
	const trace = process.env.BENCH_TRACE === '1';
	let tick = 0;
	const t0 = performance.now();
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage.rss());
		if (trace && ++tick % 12 === 0) {
			const m = process.memoryUsage();
			const mb = (b: number) => (b / 1048576).toFixed(0).padStart(4);
			process.stderr.write(
				`${(performance.now() - t0).toFixed(0).padStart(6)} ms rss ${mb(m.rss - rssBefore)} heapUsed ${mb(m.heapUsed)} heapTotal ${mb(m.heapTotal)} external ${mb(m.external)}\n`,
			);
		}
	}, 2);
	const cpu = process.cpuUsage();
	const started = performance.now();
	const result = mode === 'floor' ? await runFloor(floorRows) : await runNode(items);
	const wallMs = performance.now() - started;
	const cpuUsed = process.cpuUsage(cpu);
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage.rss());
	process.stdout.write(
		`${JSON.stringify({ mode, gzip: GZIP, rows: ROWS, wallMs, cpuMs: (cpuUsed.user + cpuUsed.system) / 1000, rssBefore, peakRss: peak, bodyBytes, wireBytes, ...result })}\n`,
	);
	await agent.close();
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack}\n`);
	process.exit(1);
});
