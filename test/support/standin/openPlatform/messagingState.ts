// What the stand-in remembers of WhatsApp messaging: messages accepted by /api/wa/mt and
// /api/wa/otp, read receipts, inbound messages it was told about (they open the 24-hour window),
// and status pushes it delivered to dr_webhook. It also builds the pushes NXCloud would send
// (§4.2, §4.3) so tests can post them to a trigger.
import { randomBytes } from 'node:crypto';

import type { StoredTemplate, TemplateStore } from './templates';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DeliveryProblem {
	/** Platform code of the failed status push (§11.4): 10000 = Meta error, see meta_code. */
	code: number;
	meta_code: number;
	title: string;
}

export interface SentMessage {
	/** The id the send answered (= cus_message_id when given). */
	id: string;
	/** Meta's id of the message (status pushes carry it as meta_message_id). */
	metaMessageId: string;
	endpoint: 'mt' | 'otp';
	business_phone?: string;
	to: string;
	type: string;
	body: Record<string, unknown>;
	at: number;
	/** Why Meta would fail it after accepting (status `failed`), e.g. outside the 24-hour window. */
	problem?: DeliveryProblem;
}

export interface ReadMark {
	business_phone: string;
	message_id: string;
	at: number;
}

export interface Delivery {
	url: string;
	messageId: string;
	status: string;
	httpStatus?: number;
	error?: string;
}

export type StatusName = 'sent' | 'delivered' | 'read' | 'failed';

const metaId = (): string => `wamid.HBg${randomBytes(27).toString('base64url')}`;
const nxId = (): string => `wamid.${randomBytes(16).toString('hex')}`;
const clone = <T>(value: T): T => structuredClone(value);

const PLACEHOLDER = /\{\{\s*[A-Za-z0-9_]+\s*\}\}/g;
const countPlaceholders = (text: unknown): number =>
	typeof text === 'string' ? new Set(text.match(PLACEHOLDER) ?? []).size : 0;

/**
 * The parameters a template message must carry per component, counted from the template
 * definition: header text placeholders, one header media, body placeholders, URL buttons with a
 * placeholder (and OTP buttons) by position.
 */
function expectedParameters(template: StoredTemplate): Map<string, number> {
	const expected = new Map<string, number>();
	for (const component of template.components) {
		if (component.type === 'HEADER') {
			const format = component.format ?? 'TEXT';
			const count =
				format === 'TEXT'
					? countPlaceholders(component.text)
					: ['IMAGE', 'VIDEO', 'DOCUMENT'].includes(format)
						? 1
						: 0;
			if (count > 0) expected.set('header', count);
		} else if (component.type === 'BODY') {
			const count = countPlaceholders(component.text);
			if (count > 0) expected.set('body', count);
		} else if (component.type === 'BUTTONS') {
			(component.buttons ?? []).forEach((button, index) => {
				if ((button.type === 'URL' && countPlaceholders(button.url) > 0) || button.type === 'OTP')
					expected.set(`button:${index}`, 1);
			});
		}
	}
	return expected;
}

function sentParameters(components: unknown): Map<string, number> {
	const sent = new Map<string, number>();
	if (!Array.isArray(components)) return sent;
	for (const component of components as Array<Record<string, unknown>>) {
		const count = Array.isArray(component.parameters) ? component.parameters.length : 0;
		if (component.type === 'button' && component.sub_type === 'quick_reply') continue;
		const key =
			component.type === 'button' ? `button:${String(component.index)}` : String(component.type);
		sent.set(key, (sent.get(key) ?? 0) + count);
	}
	return sent;
}

export class MessagingState {
	private readonly sent = new Map<string, SentMessage>();
	private readonly reads: ReadMark[] = [];
	/** `${business_phone}:${user}` → time of the user's last inbound message. */
	private readonly lastInbound = new Map<string, number>();
	readonly deliveries: Delivery[] = [];

	constructor(
		private readonly templates: TemplateStore,
		private readonly clock: () => number,
	) {}

	hasCustomId(id: string): boolean {
		return this.sent.has(id);
	}

	/**
	 * Stores an accepted message and returns it. What Meta would fail later (free-form outside
	 * the window: 131047; unknown template: 132001; wrong parameter count: 132000) is kept as its
	 * `problem`, for its status push.
	 */
	accept(endpoint: 'mt' | 'otp', body: Record<string, unknown>): SentMessage {
		const id =
			typeof body.cus_message_id === 'string' && body.cus_message_id !== ''
				? body.cus_message_id
				: nxId();
		const business_phone =
			typeof body.business_phone === 'string' ? body.business_phone : undefined;
		const type = endpoint === 'otp' ? 'template' : String(body.type);
		const message: SentMessage = {
			id,
			metaMessageId: metaId(),
			endpoint,
			business_phone,
			to: String(body.to),
			type,
			body: clone(body),
			at: this.clock(),
		};
		const problem = endpoint === 'mt' ? this.problemOf(message) : undefined;
		if (problem) message.problem = problem;
		this.sent.set(id, message);
		return clone(message);
	}

