import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { type MultipartPart, multipartBody, newBoundary } from './multipart';
import { type RetryPolicy, nxCloudRequest } from './nxCloudRequest';

type Context = IExecuteFunctions | ILoadOptionsFunctions | IWebhookFunctions;

/** `messaging_product` is the constant "whatsapp" on every WhatsApp messaging endpoint (§11.3). */
export const MESSAGING_PRODUCT = 'whatsapp';

/**
 * POST /api/wa/<endpoint>, open-platform signing with bizType 2 and the endpoint's own action
 * header (§11.1: mostly the path name, but not always, so callers pass it).
 */
export async function whatsAppRequest(
	ctx: Context,
	endpoint: string,
	action: string,
	body: IDataObject | string,
	policy: RetryPolicy,
): Promise<IDataObject> {
	return await nxCloudRequest.call(
		ctx as IExecuteFunctions,
		{ product: 'openPlatform', path: `/api/wa/${endpoint}`, body, bizType: '2', action },
		policy,
	);
}

/**
 * POST /api/wa/<endpoint> as multipart/form-data. The credential signs only the headers and the
 * secret for multipart requests (§17.1); the form is built once, so every try sends the same bytes.
 */
export async function whatsAppUpload(
	ctx: IExecuteFunctions,
	endpoint: string,
	action: string,
	parts: MultipartPart[],
	policy: RetryPolicy,
): Promise<IDataObject> {
	const boundary = newBoundary();
	return await nxCloudRequest.call(
		ctx,
		{
			product: 'openPlatform',
			path: `/api/wa/${endpoint}`,
			body: multipartBody(parts, boundary),
			contentType: `multipart/form-data; boundary=${boundary}`,
			bizType: '2',
			action,
		},
		policy,
	);
}
