// A strict multipart/form-data reader (RFC 7578) for the upload endpoint: whatever a real server
// could not read (no boundary, no closing delimiter, a part without a name) is refused.

export interface FormPart {
	name: string;
	fileName?: string;
	contentType?: string;
	data: Buffer;
}

export type FormResult = { ok: true; parts: FormPart[] } | { ok: false; reason: string };

function boundaryOf(contentType: string): string | undefined {
	const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	return match ? (match[1] ?? match[2]) : undefined;
}

function headerValue(head: string, name: string): string | undefined {
	for (const line of head.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === name)
			return line.slice(colon + 1).trim();
	}
	return undefined;
}

export function parseMultipart(body: Buffer, contentType: string): FormResult {
	const boundary = boundaryOf(contentType);
	if (!boundary) return { ok: false, reason: 'no boundary in Content-Type' };
	const delimiter = Buffer.from(`--${boundary}`);
	let at = body.indexOf(delimiter);
	if (at !== 0) return { ok: false, reason: 'body does not start with the boundary' };
	const parts: FormPart[] = [];
	for (;;) {
		const after = at + delimiter.length;
		if (body.slice(after, after + 2).toString() === '--') return { ok: true, parts };
		if (body.slice(after, after + 2).toString() !== '\r\n')
			return { ok: false, reason: 'malformed boundary line' };
		const headEnd = body.indexOf('\r\n\r\n', after + 2);
		if (headEnd < 0) return { ok: false, reason: 'part without a header end' };
		const head = body.slice(after + 2, headEnd).toString('utf8');
		const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headEnd + 4);
		if (next < 0) return { ok: false, reason: 'no closing boundary' };
		const disposition = headerValue(head, 'content-disposition') ?? '';
		const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
		if (!/^form-data/i.test(disposition) || !name)
			return { ok: false, reason: `part without a form-data name: "${disposition}"` };
		const fileName = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
		parts.push({
			name,
			fileName,
			contentType: headerValue(head, 'content-type'),
			data: body.slice(headEnd + 4, next),
		});
		at = next + 2;
	}
}