	private problemOf(message: SentMessage): DeliveryProblem | undefined {
		const phone = message.business_phone ?? '';
		if (message.type !== 'template') {
			const last = this.lastInbound.get(`${phone}:${message.to}`);
			if (last === undefined || message.at - last > DAY_MS) {
				return {
					code: 131047,
					meta_code: 131047,
					title:
						'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
				};
			}
			return undefined;
		}
		const template = message.body.template as Record<string, unknown>;
		const language = (template.language as Record<string, unknown>).code as string;
		const stored = this.templates.findByNameAndLanguage(phone, String(template.name), language);
		if (!stored || stored.status !== 'APPROVED') {
			return {
				code: 10000,
				meta_code: 132001,
				title: 'Meta Error((#132001) Template name does not exist in the translation)',
			};
		}
		const expected = expectedParameters(stored);
		const sent = sentParameters(template.components);
		const keys = new Set([...expected.keys(), ...sent.keys()]);
		for (const key of keys) {
			if ((expected.get(key) ?? 0) !== (sent.get(key) ?? 0)) {
				return {
					code: 10000,
					meta_code: 132000,
					title:
						'Meta Error((#132000) Number of parameters does not match the expected number of params)',
				};
			}
		}
		return undefined;
	}

	message(id: string): SentMessage | undefined {
		const message = this.sent.get(id);
		return message && clone(message);
	}

	messages(): SentMessage[] {
		return [...this.sent.values()].map(clone);
	}

	markRead(business_phone: string, message_id: string): void {
		this.reads.push({ business_phone, message_id, at: this.clock() });
	}

	readMarks(): ReadMark[] {
		return clone(this.reads);
	}

	/**
	 * An inbound text push (§4.3 shape) from `from` to `business_phone`; it opens the 24-hour
	 * window for that user. `secondsAgo` backdates it (and the window).
	 */
	inboundText(input: {
		from: string;
		business_phone: string;
		text: string;
		name?: string;
		secondsAgo?: number;
	}): Record<string, unknown> {
		const at = this.clock() - (input.secondsAgo ?? 0) * 1000;
		const key = `${input.business_phone}:${input.from}`;
		this.lastInbound.set(key, Math.max(this.lastInbound.get(key) ?? 0, at));
		const id = metaId();
		return {
			contacts: [{ profile: { name: input.name ?? 'Stand-in User' }, wa_id: input.from }],
			messages: [
				{
					from: input.from,
					id,
					timestamp: String(Math.floor(at / 1000)),
					type: 'text',
					text: { body: input.text },
					cost: {
						currency: 'USD',
						price: 0,
						foreign_price: 0,
						cdr_type: 1,
						message_id: id,
						direction: 2,
					},
				},
			],
			business_phone: input.business_phone,
			merchant_phone: input.business_phone,
			messaging_product: 'whatsapp',
		};
	}

	/** The status the message reaches first: `failed` when it has a problem, else `sent`. */
	firstStatus(id: string): StatusName {
		return this.sent.get(id)?.problem ? 'failed' : 'sent';
	}

	/** A status push (§4.2) of a message this stand-in accepted. */
	statusPush(id: string, status: StatusName = this.firstStatus(id)): Record<string, unknown> {
		const message = this.sent.get(id);
		if (!message) throw new Error(`stand-in: no message with id ${id}`);
		const entry: Record<string, unknown> = {
			id: message.id,
			meta_message_id: message.metaMessageId,
			status,
			timestamp: String(Math.floor(this.clock() / 1000)),
			recipient_id: message.to,
		};
		if (typeof message.body.biz_opaque_callback_data === 'string')
			entry.biz_opaque_callback_data = message.body.biz_opaque_callback_data;
		if (status === 'failed') {
			const problem = message.problem ?? {
				code: 9001,
				meta_code: 0,
				title: 'System business error()',
			};
			entry.errors = [
				problem.code === 10000 ? problem : { code: problem.code, title: problem.title },
			];
		}
		const push: Record<string, unknown> = { statuses: [entry], messaging_product: 'whatsapp' };
		if (message.business_phone) push.business_phone = message.business_phone;
		return push;
	}

	clear(): void {
		this.sent.clear();
		this.reads.length = 0;
		this.lastInbound.clear();
		this.deliveries.length = 0;
	}
}
