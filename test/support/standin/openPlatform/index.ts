// Open-platform front door: /api/wa/calling/<op> and the messaging endpoints (messaging.ts).
// Authenticates (auth.ts), parses the JSON body, runs the operation (calling.ts, messaging.ts)
// and wraps the result in {code, message, data?, traceId}.
// Envelope errors are HTTP 200, as NXCloud answers business and auth failures in the body.
import { type Exchange, type Reply, isPlainObject, jsonReply, parseJson, traceId } from '../http';
import { checkOpenPlatformAuth } from './auth';
import { CALLING_OPS, type CallingOp, runCalling } from './calling';
import { type MessagingDeps, type MessagingOp, messagingRoute, runMessaging } from './messaging';
import type { CallingState } from './state';

const PREFIX = '/api/wa/calling/';

/** A calling op, or a messaging endpoint with the action header it wants. */
export type OpenPlatformOp = CallingOp | { messaging: MessagingOp; action: string };

export function openPlatformOp(path: string): OpenPlatformOp | undefined {
	const messaging = messagingRoute(path);
	if (messaging) return { messaging: messaging.op, action: messaging.action };
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
	messaging?: Omit<MessagingDeps, 'calling'>;
}

export function envelope(code: number, message: string, data?: unknown): Record<string, unknown> {
	return data === undefined
		? { code, message, traceId: traceId() }
		: { code, message, data, traceId: traceId() };
}

export function handleOpenPlatform(
	ex: Exchange,
	op: OpenPlatformOp,
	deps: OpenPlatformDeps,
): Reply {
	const refusal = checkOpenPlatformAuth(ex, {
		accounts: deps.accounts,
		tsWindowMs: deps.tsWindowMs,
		bizType: '2',
		action: typeof op === 'string' ? 'mt' : op.action,
	});
	if (refusal) {
		return jsonReply(200, envelope(refusal.code, refusal.message), {
			code: refusal.code,
			reason: refusal.reason,
		});
	}
	const parsed = parseJson(ex.body);
	if (!parsed.ok || !isPlainObject(parsed.value)) {
		const reason = parsed.ok ? 'body is not a JSON object' : 'body is not valid JSON';
		return jsonReply(200, envelope(9000, `Request parameter error: ${reason}`), {
			code: 9000,
			reason,
		});
	}
	if (typeof op !== 'string') {
		if (!deps.messaging) throw new Error('stand-in: messaging endpoints are not configured');
		const result = runMessaging(op.messaging, parsed.value, {
			...deps.messaging,
			calling: deps.calling,
		});
		if (result.ok)
			return jsonReply(200, envelope(0, 'Request successful', result.data), { code: 0 });
		const { code, message, reason } = result.refusal;
		return jsonReply(200, envelope(code, message, result.data ?? null), { code, reason });
	}
	const outcome = runCalling(op, parsed.value, deps.calling);
	if (outcome.ok) return jsonReply(200, envelope(0, 'Success', outcome.data), { code: 0 });
	const { code, message, reason } = outcome.refusal;
	return jsonReply(200, envelope(code, message), { code, reason });
}
