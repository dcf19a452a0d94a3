// The HTTP layer: reads and gunzips the body, records the request, applies a queued fault or
// routes to the open platform / Callbot, and writes the answer (gzipped when allowed).
import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';

import { callbotIdentity } from './callbot/auth';
import {
	type CallbotDeps,
	callbotEndpoint,
	callbotEnvelope,
	handleCallbot,
	isCallbotPath,
} from './callbot/index';
import { callbotReply } from './callbot/respond';
import {
	CODE_MESSAGE,
	type FaultKind,
	type FaultQueue,
	RET_MSG,
	htmlErrorPage,
	kindOf,
} from './faults';
import {
	BodyTooLarge,
	type Exchange,
	type Reply,
	acceptsGzip,
	decodeBody,
	headerOf,
	jsonReply,
	readWire,
	textReply,
} from './http';
import {
	type OpenPlatformDeps,
	envelope,
	handleOpenPlatform,
	isOpenPlatformPath,
	openPlatformOp,
} from './openPlatform/index';
import { type ApiFamily, type RecordedRequest, RequestLog } from './recording';
import { FILES_PREFIX, type FileHost } from './files';
import { MEDIA_DOWNLOAD_PREFIX, serveMediaLink } from './openPlatform/media';
import { type WhatsAppDeps, handleWhatsApp, whatsAppEndpoint } from './openPlatform/whatsApp';

const gzipAsync = promisify(gzip);

export interface ServerDeps {
	openPlatform: OpenPlatformDeps;
	/** WhatsApp media, template and phone endpoints, and the links they hand out. */
	whatsApp: WhatsAppDeps;
	files: FileHost;
	callbot: CallbotDeps;
	log: RequestLog;
	faults: FaultQueue;
	clock: () => number;
	maxBodyBytes: number;
	/** Timers of slow / timed-out answers, cleared on close so nothing fires afterwards. */
	timers: Set<NodeJS.Timeout>;
}

function apiOf(path: string): ApiFamily {
	if (isCallbotPath(path)) return 'callbot';
	if (isOpenPlatformPath(path)) return 'openPlatform';
	return 'none';
}

/** Normal handling: 404 for unknown paths, 405 for non-POST, else the API's own answer. */
function route(ex: Exchange, deps: ServerDeps): Reply {
	if (ex.path.startsWith(MEDIA_DOWNLOAD_PREFIX))
		return serveMediaLink(ex, ex.query ?? new URLSearchParams(), deps.whatsApp.whatsApp.media);
	if (ex.path.startsWith(FILES_PREFIX)) return deps.files.serve(ex);
	const waName = whatsAppEndpoint(ex.path);
	if (waName) {
		if (ex.method !== 'POST') {
			const reply = jsonReply(
				405,
				{ status: 405, error: 'Method Not Allowed', path: ex.path },
				{ reason: `method ${ex.method}` },
			);
			reply.headers.allow = 'POST';
			return reply;
		}
		return handleWhatsApp(ex, waName, deps.whatsApp);
	}
	const op = openPlatformOp(ex.path);
	const endpoint = op ? undefined : callbotEndpoint(ex.path);
	if (!op && !endpoint) {
		const notFound = {
			timestamp: new Date(ex.now).toISOString(),
			status: 404,
			error: 'Not Found',
			path: ex.path,
		};
		return jsonReply(404, notFound, { reason: 'unknown path' });
	}
	if (ex.method !== 'POST') {
		const notAllowed = { status: 405, error: 'Method Not Allowed', path: ex.path };
		const reply = jsonReply(405, notAllowed, { reason: `method ${ex.method}` });
		reply.headers.allow = 'POST';
		return reply;
	}
	return op
		? handleOpenPlatform(ex, op, deps.openPlatform)
		: handleCallbot(ex, endpoint!, deps.callbot);
}

type FaultAction = { reply: Reply } | { destroy: true } | { hang: number | undefined };

