// A small round-robin HTTP proxy in front of n8n's webhook processes, as a load balancer would
// be (test code, plain Node so it runs as its own process without a build step).
//   node proxy.mjs <port> <backend URL> [<backend URL> …]      listens on 127.0.0.1:<port> only
// Each request goes to the next backend in turn. A backend that refuses the connection (stopped,
// restarting) is skipped and the request goes to the next one, as nginx does by default; a backend
// that fails after the request was sent gets a 502 answer, never a retry, because it may have acted
// on the request. The answer carries `x-queue-backend: <index>` (which process answered).
// GET /__proxy/stats answers {"requests":[per backend],"refused":[…],"failed":[…]}.
import { Agent, createServer, request } from 'node:http';

const [portArg, ...backendArgs] = process.argv.slice(2);
const port = Number(portArg);
if (!Number.isInteger(port) || backendArgs.length === 0) {
	process.stderr.write('usage: node proxy.mjs <port> <backend URL> [<backend URL> …]\n');
	process.exit(2);
}
const backends = backendArgs.map((url) => new URL(url));
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const stats = {
	requests: backends.map(() => 0),
	refused: backends.map(() => 0),
	failed: backends.map(() => 0),
};
let next = 0;

/** Errors that mean the backend never got the request, so another one may take it. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ECONNRESET_BEFORE_SEND', 'EHOSTUNREACH']);

function forward(req, res, body, attempt) {
	const index = next++ % backends.length;
	const backend = backends[index];
	let sent = false;
	const upstream = request(
		{
			host: backend.hostname,
			port: backend.port,
			method: req.method,
			path: req.url,
			headers: {
				...req.headers,
				host: `${backend.hostname}:${backend.port}`,
				'content-length': String(body.length),
			},
			agent,
		},
		(answer) => {
			stats.requests[index]++;
			res.writeHead(answer.statusCode ?? 502, {
				...answer.headers,
				'x-queue-backend': String(index),
			});
			answer.pipe(res);
			answer.on('error', () => res.destroy());
		},
	);
	upstream.on('socket', (socket) => {
		// A reused keep-alive socket is already connected; a new one counts as sent once connected.
		if (!socket.connecting) sent = true;
		else socket.once('connect', () => (sent = true));
	});
	upstream.on('error', (error) => {
		if (res.headersSent) return res.destroy();
		const refused = !sent || NOT_SENT.has(error.code);
		if (refused) stats.refused[index]++;
		else stats.failed[index]++;
		if (refused && attempt + 1 < backends.length) return forward(req, res, body, attempt + 1);
		res.writeHead(502, { 'content-type': 'application/json', 'x-queue-backend': String(index) });
		res.end(
			JSON.stringify({ error: 'bad gateway', backend: index, code: error.code ?? String(error) }),
		);
	});
	upstream.end(body);
}

const server = createServer((req, res) => {
	if (req.method === 'GET' && req.url === '/__proxy/stats') {
		res.writeHead(200, { 'content-type': 'application/json' });
		return res.end(JSON.stringify(stats));
	}
	const chunks = [];
	req.on('data', (chunk) => chunks.push(chunk));
	req.on('end', () => forward(req, res, Buffer.concat(chunks), 0));
	req.on('error', () => res.destroy());
});
server.keepAliveTimeout = 5000;
server.listen(port, '127.0.0.1', () =>
	process.stdout.write(`proxy listening on http://127.0.0.1:${port} → ${backendArgs.join(', ')}\n`),
);
for (const signal of ['SIGTERM', 'SIGINT']) {
	process.on(signal, () => {
		server.close();
		agent.destroy();
		process.exit(0);
	});
}
