import { NodeApiError } from 'n8n-workflow';

import {
	type RetryPolicy,
	failureDetails,
	isAmbiguousFailure,
	nxCloudRequest,
} from '../../../nodes/NxCloud/transport/nxCloudRequest';
// The one place left on the hand-made context (mockExecute): the transport as a function, with
// retry policies the node's parameters cannot set (1 ms backoff, waits of a few ms), so a scripted
// answer sequence runs in milliseconds; through the node every retry waits 500 ms or more. The
// operations, the signing, n8n's real HTTP errors (reset, timeout, refused) and retries through the
// node run on n8n-core's engine: test/unit/actions/<resource>/<operation>.test.ts. The fake's
// network errors copy the shape those tests observe (`cause.code`, ECONNABORTED for a timeout).
import {
	mockExecute,
	n8n1NetworkError,
	networkError,
	type HttpAnswer,
} from '../actions/mockExecute';

const FAST: RetryPolicy = { maxTries: 3, baseDelayMs: 1, timeoutMs: 1000, retryAmbiguous: true };
const CALLBOT = {
	product: 'callbot' as const,
	path: '/callcentre/api/v3/listTask',
	body: { productID: 'callbot' },
};
const CALLING = {
	product: 'openPlatform' as const,
	path: '/api/wa/calling/get',
	body: { appkey: 'k' },
};

function answering(...answers: Array<HttpAnswer | Error>) {
	return mockExecute({
		params: {},
		http: (_request, index) => {
			const answer = answers[Math.min(index, answers.length - 1)];
			if (answer instanceof Error) throw answer;
			return answer;
		},
	});
}

async function failure(promise: Promise<unknown>): Promise<NodeApiError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected a failure');
}

describe('error mapping', () => {
	it.each([
		[6, /Callbot Secret Key/],
		[6001, /Callbot signature missing/],
		[6002, /Callbot UUID/],
		[6003, /no permission/],
		[4001, /Too many elements/],
	])(
		'Callbot retCode %i becomes a NodeApiError with code, vendor message, response ID and advice',
		async (code, hint) => {
			const { ctx, requests } = answering({
				body: { retCode: code, retMsg: 'vendor says no', responseID: 'resp-42' },
			});
			const error = await failure(nxCloudRequest.call(ctx, CALLBOT, FAST));

			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toBe(`Callbot refused the request (retCode ${code}): vendor says no`);
			expect(error.description).toMatch(hint);
			expect(error.description).toMatch(/Response ID: resp-42$/);
			expect(failureDetails(error)).toMatchObject({
				code,
				codeName: 'retCode',
				vendorMessage: 'vendor says no',
				traceId: 'resp-42',
				ambiguous: false,
				tries: 1,
			});
			expect(requests).toHaveLength(1);
		},
	);

	it.each([
		[
			'importBatchCall',
			/Import the first part with Import as New Batch, then send the rest with Add Numbers to Task/,
			/Do not split it into several imports/,
		],
		['addBatchCall', /Loop Over Items/, /nothing is replaced/],
		['createAndCall', /Create the task with a first part.*Add Numbers to Task/, /Create and Call/],
		['stopOrder', /order IDs/, /Loop Over Items/],
		['listOrderDetail', /At most 500 order IDs/, /Loop Over Items/],
	])("retCode 4001 from %s gets that operation's own advice", async (endpoint, advice, more) => {
		const { ctx } = answering({ body: { retCode: 4001, retMsg: 'too many', responseID: 'r' } });
		const error = await failure(
			nxCloudRequest.call(ctx, { ...CALLBOT, path: `/callcentre/api/v3/${endpoint}` }, FAST),
		);
		expect(error.description).toMatch(advice);
		expect(error.description).toMatch(more);
		if (endpoint === 'importBatchCall')
			expect(error.description).not.toMatch(/^Too many elements in one request\. Split the input/);
	});

	it.each([
		[1003, /Access Secret/],
		[1004, /clock/],
		[1005, /Access Key/],
		[1102, /Top up/],
		[10003, /not bound to the application/],
	])('open platform code %i becomes a NodeApiError with the trace ID', async (code, hint) => {
		const { ctx, requests } = answering({ body: { code, message: 'nope', traceId: 'trace-9' } });
		const error = await failure(nxCloudRequest.call(ctx, CALLING, FAST));

		expect(error.message).toBe(`NXCloud refused the request (code ${code}): nope`);
		expect(error.description).toMatch(hint);
		expect(error.description).toMatch(/Trace ID: trace-9/);
		expect(requests[0].headers).toMatchObject({
			bizType: '2',
			action: 'mt',
			'Content-Type': 'application/json',
		});
	});

	it('maps an HTTP error without JSON and a 4xx with JSON', async () => {
		const html = answering({ statusCode: 404, body: '<html>Not Found</html>' });
		const e1 = await failure(nxCloudRequest.call(html.ctx, CALLBOT, FAST));
		expect(e1.message).toBe('Callbot answered HTTP 404 with a body that is not JSON');
		expect(e1.description).toMatch(/<html>Not Found<\/html>/);
		expect(html.requests).toHaveLength(1);

		const json = answering({ statusCode: 400, body: { error: 'bad' } });
		const e2 = await failure(nxCloudRequest.call(json.ctx, CALLBOT, FAST));
		expect(e2.message).toBe('Callbot answered HTTP 400 for /callcentre/api/v3/listTask');
		expect(failureDetails(e2)).toMatchObject({ httpStatus: 400, ambiguous: false });
	});
});

