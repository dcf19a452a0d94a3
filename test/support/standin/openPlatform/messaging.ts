// The WhatsApp messaging endpoints (§12 send, §14 mark as read, §20 OTP; templates: templates.ts), after
// authentication and JSON parsing. Each returns code/message/data; the caller adds traceId.
import type { Refusal } from './auth';
import { SENDABLE_TYPES, checkMessageObject } from './messageTypes';
import {
	type MetaError,
	Invalid,
	attempt,
	businessPhone,
	fixed,
	httpUrl,
	maxLength,
	missing,
	obj,
	optionalStr,
	recipient,
	str,
	wrong,
} from './messageValidate';
import type { MessagingState, SentMessage } from './messagingState';
import type { CallingState } from './state';

type Body = Record<string, unknown>;

/** Path → operation and the `action` header it requires (§11.1: not always the path's name). */
export const MESSAGING_ROUTES = {
	'/api/wa/mt': { op: 'mt', action: 'mt' },
	'/api/wa/markMessageAsRead': { op: 'markMessageAsRead', action: 'read' },
	'/api/wa/otp': { op: 'otp', action: 'mt' },
} as const;

export type MessagingOp = (typeof MESSAGING_ROUTES)[keyof typeof MESSAGING_ROUTES]['op'];

export function messagingRoute(path: string): { op: MessagingOp; action: string } | undefined {
	return Object.prototype.hasOwnProperty.call(MESSAGING_ROUTES, path)
		? MESSAGING_ROUTES[path as keyof typeof MESSAGING_ROUTES]
		: undefined;
}

export interface MessagingDeps {
	calling: CallingState;
	messaging: MessagingState;
	/** Called after a message was accepted (the stand-in may push its status to dr_webhook). */
	afterSend?: (message: SentMessage) => void;
}

export type MessagingOutcome =
	{ ok: true; data: unknown } | { ok: false; refusal: Refusal; data?: { error: MetaError } };

const NOT_BOUND = (phone: string, appkey?: string): Invalid =>
	new Invalid({
		code: 9006,
		message: 'The number is not bound to the application',
		reason: appkey
			? `business_phone ${phone} is not bound to appkey "${appkey}"`
			: `business_phone ${phone} is bound to no app`,
	});

function requireBound(deps: MessagingDeps, phone: string, appkey?: string): void {
	const bound = deps.calling.boundPhone(phone);
	if (!bound || (appkey !== undefined && bound.appkey !== appkey)) throw NOT_BOUND(phone, appkey);
}

/** cus_message_id, dr_webhook, biz_opaque_callback_data, context (§12.1). */
function sendOptions(body: Body, deps: MessagingDeps): void {
	const cus = optionalStr(body, 'cus_message_id');
	// "Must be globally unique" (§12.1); what NXCloud does with a repeat is not documented.
	// OUR ASSUMPTION: it is refused, so a test can see a resend.
	if (cus !== undefined && deps.messaging.hasCustomId(cus))
		throw wrong('cus_message_id', `"${cus}" was used before`);
	const dr = optionalStr(body, 'dr_webhook');
	if (dr !== undefined) httpUrl(dr, 'dr_webhook');
	const opaque = optionalStr(body, 'biz_opaque_callback_data');
	if (opaque !== undefined) maxLength(opaque, 512, 'biz_opaque_callback_data');
	if (body.context !== undefined) str(obj(body, 'context'), 'message_id', 'context.message_id');
}

function sent(message: SentMessage): {
	messaging_product: 'whatsapp';
	messages: Array<{ id: string }>;
} {
	return { messaging_product: 'whatsapp', messages: [{ id: message.id }] };
}

function mt(body: Body, deps: MessagingDeps): SentMessage {
	const appkey = str(body, 'appkey');
	const phone = businessPhone(body);
	fixed(body, 'messaging_product', 'whatsapp');
	fixed(body, 'recipient_type', 'individual');
	recipient(body);
	const type = str(body, 'type');
	if (!(SENDABLE_TYPES as readonly string[]).includes(type))
		throw wrong('type', `"${type}" is not a sendable type`);
	requireBound(deps, phone, appkey);
	sendOptions(body, deps);
	checkMessageObject(type, body);
	return deps.messaging.accept('mt', body);
}

function otp(body: Body, deps: MessagingDeps): SentMessage {
	const appkey = str(body, 'appkey');
	// The 2025 page leaves business_phone out (the OTP number pool picks one); when sent it is checked.
	const phone = body.business_phone === undefined ? undefined : businessPhone(body);
	fixed(body, 'messaging_product', 'whatsapp');
	fixed(body, 'recipient_type', 'individual');
	recipient(body);
	const category = optionalStr(body, 'category');
	if (category !== undefined && category !== 'AUTHENTICATION' && category !== 'UTILITY') {
		throw wrong('category', `"${category}" is not AUTHENTICATION or UTILITY`);
	}
	const content = str(body, 'content');
	if (!/(^|\D)\d{4,8}(\D|$)/.test(content)) throw wrong('content', 'holds no run of 4 to 8 digits');
	str(body, 'language_code');
	if (body.api_type !== undefined && body.api_type !== 0 && body.api_type !== 1)
		throw wrong('api_type', 'must be 0 or 1');
	if (phone !== undefined) requireBound(deps, phone, appkey);
	else if (!deps.calling.hasAppKey(appkey)) {
		throw new Invalid({
			code: 9003,
			message: 'Application does not exist',
			reason: `no app with appkey "${appkey}"`,
		});
	}
	sendOptions(body, deps);
	if (body.context !== undefined) throw wrong('context', 'is not an OTP field');
	return deps.messaging.accept('otp', body);
}

function markMessageAsRead(body: Body, deps: MessagingDeps): null {
	const phone = businessPhone(body);
	fixed(body, 'messaging_product', 'whatsapp');
	const messageId = str(body, 'message_id');
	fixed(body, 'status', 'read');
	requireBound(deps, phone);
	deps.messaging.markRead(phone, messageId);
	return null;
}

export function runMessaging(op: MessagingOp, body: Body, deps: MessagingDeps): MessagingOutcome {
	const result = attempt<unknown>(() => {
		switch (op) {
			case 'mt': {
				const message = mt(body, deps);
				deps.afterSend?.(message);
				return sent(message);
			}
			case 'otp': {
				const message = otp(body, deps);
				deps.afterSend?.(message);
				return sent(message);
			}
			case 'markMessageAsRead':
				return markMessageAsRead(body, deps);
			default:
				throw missing('operation');
		}
	});
	if (result.ok) return { ok: true, data: result.value };
	return result.metaError
		? { ok: false, refusal: result.refusal, data: { error: result.metaError } }
		: { ok: false, refusal: result.refusal };
}
