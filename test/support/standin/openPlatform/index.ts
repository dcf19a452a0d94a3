// Open-platform front door: /api/wa/calling/<op>. Authenticates (auth.ts), parses the JSON body,
// runs the operation (calling.ts) and wraps the result in {code, message, data?, traceId}.
// Envelope errors are HTTP 200, as NXCloud answers business and auth failures in the body.
import { type Exchange, type Reply, isPlainObject, jsonReply, parseJson, traceId } from '../http';
import { checkOpenPlatformAuth } from './auth';
import { CALLING_OPS, type CallingOp, runCalling } from './calling';
import type { CallingState } from './state';

const PREFIX = '/api/wa/calling/';

export function openPlatformOp(path: string): CallingOp | undefined {
	if (!path.startsWith(PREFIX)) return undefined;
	const op = path.slice(PREFIX.length);
	return (CALLING_OPS as readonly string[]).includes(op) ? (op as CallingOp) : undefined;
}

export function isOpenPlatformPath(path: string): boolean {
	return path.startsWith('/api/');
}

export interface OpenPlatformDeps {
	accounts: ReadonlyMap<string, string>;
	tsWindowMs: number;
	calling: CallingState;
}

export function envelope(code: number, message: string, data?: unknown): Record<string, unknown> {
	return data === undefined ? { code, message, traceId: traceId() } : { code, message, data, traceId: traceId() };
}

export function handleOpenPlatform(ex: Exchange, op: CallingOp, deps: OpenPlatformDeps): Reply {
	const refusal = checkOpenPlatformAuth(ex, {
		accounts: deps.accounts,
		tsWindowMs: deps.tsWindowMs,
		bizType: '2',
		action: 'mt',
	});
	if (refusal) {
		return jsonReply(200, envelope(refusal.code, refusal.message), { code: refusal.code, reason: refusal.reason });
	}
	const parsed = parseJson(ex.body);
	if (!parsed.ok || !isPlainObject(parsed.value)) {
		const reason = parsed.ok ? 'body is not a JSON object' : 'body is not valid JSON';
		return jsonReply(200, envelope(9000, `Request parameter error: ${reason}`), { code: 9000, reason });
	}
	const outcome = runCalling(op, parsed.value, deps.calling);
	if (outcome.ok) return jsonReply(200, envelope(0, 'Success', outcome.data), { code: 0 });
	const { code, message, reason } = outcome.refusal;
	return jsonReply(200, envelope(code, message), { code, reason });
}