describe('retries', () => {
	it.each([
		['HTTP 429', { statusCode: 429, body: 'slow down' }],
		['HTTP 503', { statusCode: 503, body: { error: 'down' } }],
		['retCode 5', { body: { retCode: 5, retMsg: 'maintenance' } }],
		['retCode 5001', { body: { retCode: 5001, retMsg: 'internal' } }],
		['retCode 7', { body: { retCode: 7, retMsg: 'busy' } }],
		['ECONNREFUSED', networkError('ECONNREFUSED')],
	])('retries %s and succeeds on a later try', async (_name, transient) => {
		const { ctx, requests } = answering(transient as HttpAnswer, {
			body: { retCode: 0, taskData: [] },
		});
		await expect(nxCloudRequest.call(ctx, CALLBOT, FAST)).resolves.toEqual({
			retCode: 0,
			taskData: [],
		});
		expect(requests).toHaveLength(2);
	});

	it('stops after the configured number of tries', async () => {
		const { ctx, requests } = answering({ body: { retCode: 7, retMsg: 'busy' } });
		const error = await failure(nxCloudRequest.call(ctx, CALLBOT, { ...FAST, maxTries: 4 }));
		expect(requests).toHaveLength(4);
		expect(failureDetails(error)?.tries).toBe(4);
		const once = answering({ body: { retCode: 7, retMsg: 'busy' } });
		await failure(nxCloudRequest.call(once.ctx, CALLBOT, { ...FAST, maxTries: 1 }));
		expect(once.requests).toHaveLength(1);
	});

	it.each([
		['a timeout', networkError('ECONNABORTED', 'timeout of 1000ms exceeded')],
		['a reset', networkError('ECONNRESET', 'socket hang up')],
		['HTTP 502', { statusCode: 502, body: '<html>Bad Gateway</html>' }],
		['HTTP 500', { statusCode: 500, body: { error: 'x' } }],
	])('retries %s only when the request is safe to repeat', async (_name, ambiguous) => {
		const safe = answering(ambiguous as HttpAnswer, { body: { retCode: 0 } });
		await nxCloudRequest.call(safe.ctx, CALLBOT, FAST);
		expect(safe.requests).toHaveLength(2);

		const unsafe = answering(ambiguous as HttpAnswer, { body: { retCode: 0 } });
		const error = await failure(
			nxCloudRequest.call(unsafe.ctx, CALLBOT, { ...FAST, retryAmbiguous: false }),
		);
		expect(unsafe.requests).toHaveLength(1);
		expect(isAmbiguousFailure(error)).toBe(true);
		expect(error.description).toMatch(
			/Not retried: NXCloud may already have received this request/,
		);
	});

	it.each([
		['ECONNABORTED', 'The connection was aborted, perhaps the server is offline'],
		['ECONNRESET', 'The connection to the server was closed unexpectedly, perhaps it is offline.'],
		['ECONNREFUSED', 'The service refused the connection - perhaps it is offline'],
	])(
		'names and retries %s as n8n 1.x reports it (code only in httpCode)',
		async (code, message) => {
			const safe = answering(n8n1NetworkError(code, message), { body: { retCode: 0 } });
			await nxCloudRequest.call(safe.ctx, CALLBOT, FAST);
			expect(safe.requests).toHaveLength(2);

			const unsafe = answering(n8n1NetworkError(code, message));
			const error = await failure(
				nxCloudRequest.call(unsafe.ctx, CALLBOT, { ...FAST, retryAmbiguous: false }),
			);
			expect(error.message).toBe(`Could not reach Callbot (${code})`);
			expect(failureDetails(error)?.networkCode).toBe(code);
			expect(isAmbiguousFailure(error)).toBe(code !== 'ECONNREFUSED');
			expect(unsafe.requests).toHaveLength(code === 'ECONNREFUSED' ? 3 : 1);
		},
	);

	it('treats a listed business code as ambiguous (5001 answering a write)', async () => {
		const { ctx, requests } = answering(
			{ body: { retCode: 5001, retMsg: 'internal' } },
			{ body: { retCode: 0 } },
		);
		const error = await failure(
			nxCloudRequest.call(ctx, CALLBOT, { ...FAST, retryAmbiguous: false, ambiguousCodes: [5001] }),
		);
		expect(requests).toHaveLength(1);
		expect(isAmbiguousFailure(error)).toBe(true);
	});

	it('signs each try anew: the transport passes a fresh request to the credential every time', async () => {
		const { ctx, requests } = answering({ body: { retCode: 7 } }, { body: { retCode: 0 } });
		await nxCloudRequest.call(ctx, CALLBOT, FAST);
		expect(requests).toHaveLength(2);
		expect(requests[0].options).not.toBe(requests[1].options);
		expect(requests[0].options.body).toBe(requests[1].options.body);
	});
});

