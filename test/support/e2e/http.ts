import { request } from 'undici';

export interface HttpResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	/** The body parsed as JSON, or undefined when it is not JSON. */
	json: unknown;
}

export interface HttpOptions {
	method?: string;
	headers?: Record<string, string>;
	/** Objects are sent as JSON; strings and Buffers as they are. */
	body?: unknown;
	timeoutMs?: number;
}

/** One HTTP exchange with undici; never throws on a status code, only on network failure. */
export async function http(url: string, options: HttpOptions = {}): Promise<HttpResponse> {
	const headers: Record<string, string> = { ...options.headers };
	let body: string | Buffer | undefined;
	if (typeof options.body === 'string' || Buffer.isBuffer(options.body)) {
		body = options.body;
	} else if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['content-type'] ??= 'application/json';
	}
	const timeout = options.timeoutMs ?? 60_000;
	const send = () =>
		request(url, {
			method: (options.method ?? 'GET') as 'GET',
			headers,
			body,
			headersTimeout: timeout,
			bodyTimeout: timeout,
		});
	let response: Awaited<ReturnType<typeof request>>;
	try {
		response = await send();
	} catch (error) {
		if (!closedWhileIdle(error)) throw error;
		response = await send();
	}
	const text = await response.body.text();
	let json: unknown;
	try {
		json = text === '' ? undefined : JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.statusCode, headers: response.headers, text, json };
}

/**
 * A kept-alive socket the server closed just as the request went out on it: the socket had carried
 * earlier answers (bytesRead > 0) and closed before the headers of this one. The server dropped
 * the idle connection rather than the request, so sending it once more on a fresh socket is what
 * browsers do too; an error on a fresh socket, or after the answer began, is never retried.
 */
function closedWhileIdle(error: unknown): boolean {
	const socketError = error as {
		code?: unknown;
		message?: unknown;
		socket?: { bytesRead?: unknown };
	};
	return (
		socketError?.code === 'UND_ERR_SOCKET' &&
		socketError.message === 'other side closed' &&
		typeof socketError.socket?.bytesRead === 'number' &&
		socketError.socket.bytesRead > 0
	);
}

/** Throws with the method, URL, status and body when the status is not 2xx. */
export function expectOk(response: HttpResponse, what: string): HttpResponse {
	if (response.status < 200 || response.status >= 300) {
		throw new Error(`${what} failed: HTTP ${response.status} ${response.text.slice(0, 500)}`);
	}
	return response;
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function pollUntil<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	{ timeoutMs = 15_000, intervalMs = 100 } = {},
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline)
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
		await delay(intervalMs);
	}
}
