import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { type RetryPolicy, nxCloudRequest } from '../../transport/nxCloudRequest';

/**
 * The WhatsApp messaging endpoints (§11.1): path and the `action` header each one wants. The
 * action is not always the path's last part (markMessageAsRead wants `read`, otp wants `mt`).
 */
export const MESSAGING_ENDPOINTS = {
	send: { path: '/api/wa/mt', action: 'mt' },
	markAsRead: { path: '/api/wa/markMessageAsRead', action: 'read' },
	otp: { path: '/api/wa/otp', action: 'mt' },
	getTemplate: { path: '/api/wa/getTemplate', action: 'getTemplate' },
} as const;

export type MessagingEndpoint = keyof typeof MESSAGING_ENDPOINTS;

/** One signed open-platform request (bizType 2) to a messaging endpoint. */
export async function messagingRequest(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	endpoint: MessagingEndpoint,
	body: IDataObject | string,
	policy: RetryPolicy,
): Promise<IDataObject> {
	const { path, action } = MESSAGING_ENDPOINTS[endpoint];
	return await nxCloudRequest.call(ctx, { product: 'openPlatform', path, body, bizType: '2', action }, policy);
}
