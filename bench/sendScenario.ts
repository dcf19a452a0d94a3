// One measurement of the send benchmark, in its own process (started by sendRunner.ts):
//   node sendScenario.js <node|floor> <messages> <runId>
// with STANDIN_URL / BENCH_ACCESS_KEY / BENCH_SECRET / BENCH_APPKEY / BENCH_PHONE in the environment.
// Prints one JSON line: wall and CPU time, RSS before and at peak, messages accepted.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';

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

const [mode, countArg, runId] = process.argv.slice(2);
const COUNT = Number(countArg);
const URL_BASE = process.env.STANDIN_URL!;
const ACCESS_KEY = process.env.BENCH_ACCESS_KEY!;
const SECRET = process.env.BENCH_SECRET!;
const APPKEY = process.env.BENCH_APPKEY!;
const PHONE = process.env.BENCH_PHONE!;
// Both sides: one keep-alive connection, one request at a time (the node sends item by item).
const agent = new Agent({ connections: 1 });

/** What a user hands the node: one item per message, as a trigger or a sheet would give them. */
function inputItems(): INodeExecutionData[] {
	const items = new Array<INodeExecutionData>(COUNT);
	for (let k = 0; k < COUNT; k++) {
		items[k] = {
			json: {
				phone: `86138${String(k).padStart(8, '0')}`,
				text: `Hello customer ${k}, your order ${runId}-${k} has shipped.`,
			},
		};
	}
	return items;
}

async function post(
	url: string,
	headers: Record<string, string>,
	body: string,
): Promise<{ status: number; json: IDataObject }> {
	const response = await request(url, { method: 'POST', headers, body, dispatcher: agent });
	const text = await response.body.text();
	return { status: response.statusCode, json: JSON.parse(text) as IDataObject };
}

/** The node's own path: execute() of the NXCloud node (Send, text) with a minimal n8n context. */
async function runNode(items: INodeExecutionData[]): Promise<number> {
	const credentials = {
		accessKey: ACCESS_KEY,
		accessSecret: SECRET,
		openApiAlgorithm: 'md5',
		openApiBaseUrl: URL_BASE,
	};
	const params: IDataObject = {
		resource: 'whatsAppMessage',
		operation: 'send',
		appKey: APPKEY,
		businessPhone: PHONE,
		messageType: 'text',
		previewUrl: false,
		options: { tries: 1, timeout: 60 },
	};
	// `to` and `text` come from each item, as expressions would give them.
	const perItem: Record<string, string> = { to: 'phone', text: 'text' };
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
		getNodeParameter: (name: string, i: number, fallback?: unknown) => {
			if (name in perItem) return items[i].json[perItem[name]];
			let value: unknown = params;
			for (const key of name.split('.')) value = (value as IDataObject | undefined)?.[key];
			return value === undefined ? fallback : value;
		},
		helpers: {
			// What n8n does: the credential's authenticate() signs, then the request goes out.
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const signed = await credential.authenticate(credentials, options);
				const { status, json } = await post(
					signed.url,
					signed.headers as Record<string, string>,
					signed.body as string,
				);
				return { statusCode: status, body: json, headers: {} };
			},
		},
	} as unknown as IExecuteFunctions;
	const output = (await new NxCloud().execute.call(ctx))[0];
	if (output.length !== COUNT)
		throw new Error(`expected ${COUNT} output items, got ${output.length}`);
	return output.filter((item) => typeof item.json.messageId === 'string').length;
}

/** The floor: per message one JSON.stringify, an md5 over the §1.3 plaintext, one POST. */
async function runFloor(items: INodeExecutionData[]): Promise<number> {
	let accepted = 0;
	for (const item of items) {
		const body = JSON.stringify({
			appkey: APPKEY,
			business_phone: PHONE,
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: item.json.phone,
			type: 'text',
			text: { body: item.json.text, preview_url: false },
		});
		const ts = Date.now().toString();
		const sign = createHash('md5')
			.update(
				`accessKey=${ACCESS_KEY}&action=mt&bizType=2&ts=${ts}&body=${body}&accessSecret=${SECRET}`,
				'utf8',
			)
			.digest('hex');
		const headers = {
			'content-type': 'application/json',
			accessKey: ACCESS_KEY,
			ts,
			bizType: '2',
			action: 'mt',
			sign,
		};
		const { json } = await post(`${URL_BASE}/api/wa/mt`, headers, body);
		if (json.code !== 0)
			throw new Error(`floor send refused: ${JSON.stringify(json).slice(0, 300)}`);
		accepted += 1;
	}
	return accepted;
}

async function main(): Promise<void> {
	const items = inputItems();
	(globalThis as { gc?: () => void }).gc?.();
	const rssBefore = process.memoryUsage().rss;
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const accepted = mode === 'node' ? await runNode(items) : await runFloor(items);
	const wallMs = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	const peakRss = process.resourceUsage().maxRSS * 1024;
	await agent.close();
	process.stdout.write(
		`${JSON.stringify({ mode, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, rssBefore, peakRss, accepted })}\n`,
	);
}

main().catch((error) => {
	process.stderr.write(`${(error as Error).stack}\n`);
	process.exit(1);
});
