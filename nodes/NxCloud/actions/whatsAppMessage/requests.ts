import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { RetryPolicy } from '../../transport/nxCloudRequest';
import { whatsAppRequest } from '../../transport/whatsApp';

/**
 * The WhatsApp messaging endpoints (§11.1): path and the `action` header each one wants. The
 * action is not always the path's last part (markMessageAsRead wants `read`, otp wants `mt`).
 */
export const MESSAGING_ENDPOINTS = {
	send: { endpoint: 'mt', action: 'mt' },
	markAsRead: { endpoint: 'markMessageAsRead', action: 'read' },
	otp: { endpoint: 'otp', action: 'mt' },
} as const;

export type MessagingEndpoint = keyof typeof MESSAGING_ENDPOINTS;

/** One signed open-platform request (bizType 2) to a messaging endpoint (templates: templateList.ts). */
export async function messagingRequest(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	endpoint: MessagingEndpoint,
	body: IDataObject | string,
	policy: RetryPolicy,
): Promise<IDataObject> {
	const { endpoint: name, action } = MESSAGING_ENDPOINTS[endpoint];
	return await whatsAppRequest(ctx, name, action, body, policy);
}
