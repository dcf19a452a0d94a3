import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	IWebhookFunctions,
} from 'n8n-workflow';

import { fetchMedia } from '../actions/whatsAppMedia/fetchMedia';
import { failureDetails } from '../transport/nxCloudRequest';

/** Inbound message types whose object carries an NXCloud media id (§4.3). */
export const MEDIA_MESSAGE_TYPES = [
	'image',
	'voice',
	'audio',
	'video',
	'document',
	'sticker',
] as const;

export const mediaProperties: INodeProperties[] = [
	{
		displayName: 'Download Media',
		name: 'downloadMedia',
		type: 'boolean',
		default: false,
		description:
			'Whether to attach the file of inbound image, voice, audio, video, document and sticker messages as binary data (fetched from NXCloud after the push is answered). A failed download still emits the event, with the reason in mediaDownload.',
		displayOptions: { show: { source: ['whatsapp'] } },
	},
	{
		displayName: 'Max Media Size (MB)',
		name: 'maxMediaSizeMb',
		type: 'number',
		typeOptions: { minValue: 0.1 },
		default: 16,
		description:
			'Larger files are not downloaded (the event is emitted with the reason); keeps memory bounded',
		displayOptions: { show: { source: ['whatsapp'], downloadMedia: [true] } },
	},
	{
		displayName: 'Put Media in Field',
		name: 'mediaBinaryProperty',
		type: 'string',
		default: 'data',
		description: 'Name of the binary field the file is put in',
		displayOptions: { show: { source: ['whatsapp'], downloadMedia: [true] } },
	},
];

export interface MediaRef {
	businessPhone: string;
	mediaId: string;
	type: string;
}

/** The media an emitted item points at: an inbound media message with an id, else undefined. */
export function mediaRefOf(json: IDataObject): MediaRef | undefined {
	if (typeof json.event !== 'string' || !json.event.startsWith('message.')) return undefined;
	const data = json.data as IDataObject | undefined;
	const type = typeof data?.type === 'string' ? data.type : '';
	if (!(MEDIA_MESSAGE_TYPES as readonly string[]).includes(type)) return undefined;
	const media = data?.[type] as IDataObject | undefined;
	const mediaId = typeof media?.id === 'string' ? media.id.trim() : '';
	const businessPhone = typeof json.businessPhone === 'string' ? json.businessPhone : '';
	if (mediaId === '' || businessPhone === '') return undefined;
	return { businessPhone, mediaId, type };
}

export interface MediaSettings {
	maxBytes: number;
	binaryProperty: string;
	timeoutMs: number;
}

function reasonOf(error: unknown): string {
	const message = (error as Error)?.message ?? String(error);
	const details = failureDetails(error);
	const hint = (error as { description?: string })?.description;
	return details?.code !== undefined && hint ? `${message}. ${hint}` : message;
}

/**
 * Fetches the file of every emitted inbound media message, one after the other (memory holds at
 * most one file being read plus those already attached). Each item gets `mediaDownload`:
 * `{ ok: true, mediaId, fileName, mimeType, fileSize, binaryProperty }` and the binary, or
 * `{ ok: false, mediaId, error }`. Nothing is dropped: a failure only changes that item.
 */
export async function attachMedia(
	ctx: IWebhookFunctions,
	outputs: INodeExecutionData[][],
	settings: MediaSettings,
): Promise<{ attached: number; failed: number }> {
	let attached = 0;
	let failed = 0;
	for (const items of outputs) {
		for (const item of items) {
			const ref = mediaRefOf(item.json);
			if (!ref) continue;
			try {
				const fetched = await fetchMedia(ctx, {
					businessPhone: ref.businessPhone,
					mediaId: ref.mediaId,
					maxBytes: settings.maxBytes,
					// The event is already answered and stored nowhere else: a lost getMedia answer is
					// harmless to ask again, so try twice.
					policy: {
						maxTries: 2,
						baseDelayMs: 300,
						timeoutMs: settings.timeoutMs,
						retryAmbiguous: true,
					},
				});
				item.binary = { ...(item.binary ?? {}), [settings.binaryProperty]: fetched.binary };
				item.json.mediaDownload = {
					ok: true,
					mediaId: ref.mediaId,
					fileName: fetched.binary.fileName ?? null,
					mimeType: fetched.binary.mimeType,
					fileSize: fetched.size,
					binaryProperty: settings.binaryProperty,
				};
				attached += 1;
			} catch (error) {
				item.json.mediaDownload = { ok: false, mediaId: ref.mediaId, error: reasonOf(error) };
				failed += 1;
			}
		}
	}
	return { attached, failed };
}
