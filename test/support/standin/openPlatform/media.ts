// Media of the stand-in: uploadMedia (multipart, §17), getMedia (§13) answering a pre-signed
// download link on the stand-in itself (like NXCloud's object-storage URLs, with Expires and
// Signature), deleteMedia (§19), and the download of such a link.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';

import { type Exchange, type Reply, headerOf, textReply } from '../http';
import type { FormPart } from './multipart';
import type { CallingState } from './state';
import {
	WaInvalid,
	waBadValue,
	waMissing,
	waNotBound,
	waPhone,
	waProduct,
	waString,
} from './waFields';

type Body = Record<string, unknown>;

const MB = 1024 * 1024;
/** §17.3: MIME type → its kind's size limit. */
export const UPLOAD_LIMITS: Record<string, number> = {
	'image/jpeg': 5 * MB,
	'image/png': 5 * MB,
	'audio/aac': 16 * MB,
	'audio/mp4': 16 * MB,
	'audio/mpeg': 16 * MB,
	'audio/amr': 16 * MB,
	'audio/ogg': 16 * MB,
	'video/mp4': 16 * MB,
	'video/3gp': 16 * MB,
	'text/plain': 100 * MB,
	'application/pdf': 100 * MB,
	'application/vnd.ms-powerpoint': 100 * MB,
	'application/msword': 100 * MB,
	'application/vnd.ms-excel': 100 * MB,
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 100 * MB,
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 100 * MB,
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 100 * MB,
	'image/webp': 100 * 1024,
};

export interface StoredMedia {
	id: string;
	businessPhone: string;
	mimeType: string;
	/** As getMedia answers it: no extension (§13). */
	fileName: string;
	/** The name the uploader gave the file part. */
	uploadedName?: string;
	data: Buffer;
}

/** How long a getMedia link stays valid, s (the vendor's example lives for minutes). */
const LINK_LIFETIME_S = 300;
export const MEDIA_DOWNLOAD_PREFIX = '/oss/media/';

export class MediaStore {
	private readonly items = new Map<string, StoredMedia>();
	private readonly linkKey = randomBytes(16);

	/** Seeds a media file as if a user had sent it (an inbound image) or it had been uploaded. */
	add(
		businessPhone: string,
		data: Buffer,
		mimeType: string,
		id: string = randomUUID(),
	): StoredMedia {
		const media: StoredMedia = {
			id,
			businessPhone,
			mimeType,
			fileName: randomBytes(12).toString('hex'),
			data,
		};
		this.items.set(id, media);
		return media;
	}

	get(id: string): StoredMedia | undefined {
		return this.items.get(id);
	}

	delete(id: string): boolean {
		return this.items.delete(id);
	}

	get size(): number {
		return this.items.size;
	}

	clear(): void {
		this.items.clear();
	}

	signature(id: string, expires: number): string {
		return createHmac('sha256', this.linkKey).update(`${id}\n${expires}`).digest('base64url');
	}

	link(baseUrl: string, id: string, nowMs: number): string {
		const expires = Math.floor(nowMs / 1000) + LINK_LIFETIME_S;
		return `${baseUrl}${MEDIA_DOWNLOAD_PREFIX}${id}?Expires=${expires}&OSSAccessKeyId=STANDINOSSKEY&Signature=${this.signature(id, expires)}`;
	}
}

function mediaOf(store: MediaStore, body: Body, phone: string): StoredMedia {
	const id = waString(body, 'Media-ID');
	const media = store.get(id);
	// The vendor documents no code for an unknown id: OUR CHOICE 9001 (system business error).
	if (!media || media.businessPhone !== phone) {
		throw new WaInvalid({
			code: 9001,
			message: 'Media does not exist',
			reason: `no media ${id} for business_phone ${phone}`,
		});
	}
	return media;
}

function requireBound(calling: CallingState, phone: string): void {
	if (!calling.boundPhone(phone)) throw waNotBound(phone);
}

export function runGetMedia(
	body: Body,
	store: MediaStore,
	calling: CallingState,
	baseUrl: string,
	nowMs: number,
): unknown {
	const phone = waPhone(body);
	waProduct(body);
	requireBound(calling, phone);
	const media = mediaOf(store, body, phone);
	return {
		mime_type: media.mimeType,
		file_name: media.fileName,
		url: store.link(baseUrl, media.id, nowMs),
	};
}

export function runDeleteMedia(body: Body, store: MediaStore, calling: CallingState): unknown {
	const phone = waPhone(body);
	waProduct(body);
	requireBound(calling, phone);
	const media = mediaOf(store, body, phone);
	store.delete(media.id);
	return { success: true };
}

/** Form fields in the vendor's table order; `file` must be a file part whose size fits its type. */
export function runUploadMedia(
	parts: FormPart[],
	store: MediaStore,
	calling: CallingState,
): unknown {
	const fields: Body = {};
	let file: FormPart | undefined;
	for (const part of parts) {
		if (part.name === 'file') file = part;
		else fields[part.name] = part.data.toString('utf8');
	}
	const phone = waPhone(fields);
	waProduct(fields);
	const type = waString(fields, 'type');
	if (!file) throw waMissing('file');
	if (file.fileName === undefined) throw waBadValue('file', 'is a text field, not a file part');
	const limit = UPLOAD_LIMITS[type];
	if (limit === undefined) throw waBadValue('type', `"${type}" is not a supported media type`);
	if (file.data.length === 0) throw waBadValue('file', 'is empty');
	if (file.data.length > limit)
		throw waBadValue(
			'file',
			`${file.data.length} bytes is over the ${limit}-byte limit of ${type}`,
		);
	requireBound(calling, phone);
	const media = store.add(phone, Buffer.from(file.data), type);
	media.uploadedName = file.fileName;
	return { id: media.id };
}

function ossError(status: number, code: string, message: string): Reply {
	const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
	return { ...textReply(status, xml, 'application/xml'), reason: `${code}: ${message}` };
}

/**
 * GET of a getMedia link, checked like object storage checks a pre-signed URL: the signature
 * over id and expiry, and the expiry. OUR ADDITION: a request carrying NXCloud headers (accessKey,
 * sign) is refused with 400, because those must never leak to a third-party storage host.
 */
export function serveMediaLink(ex: Exchange, query: URLSearchParams, store: MediaStore): Reply {
	if (ex.method !== 'GET')
		return ossError(405, 'MethodNotAllowed', 'Only GET is signed for this link');
	if (
		headerOf(ex.headers, 'accesskey') !== undefined ||
		headerOf(ex.headers, 'sign') !== undefined
	) {
		return ossError(
			400,
			'InvalidArgument',
			'NXCloud request headers were sent to the storage host',
		);
	}
	const id = decodeURIComponent(ex.path.slice(MEDIA_DOWNLOAD_PREFIX.length));
	const expires = Number(query.get('Expires'));
	const signature = query.get('Signature') ?? '';
	if (!Number.isInteger(expires) || signature !== store.signature(id, expires)) {
		return ossError(
			403,
			'SignatureDoesNotMatch',
			'The request signature we calculated does not match the signature you provided.',
		);
	}
	if (Math.floor(ex.now / 1000) > expires)
		return ossError(403, 'AccessDenied', 'Request has expired.');
	const media = store.get(id);
	if (!media) return ossError(404, 'NoSuchKey', 'The specified key does not exist.');
	return { status: 200, headers: { 'content-type': media.mimeType }, body: media.data };
}
