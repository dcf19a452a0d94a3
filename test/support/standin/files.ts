// Plain files the stand-in serves by GET, standing in for links NXCloud hands out that are not
// NXCloud API calls: call recordings (Callbot callAudioUrl, WhatsApp call `record`).
import { type Exchange, type Reply, headerOf, textReply } from './http';

export const FILES_PREFIX = '/files/';

export class FileHost {
	private readonly files = new Map<string, { data: Buffer; contentType: string }>();

	constructor(private readonly baseUrl: () => string) {}

	/** Serves `data` at the returned URL. */
	put(name: string, data: Buffer, contentType: string): string {
		this.files.set(name, { data, contentType });
		return `${this.baseUrl()}${FILES_PREFIX}${encodeURIComponent(name)}`;
	}

	clear(): void {
		this.files.clear();
	}

	serve(ex: Exchange): Reply {
		if (ex.method !== 'GET')
			return { ...textReply(405, 'Method Not Allowed'), reason: `method ${ex.method}` };
		// Same guard as the media links: NXCloud signing headers must not leak to a file host.
		if (
			headerOf(ex.headers, 'accesskey') !== undefined ||
			headerOf(ex.headers, 'sign') !== undefined
		) {
			return {
				...textReply(400, 'NXCloud request headers were sent to the file host'),
				reason: 'NXCloud headers leaked',
			};
		}
		const file = this.files.get(decodeURIComponent(ex.path.slice(FILES_PREFIX.length)));
		if (!file) return { ...textReply(404, 'Not Found'), reason: 'no such file' };
		return { status: 200, headers: { 'content-type': file.contentType }, body: file.data };
	}
}
