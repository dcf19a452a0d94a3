/**
 * What NXCloud accepts as WhatsApp media (§17.3, the vendor's "Media File Format Description").
 * Limits are read as binary megabytes (MiB), as Meta states them; the vendor does not say. [INF]
 */
export type MediaKind = 'image' | 'audio' | 'video' | 'document' | 'sticker';

const MB = 1024 * 1024;

export const MEDIA_RULES: Record<MediaKind, { types: string[]; maxBytes: number }> = {
	image: { types: ['image/jpeg', 'image/png'], maxBytes: 5 * MB },
	audio: {
		types: ['audio/aac', 'audio/mp4', 'audio/mpeg', 'audio/amr', 'audio/ogg'],
		maxBytes: 16 * MB,
	},
	video: { types: ['video/mp4', 'video/3gp'], maxBytes: 16 * MB },
	document: {
		types: [
			'text/plain',
			'application/pdf',
			'application/vnd.ms-powerpoint',
			'application/msword',
			'application/vnd.ms-excel',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'application/vnd.openxmlformats-officedocument.presentationml.presentation',
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		],
		maxBytes: 100 * MB,
	},
	sticker: { types: ['image/webp'], maxBytes: 100 * 1024 },
};

/** "audio/ogg; codecs=opus" → "audio/ogg". */
export function bareMimeType(mimeType: string): string {
	return mimeType.split(';')[0].trim().toLowerCase();
}

export function mediaKindOf(mimeType: string): MediaKind | undefined {
	const bare = bareMimeType(mimeType);
	return (Object.keys(MEDIA_RULES) as MediaKind[]).find((kind) =>
		MEDIA_RULES[kind].types.includes(bare),
	);
}

function sizeText(bytes: number): string {
	return bytes >= MB
		? `${Math.round((bytes / MB) * 100) / 100} MB`
		: `${Math.round((bytes / 1024) * 10) / 10} KB`;
}

/**
 * The `type` to upload a file as, or an Error naming the field: a MIME type NXCloud does not take,
 * or a file over the limit of its kind (image 5 MB, audio and video 16 MB, document 100 MB,
 * sticker 100 KB).
 */
export function checkUpload(
	mimeType: string,
	size: number,
	field: string,
): { type: string; kind: MediaKind } {
	const type = bareMimeType(mimeType);
	if (type === '')
		throw new Error(`${field}: the file has no MIME type; set MIME Type in the options`);
	const kind = mediaKindOf(type);
	if (!kind) {
		const all = Object.values(MEDIA_RULES).flatMap((rule) => rule.types);
		throw new Error(
			`${field}: MIME type "${type}" is not accepted by WhatsApp; use one of ${all.join(', ')}`,
		);
	}
	if (size === 0) throw new Error(`${field}: the file is empty`);
	const limit = MEDIA_RULES[kind].maxBytes;
	if (size > limit) {
		throw new Error(
			`${field}: the file is ${sizeText(size)}; WhatsApp takes ${kind} files (${type}) up to ${sizeText(limit)}`,
		);
	}
	return { type, kind };
}

const EXTENSIONS: Record<string, string> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp',
	'audio/aac': 'aac',
	'audio/mp4': 'm4a',
	'audio/mpeg': 'mp3',
	'audio/amr': 'amr',
	'audio/ogg': 'ogg',
	'video/mp4': 'mp4',
	'video/3gp': '3gp',
	'video/3gpp': '3gp',
	'text/plain': 'txt',
	'application/pdf': 'pdf',
	'application/vnd.ms-powerpoint': 'ppt',
	'application/msword': 'doc',
	'application/vnd.ms-excel': 'xls',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
	'audio/wav': 'wav',
	'audio/x-wav': 'wav',
};

/**
 * getMedia's file_name has no extension (§13); it is taken from the MIME type so that the file
 * opens when saved. A name that already ends in that extension is left alone. [INF]
 */
export function fileNameWithExtension(name: string, mimeType: string | undefined): string {
	const extension = mimeType ? EXTENSIONS[bareMimeType(mimeType)] : undefined;
	if (!extension || name.toLowerCase().endsWith(`.${extension}`)) return name;
	return `${name}.${extension}`;
}