function faultAction(kind: FaultKind, ex: Exchange, api: ApiFamily, deps: ServerDeps): FaultAction {
	switch (kind.kind) {
		case 'status': {
			const reply = textReply(
				kind.status,
				kind.body ?? STATUS_CODES[kind.status] ?? 'Error',
				kind.contentType,
			);
			Object.assign(reply.headers, kind.headers ?? {});
			return { reply };
		}
		case 'retCode': {
			const retMsg = kind.retMsg ?? RET_MSG[kind.retCode] ?? 'Error';
			const identity = callbotIdentity(ex, deps.callbot.accounts);
			return {
				reply: callbotReply(identity, ex.now, callbotEnvelope(kind.retCode, retMsg), {
					retCode: kind.retCode,
				}),
			};
		}
		case 'code': {
			const message = kind.message ?? CODE_MESSAGE[kind.code] ?? 'Failure';
			return { reply: jsonReply(200, envelope(kind.code, message), { code: kind.code }) };
		}
		case 'malformedJson': {
			const cut =
				api === 'callbot'
					? '{"retCode":0,"retMsg":"success","responseID":"'
					: '{"code":0,"message":"Success","data":{"business_phone":';
			return { reply: textReply(200, cut, 'application/json;charset=UTF-8') };
		}
		case 'htmlPage': {
			const status = kind.status ?? 502;
			return { reply: textReply(status, htmlErrorPage(status), 'text/html') };
		}
		case 'reset':
			return { destroy: true };
		case 'timeout':
			return { hang: kind.afterMs };
		case 'slow':
			// Handled by the caller (the normal answer, delayed).
			return { reply: route(ex, deps) };
	}
}

async function write(
	req: IncomingMessage,
	res: ServerResponse,
	reply: Reply,
	record: RecordedRequest,
): Promise<void> {
	let body = reply.body;
	const headers: Record<string, string> = { ...reply.headers };
	if (reply.compressible && acceptsGzip(headerOf(req.headers, 'accept-encoding'))) {
		body = await gzipAsync(body);
		headers['content-encoding'] = 'gzip';
		headers.vary = 'Accept-Encoding';
	}
	headers['content-length'] = String(body.length);
	RequestLog.settle(record, {
		status: reply.status,
		code: reply.code,
		retCode: reply.retCode,
		reason: reply.reason,
		headers,
		body: reply.body,
	});
	if (res.destroyed) return;
	res.writeHead(reply.status, headers);
	res.end(body);
}

function later(deps: ServerDeps, ms: number, run: () => void): void {
	const timer = setTimeout(() => {
		deps.timers.delete(timer);
		run();
	}, ms);
	deps.timers.add(timer);
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<void> {
	const url = new URL(req.url ?? '/', 'http://standin.invalid');
	const path = url.pathname;
	const api = apiOf(path);
	let wire: Buffer;
	try {
		wire = await readWire(req, deps.maxBodyBytes);
	} catch (error) {
		if (error instanceof BodyTooLarge && !res.headersSent) {
			res.writeHead(413, { connection: 'close' });
			res.end();
		}
		return;
	}
	const contentEncoding = headerOf(req.headers, 'content-encoding');
	const decoded = await decodeBody(wire, contentEncoding);
	const ex: Exchange = {
		method: req.method ?? 'GET',
		path,
		headers: req.headers,
		body: decoded.ok ? decoded.body : wire,
		decodeError: decoded.ok ? undefined : decoded.reason,
		now: deps.clock(),
		query: url.searchParams,
	};
	const record = deps.log.add({
		method: ex.method,
		path,
		url: req.url ?? path,
		api,
		headers: req.headers,
		body: ex.body,
		wireSize: wire.length,
		contentEncoding,
	});
	if (ex.decodeError) record.reason = ex.decodeError;

	// The predicate parses ex.body itself: the record may hold no body (recordBodies: false).
	const rule = deps.faults.take({
		method: ex.method,
		path,
		headers: req.headers,
		body: ex.body,
		json: () => JSON.parse(ex.body.toString('utf8')),
	});
	if (!rule) return write(req, res, route(ex, deps), record);

	const kind = kindOf(rule);
	record.fault = kind;
	if (kind.kind === 'slow') {
		const reply = route(ex, deps);
		later(deps, kind.delayMs, () => void write(req, res, reply, record));
		return;
	}
	// afterHandling: the server did the work; only the answer goes wrong.
	if (rule.afterHandling) route(ex, deps);
	const action = faultAction(kind, ex, api, deps);
	if ('reply' in action) return write(req, res, action.reply, record);
	if ('destroy' in action) {
		RequestLog.settle(record, { reason: 'fault: socket reset' });
		req.socket.destroy();
		return;
	}
	RequestLog.settle(record, { reason: 'fault: no answer' });
	if (action.hang !== undefined) later(deps, action.hang, () => req.socket.destroy());
}

export function requestListener(
	deps: ServerDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
	return (req, res) => {
		handle(req, res, deps).catch((error: Error) => {
			// A bug in the stand-in must not look like an NXCloud answer: 500 with the stack.
			if (!res.headersSent && !res.destroyed) {
				res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
				res.end(`stand-in internal error: ${error.stack ?? error.message}`);
			}
		});
	};
}
