// Callbot → Ping on n8n-core's engine against the stand-in. Ping is safe to repeat, so it is also
// where the transport meets n8n's real HTTP client: the network failures below are the ones n8n
// hands the node, not hand-made copies.
import { createServer } from 'node:net';

import { useInProcessN8n } from '../../../support/inProcess';

const n8n = useInProcessN8n();

const PING = { resource: 'callbot', operation: 'ping' };

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

describe('Ping', () => {
	it("outputs NXCloud's whole answer with an ISO copy of its timestamp", async () => {
		const { items: output, error } = await n8n.run(PING);
		expect(error).toBeUndefined();
		const [request] = n8n.standIn.requestsTo('/ping');
		const answer = JSON.parse(request.responseBody!) as { timestamp: number; reqId: string };
		expect(output.map((item) => item.json)).toEqual([
			expect.objectContaining({
				code: 0,
				data: 'n8n',
				reqId: answer.reqId,
				timestamp: answer.timestamp,
				timestampIso: new Date(
					answer.timestamp * (answer.timestamp < 1e12 ? 1000 : 1),
				).toISOString(),
			}),
		]);
	});

	it.each([
		['a reset connection', { kind: 'reset' as const }, 'ECONNRESET'],
		['no answer within the timeout', { kind: 'timeout' as const }, 'ECONNABORTED'],
	])('retries %s and succeeds on the next try', async (_name, fault, code) => {
		n8n.standIn.failNext({ match: '/ping', ...fault });
		const { items: output, error } = await n8n.run({ ...PING, options: { tries: 2, timeout: 1 } });
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ code: 0 });
		expect(n8n.standIn.requestsTo('/ping')).toHaveLength(2);

		n8n.standIn.failNext({ match: '/ping', ...fault });
		const once = await n8n.run({ ...PING, options: { tries: 1, timeout: 1 } });
		expect(once.error?.message).toBe(`Could not reach Callbot (${code})`);
		expect(once.error?.context?.nxcloud).toMatchObject({
			networkCode: code,
			ambiguous: true,
			tries: 1,
		});
	});

	it('names a refused connection, which never reached NXCloud', async () => {
		const port = await closedPort();
		const run = await n8n.run({ ...PING, options: { tries: 1, timeout: 1 } }, [{}], {
			credentials: { callbotBaseUrl: `http://127.0.0.1:${port}` },
		});
		expect(run.error?.message).toBe('Could not reach Callbot (ECONNREFUSED)');
		expect(run.error?.context?.nxcloud).toMatchObject({
			networkCode: 'ECONNREFUSED',
			ambiguous: false,
		});
	});

	it('retries HTTP 429 and a busy retCode, then stops after the configured tries', async () => {
		n8n.standIn.failNext({ match: '/ping', kind: 'status', status: 429 });
		const recovered = await n8n.run({ ...PING, options: { tries: 2, timeout: 5 } });
		expect(recovered.error).toBeUndefined();
		expect(n8n.standIn.requestsTo('/ping').map((r) => r.status)).toEqual([429, 200]);

		n8n.standIn.clearRequests();
		n8n.standIn.failNext({ match: '/ping', kind: 'retCode', retCode: 7, times: 2 });
		const failed = await n8n.run({ ...PING, options: { tries: 2, timeout: 5 } });
		expect(failed.error?.message).toBe('Callbot refused the request (retCode 7): System busy');
		expect(failed.error?.context?.nxcloud).toMatchObject({ code: 7, tries: 2 });
		expect(n8n.standIn.requestsTo('/ping')).toHaveLength(2);
	});

	it('names a missing credential field before sending anything', async () => {
		const run = await n8n.run(PING, [{}], { credentials: { callbotSecretKey: '' } });
		expect(run.error?.message).toMatch(/no Callbot Secret Key \(field "callbotSecretKey"\)/);
		expect(n8n.standIn.requests).toHaveLength(0);
	});
});
