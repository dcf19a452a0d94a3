// An oversized push is read to its end (and thrown away) before the trigger answers 413, so the
// sender reads the answer instead of a reset connection; a sender that stalls is not waited on
// for longer than the limit. Real sockets: a node:http server and the raw client of the
// reliability suite. The server's readRawBody refuses on Content-Length the way n8n's does
// (raw-body checks the declared length first and leaves the request paused, unread).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';

import {
	discardUnreadBody,
	readRequestBody,
	respondJson,
} from '../../../nodes/NxCloud/trigger/http';
import { rawRequest } from '../../support/reliability/rawHttp';

const LIMIT_BYTES = 1024 * 1024;

type Request = IncomingMessage & { readRawBody?: () => Promise<void>; rawBody?: Buffer };

interface Seen {
	endedBeforeAnswer: boolean;
	status?: number;
}

function serve(
	handle: (req: Request) => Promise<Seen>,
): Promise<{ server: Server; url: string; seen: Seen[] }> {
	const seen: Seen[] = [];
	const server = createServer((req: Request, res) => {
		req.readRawBody = async () => {
			if (Number(req.headers['content-length']) > LIMIT_BYTES) {
				req.pause();
				throw Object.assign(new Error('request entity too large'), { status: 413 });
			}
			const chunks: Buffer[] = [];
			for await (const chunk of req) chunks.push(chunk as Buffer);
			req.rawBody = Buffer.concat(chunks);
		};
		void handle(req).then((result) => {
			seen.push(result);
			respondJson(res, result.status ?? 200, { seen: true });
		});
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () =>
			resolve({
				server,
				url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
				seen,
			}),
		),
	);
}

describe('an oversized upload', () => {
	it('is read to its end before the 413 is written, and the sender gets the 413', async () => {
		const { server, url, seen } = await serve(async (req) => {
			const body = await readRequestBody(req);
			return {
				endedBeforeAnswer: req.readableEnded,
				status: 'refusal' in body ? body.refusal.status : 200,
			};
		});
		try {
			const answers = [];
			for (let i = 0; i < 3; i++) {
				const answer = await rawRequest({
					method: 'POST',
					url,
					headers: [['content-type', 'application/json']],
					body: Buffer.alloc(16 * LIMIT_BYTES, 0x20),
				});
				answers.push({ status: answer.status, body: answer.body.toString() });
			}
			expect(answers).toEqual(Array(3).fill({ status: 413, body: '{"seen":true}' }));
			expect(seen).toEqual(Array(3).fill({ endedBeforeAnswer: true, status: 413 }));
		} finally {
			server.close();
		}
	});

	it('a body under the limit is read as usual', async () => {
		const { server, url } = await serve(async (req) => {
			const body = await readRequestBody(req);
			return { endedBeforeAnswer: req.readableEnded, status: 'rawBody' in body ? 200 : 500 };
		});
		try {
			const answer = await rawRequest({
				method: 'POST',
				url,
				headers: [['content-type', 'application/json']],
				body: Buffer.from('{"a":1}'),
			});
			expect(answer.status).toBe(200);
		} finally {
			server.close();
		}
	});

	it('a sender that stalls mid-upload is waited on for the limit, not longer', async () => {
		let finished: { ended: boolean; waitedMs: number } | undefined;
		const { server, url } = await serve(async (req) => {
			req.pause();
			const started = Date.now();
			await discardUnreadBody(req, 300);
			finished = { ended: req.readableEnded, waitedMs: Date.now() - started };
			return { endedBeforeAnswer: req.readableEnded };
		});
		const target = new URL(url);
		const socket = connect({ host: target.hostname, port: Number(target.port) });
		try {
			socket.write(
				`POST /hook HTTP/1.1\r\nHost: ${target.host}\r\nContent-Length: ${16 * LIMIT_BYTES}\r\n\r\n`,
			);
			socket.write(Buffer.alloc(1024, 0x20));
			const deadline = Date.now() + 5_000;
			while (!finished && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
			expect(finished?.ended).toBe(false);
			expect(finished?.waitedMs).toBeGreaterThanOrEqual(250);
			expect(finished?.waitedMs).toBeLessThan(3_000);
		} finally {
			socket.destroy();
			server.close();
		}
	});

	it('does nothing for a request that is not a stream (nothing to drain)', async () => {
		await expect(discardUnreadBody({ headers: {} }, 10_000)).resolves.toBeUndefined();
	});
});
