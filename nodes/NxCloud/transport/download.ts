import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	IWebhookFunctions,
} from 'n8n-workflow';

/** A file fetched from a link NXCloud handed out (a media URL, a call recording). */
export interface DownloadedFile {
	data: Buffer;
	/** The server's Content-Type without parameters, when it sent one. */
	contentType?: string;
	/** The name from Content-Disposition, when the server sent one. */
	fileName?: string;
}

export class DownloadError extends Error {}

type Context = IExecuteFunctions | IWebhookFunctions;

function header(headers: IDataObject, name: string): string | undefined {
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
	const value = key === undefined ? undefined : headers[key];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

function dispositionName(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
	if (star) {
		try {
			return decodeURIComponent(star[1].trim());
		} catch {
			return undefined;
		}
	}
	const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
	return plain ? plain[1].trim() : undefined;
}

export function megabytes(bytes: number): string {
	return `${Math.round((bytes / 1024 / 1024) * 100) / 100} MB`;
}

/**
 * GETs `url` and returns its bytes, reading the body as a stream so that a file over `maxBytes`
 * is abandoned as soon as it is seen to be too large instead of being held in memory. The
 * credential's `authenticate` leaves GET requests unsigned: these links are pre-signed by their
 * host (getMedia answers an object-storage URL with its own expiry and signature), and NXCloud
 * headers must not leak to it. Throws DownloadError with a reason a user can act on.
 */
export async function downloadLink(
	ctx: Context,
	url: string,
	limits: { maxBytes: number; timeoutMs: number },
): Promise<DownloadedFile> {
	if (!/^https?:\/\//i.test(url))
		throw new DownloadError(`the link "${url.slice(0, 100)}" is not an http(s) URL`);
	const options: IHttpRequestOptions = {
		method: 'GET',
		url,
		encoding: 'stream',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: limits.timeoutMs,
	};
	let response: { statusCode: number; headers: IDataObject; body: unknown } | undefined;
	let failure: string | undefined;
	try {
		response = await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'nxCloudApi', options);
	} catch (error) {
		failure = (error as Error).message;
	}
	if (response === undefined)
		throw new DownloadError(`the download did not complete (${failure ?? 'no answer'})`);
	const body = response.body as AsyncIterable<Buffer> & { destroy?: () => void };
	const drop = () => body?.destroy?.();
	if (response.statusCode < 200 || response.statusCode >= 300) {
		drop();
		throw new DownloadError(
			`the file host answered HTTP ${response.statusCode}${response.statusCode === 403 ? ' (the link may have expired: fetch a new one)' : ''}`,
		);
	}
	const declared = Number(header(response.headers, 'content-length'));
	if (Number.isFinite(declared) && declared > limits.maxBytes) {
		drop();
		throw new DownloadError(
			`the file is ${megabytes(declared)}, over the limit of ${megabytes(limits.maxBytes)}`,
		);
	}
	const chunks: Buffer[] = [];
	let size = 0;
	let tooLarge = false;
	let broken: string | undefined;
	try {
		for await (const chunk of body) {
			size += chunk.length;
			if (size > limits.maxBytes) {
				tooLarge = true;
				drop();
				break;
			}
			chunks.push(chunk);
		}
	} catch (error) {
		broken = (error as Error).message;
	}
	if (tooLarge)
		throw new DownloadError(`the file is over the limit of ${megabytes(limits.maxBytes)}`);
	if (broken !== undefined)
		throw new DownloadError(`the download broke off after ${size} bytes (${broken})`);
	const contentType = header(response.headers, 'content-type')?.split(';')[0].trim().toLowerCase();
	return {
		data: Buffer.concat(chunks, size),
		contentType: contentType || undefined,
		fileName: dispositionName(header(response.headers, 'content-disposition')),
	};
}
