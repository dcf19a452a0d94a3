import type { IBinaryData, IDataObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import { downloadLink } from '../../transport/download';
import type { RetryPolicy } from '../../transport/nxCloudRequest';
import { MESSAGING_PRODUCT, whatsAppRequest } from '../../transport/whatsApp';
import { bareMimeType, fileNameWithExtension } from './mediaRules';

export interface FetchedMedia {
	binary: IBinaryData;
	/** What getMedia said about the file (mime_type, file_name), without its short-lived URL. */
	info: IDataObject;
	size: number;
}

/**
 * getMedia (§13) for the media ID, then the file behind the URL it answers, as n8n binary data.
 * The URL expires soon after (it carries an `Expires`), so it is fetched at once and not kept.
 */
export async function fetchMedia(
	ctx: IExecuteFunctions | IWebhookFunctions,
	input: { businessPhone: string; mediaId: string; maxBytes: number; policy: RetryPolicy },
): Promise<FetchedMedia> {
	const envelope = await whatsAppRequest(
		ctx,
		'getMedia',
		'getMedia',
		{
			business_phone: input.businessPhone,
			'Media-ID': input.mediaId,
			messaging_product: MESSAGING_PRODUCT,
		},
		input.policy,
	);
	const data = (envelope.data ?? {}) as IDataObject;
	const url = typeof data.url === 'string' ? data.url : '';
	if (url === '')
		throw new Error(`NXCloud answered getMedia for media ${input.mediaId} without a download URL`);
	const file = await downloadLink(ctx, url, {
		maxBytes: input.maxBytes,
		timeoutMs: input.policy.timeoutMs,
	});
	const mimeType =
		typeof data.mime_type === 'string' && data.mime_type !== '' ? data.mime_type : file.contentType;
	const baseName =
		typeof data.file_name === 'string' && data.file_name !== ''
			? data.file_name
			: (file.fileName ?? input.mediaId);
	const fileName = fileNameWithExtension(baseName, mimeType);
	const binary = await ctx.helpers.prepareBinaryData(
		file.data,
		fileName,
		mimeType ? bareMimeType(mimeType) : undefined,
	);
	return {
		binary,
		info: {
			id: input.mediaId,
			mime_type: data.mime_type ?? null,
			file_name: data.file_name ?? null,
		},
		size: file.data.length,
	};
}
