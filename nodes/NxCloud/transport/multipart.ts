import { randomBytes } from 'crypto';

/** One field of a multipart/form-data body: text, or a file with its name and type. */
export type MultipartPart =
	| { field: string; value: string }
	| { field: string; fileName: string; contentType: string; data: Buffer };

export function newBoundary(): string {
	return `----n8nNxCloud${randomBytes(16).toString('hex')}`;
}

/** Quotes and line breaks would end the header; everything else (UTF-8 names too) stays (RFC 7578). */
function headerSafe(text: string): string {
	return text.replace(/[\r\n]/g, ' ').replace(/"/g, '%22');
}

/**
 * The multipart/form-data body of `parts` (RFC 7578), built by hand because a community node may
 * not ship the form-data package n8n's own nodes use. The file bytes are copied once.
 */
export function multipartBody(parts: MultipartPart[], boundary: string): Buffer {
	const chunks: Buffer[] = [];
	for (const part of parts) {
		let head = `--${boundary}\r\nContent-Disposition: form-data; name="${headerSafe(part.field)}"`;
		if ('data' in part) {
			head += `; filename="${headerSafe(part.fileName)}"\r\nContent-Type: ${headerSafe(part.contentType)}\r\n\r\n`;
			chunks.push(Buffer.from(head, 'utf8'), part.data, Buffer.from('\r\n', 'utf8'));
		} else {
			chunks.push(Buffer.from(`${head}\r\n\r\n${part.value}\r\n`, 'utf8'));
		}
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return Buffer.concat(chunks);
}
