import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { addIsoCopies } from '../../shared/timestamps';
import { readOptions, retryPolicy } from '../common/options';
import { forEachItem } from '../common/perItem';
import { type SendOptions } from './messageBody';
import { type MessagingEndpoint, messagingRequest } from './requests';

/** Fields and behaviour shared by Send, Send Template and Send OTP. */

export const RECIPIENT_FIELD: INodeProperties = {
	displayName: 'Recipient Phone',
	name: 'to',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 8613800000000',
	description:
		'WhatsApp number of the person to message, with country code. "+", spaces, dashes and brackets are removed; 6 to 20 digits must remain. From an NXCloud Trigger message: its data.from.',
};

export const QUOTE_OPTION: INodeProperties = {
	displayName: 'Quote Message ID',
	name: 'replyTo',
	type: 'string',
	default: '',
	placeholder: 'e.g. wamid.HBgLODUy…',
	description:
		"ID of the message this one answers; WhatsApp shows it quoted. For a message from the NXCloud Trigger use its meta_message_id when present, else its ID (NXCloud's rule for quoting).",
};

export const CUSTOM_ID_OPTION: INodeProperties = {
	displayName: 'Custom Message ID',
	name: 'cusMessageId',
	type: 'string',
	default: '',
	placeholder: 'e.g. order-1234-confirmation',
	description:
		'Your own ID for the message (cus_message_id). NXCloud returns it as the message ID and in every status push. Must be unique across all your messages.',
};

export const STATUS_WEBHOOK_OPTION: INodeProperties = {
	displayName: 'Status Webhook URL',
	name: 'drWebhook',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/…/nxcloud',
	description:
		"Where NXCloud pushes this message's status (sent, delivered, read, failed) instead of the application's webhook (dr_webhook). Paste the Production URL of an NXCloud Trigger; the receiver must answer HTTP 200.",
};

export const TRACKING_OPTION: INodeProperties = {
	displayName: 'Tracking Data',
	name: 'bizOpaqueCallbackData',
	type: 'string',
	default: '',
	description:
		'Any text up to 512 characters (biz_opaque_callback_data); NXCloud returns it unchanged on the status pushes of this message',
};

export const SEND_OPTIONS = [
	QUOTE_OPTION,
	CUSTOM_ID_OPTION,
	STATUS_WEBHOOK_OPTION,
	TRACKING_OPTION,
];

export function sendOptionsOf(options: IDataObject): SendOptions {
	return {
		replyTo: options.replyTo,
		cusMessageId: options.cusMessageId,
		drWebhook: options.drWebhook,
		bizOpaqueCallbackData: options.bizOpaqueCallbackData,
	};
}

/**
 * The item of an accepted message: `messageId` (the id status pushes carry, so a later push can
 * be joined to this item), who it went to, its type, and NXCloud's `data`.
 */
export function sentOutput(
	envelope: IDataObject,
	body: IDataObject,
	fullResponse: boolean,
): IDataObject {
	if (fullResponse) return addIsoCopies({ ...envelope });
	const data =
		typeof envelope.data === 'object' && envelope.data !== null
			? (envelope.data as IDataObject)
			: {};
	const messages = Array.isArray(data.messages) ? (data.messages as IDataObject[]) : [];
	const first = messages[0];
	const messageId =
		first && (typeof first.id === 'string' || typeof first.id === 'number')
			? String(first.id)
			: null;
	const output: IDataObject = { messageId, to: body.to, type: body.type };
	if (body.business_phone !== undefined) output.businessPhone = body.business_phone;
	if (envelope.traceId !== undefined) output.traceId = envelope.traceId;
	return { ...output, ...data };
}

/**
 * Per item: build the body (all checks before any request), send it once, output the message.
 * A message reaches a person, so a try that NXCloud may have received (timeout, reset, most 5xx,
 * an answer cut off) is never sent again: it fails the item as "ambiguous" instead. Only failures
 * that prove nothing was accepted (connection refused, 429, 503) are retried.
 */
export async function runSend(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	endpoint: MessagingEndpoint,
	build: (itemIndex: number, options: IDataObject) => IDataObject | Promise<IDataObject>,
): Promise<INodeExecutionData[]> {
	return await forEachItem(ctx, items, async (i) => {
		const options = readOptions(ctx, i);
		const body = await build(i, options);
		const envelope = await messagingRequest(
			ctx,
			endpoint,
			body,
			retryPolicy(options, i, { retryAmbiguous: false }),
		);
		return sentOutput(envelope, body, options.fullResponse === true);
	});
}