describe('waiting on an import in progress (retCode 1001)', () => {
	it('waits and retries without using up tries while the wait lasts', async () => {
		const busy = { body: { retCode: 1001, retMsg: 'Batch import in progress' } };
		const { ctx, requests } = answering(busy, busy, busy, { body: { retCode: 0, batchID: 'b' } });
		await expect(
			nxCloudRequest.call(ctx, CALLBOT, {
				...FAST,
				maxTries: 1,
				waitCodes: [1001],
				maxWaitMs: 5000,
			}),
		).resolves.toMatchObject({ batchID: 'b' });
		expect(requests).toHaveLength(4);
	});

	it('fails with the exact vendor reason when waiting is off or over', async () => {
		const busy = {
			body: {
				retCode: 1001,
				retMsg: 'Batch import in progress, import and export are unavailable',
			},
		};
		const off = answering(busy);
		const e1 = await failure(nxCloudRequest.call(off.ctx, CALLBOT, FAST));
		expect(e1.message).toBe(
			'Callbot refused the request (retCode 1001): Batch import in progress, import and export are unavailable',
		);
		expect(off.requests).toHaveLength(1);

		const over = answering(busy);
		const e2 = await failure(
			nxCloudRequest.call(over.ctx, CALLBOT, { ...FAST, waitCodes: [1001], maxWaitMs: 30 }),
		);
		expect(e2.description).toMatch(/Waited 0 s for it to finish/);
		expect(over.requests.length).toBeGreaterThan(1);
	});
});
