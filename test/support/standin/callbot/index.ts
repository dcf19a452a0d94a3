// Callbot front door: POST /callcentre/api/v3/<name>. Authenticates (auth.ts), parses the JSON
// body, runs the endpoint (endpoints.ts) and wraps it in {retCode, retMsg, responseID, …};
// ping answers its own {data, timestamp, code, msg, reqId}, refusals included. Every answer is HTTP 200.
import { type Exchange, type Reply, isPlainObject, parseJson, traceId } from '../http';
import { type CallbotAuthConfig, callbotIdentity, checkCallbotAuth } from './auth';
import { type EndpointLimits, CALLBOT_ENDPOINTS, callbotHandler } from './endpoints';
import { CallbotError } from './fields';
import type { CallbotModel } from './model';
import { callbotReply } from './respond';

const PREFIX = '/callcentre/api/v3/';

export function callbotEndpoint(path: string): string | undefined {
	if (!path.startsWith(PREFIX)) return undefined;
	const name = path.slice(PREFIX.length);
	return CALLBOT_ENDPOINTS.includes(name) ? name : undefined;
}

export function isCallbotPath(path: string): boolean {
	return path.startsWith('/callcentre/');
}

export interface CallbotDeps extends CallbotAuthConfig, EndpointLimits {
	model: CallbotModel;
}

export function callbotEnvelope(
	retCode: number,
	retMsg: string,
	fields: Record<string, unknown> = {},
): Record<string, unknown> {
	return { retCode, retMsg, responseID: traceId(), ...fields };
}

/**
 * ping answers in its own envelope, refusals included: {data, timestamp (s), code, msg, reqId}
 * (§6 row 1), never retCode. `data` echoes the request's, when its body could be read.
 */
function pingEnvelope(
	ex: Exchange,
	requestID: string | undefined,
	code: number,
	msg: string,
): Record<string, unknown> {
	const parsed = ex.decodeError ? { ok: false as const } : parseJson(ex.body);
	const data = parsed.ok && isPlainObject(parsed.value) ? parsed.value.data : undefined;
	return {
		data: data ?? null,
		timestamp: Math.floor(ex.now / 1000),
		code,
		msg,
		reqId: requestID ?? null,
	};
}

export function handleCallbot(ex: Exchange, name: string, deps: CallbotDeps): Reply {
	const identity = callbotIdentity(ex, deps.accounts);
	const fail = (retCode: number, retMsg: string, reason?: string): Reply =>
		callbotReply(
			identity,
			ex.now,
			name === 'ping'
				? pingEnvelope(ex, identity.requestID, retCode, retMsg)
				: callbotEnvelope(retCode, retMsg),
			{
				retCode,
				reason: reason ?? retMsg,
			},
		);

	const refusal = checkCallbotAuth(ex, deps);
	if (refusal) return fail(refusal.retCode, refusal.retMsg, refusal.reason);

	const parsed = parseJson(ex.body);
	if (!parsed.ok || !isPlainObject(parsed.value)) {
		return fail(3, 'Parameter format error: body must be a JSON object');
	}
	const body = parsed.value;

	if (name === 'ping')
		return callbotReply(identity, ex.now, pingEnvelope(ex, identity.requestID, 0, 'success'), {
			retCode: 0,
		});

	try {
		const fields = callbotHandler(name)!(body, deps.model, deps);
		return callbotReply(identity, ex.now, callbotEnvelope(0, 'success', fields), { retCode: 0 });
	} catch (error) {
		if (error instanceof CallbotError) return fail(error.retCode, error.retMsg);
		throw error;
	}
}
