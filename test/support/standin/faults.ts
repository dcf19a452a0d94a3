// Injected failures for reliability tests. A rule waits in a queue until a request matches it,
// then replaces (or, with afterHandling, follows) the normal handling of that request.
import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';

/** What goes wrong. */
export type FaultKind =
	/** An HTTP error status with an optional body (default: the status text as text/plain). */
	| {
			kind: 'status';
			status: number;
			body?: string;
			contentType?: string;
			headers?: Record<string, string>;
	  }
	/** Never answer. With afterMs, destroy the socket after that long; otherwise hang until close(). */
	| { kind: 'timeout'; afterMs?: number }
	/** Destroy the socket without answering (the client sees ECONNRESET / "socket hang up"). */
	| { kind: 'reset' }
	/** A Callbot envelope `{retCode, retMsg, responseID}` with HTTP 200 (e.g. 7 busy, 1001, 5, 5001). */
	| { kind: 'retCode'; retCode: number; retMsg?: string }
	/** An open-platform envelope `{code, message, traceId}` with HTTP 200 (e.g. 10003, 1102, -1). */
	| { kind: 'code'; code: number; message?: string }
	/** HTTP 200, application/json, body cut off mid-object. */
	| { kind: 'malformedJson' }
	/** A gateway's HTML error page (text/html), status 502 unless given. */
	| { kind: 'htmlPage'; status?: number }
	/** Handle the request normally, but answer only after delayMs. */
	| { kind: 'slow'; delayMs: number };

/** The request as a match predicate sees it. */
export interface FaultRequest {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
	json(): unknown;
}

export interface FaultMatch {
	/** A substring of the path, or a predicate; absent matches every request. */
	match?: string | ((request: FaultRequest) => boolean);
	/** How many requests this rule hits before it is used up (default 1; Infinity allowed). */
	times?: number;
	/**
	 * Process the request first (state changes happen), then apply the fault to the answer — the
	 * "server did it but the reply was lost" case, e.g. an import that succeeded while the client
	 * timed out. Ignored by `slow`, which always processes.
	 */
	afterHandling?: boolean;
}

export type FaultRule = FaultKind & FaultMatch;

/** The vendor's own wording where docs/vendor-api.md §8 gives one; used when a rule names only the code. */
export const RET_MSG: Record<number, string> = {
	1: 'General error',
	2: 'Missing parameter',
	3: 'Parameter format error',
	4: 'Invalid parameter value',
	4001: 'Too many array elements',
	5: 'Server maintenance',
	5001: 'Internal server error',
	6: 'Signature incorrect',
	6001: 'Signature missing',
	6002: 'Account does not exist',
	6003: 'No permission',
	7: 'System busy',
	1001: 'Batch import in progress, import and export are unavailable',
};

export const CODE_MESSAGE: Record<number, string> = {
	[-1]: 'Failure',
	1001: 'Missing common parameters',
	1002: 'Parameter error',
	1003: 'Invalid signature',
	1004: 'Timestamp expired',
	1005: 'Insufficient permissions',
	1100: 'Customer does not exist / Status is unavailable',
	1102: 'Insufficient balance',
	9000: 'Request parameter error',
	9001: 'System business error',
	9002: 'Phone number error',
	9003: 'Customer APP does not exist / Status is unavailable',
	10003: 'WhatsApp business phone is not bind app',
	10009: 'Calling line setting not exist',
	10013: 'Calling setting not exist',
};

interface QueuedRule {
	rule: FaultRule;
	left: number;
}

/** Strips the matching fields so a recording holds only what went wrong. */
export function kindOf(rule: FaultRule): FaultKind {
	const kind: Record<string, unknown> = { ...rule };
	delete kind.match;
	delete kind.times;
	delete kind.afterHandling;
	return kind as FaultKind;
}

export class FaultQueue {
	private rules: QueuedRule[] = [];

	add(rule: FaultRule): void {
		const times = rule.times ?? 1;
		if (!(times > 0)) throw new Error(`failNext: times must be positive, got ${rule.times}`);
		this.rules.push({ rule, left: times });
	}

	/** The first rule that matches, with one use consumed; undefined when none does. */
	take(request: FaultRequest): FaultRule | undefined {
		for (let i = 0; i < this.rules.length; i++) {
			const queued = this.rules[i];
			const { match } = queued.rule;
			const hit =
				match === undefined ||
				(typeof match === 'string' ? request.path.includes(match) : match(request));
			if (!hit) continue;
			queued.left -= 1;
			if (queued.left <= 0) this.rules.splice(i, 1);
			return queued.rule;
		}
		return undefined;
	}

	get pending(): number {
		return this.rules.length;
	}

	clear(): void {
		this.rules = [];
	}
}

/** What nginx in front of an API answers when the upstream is gone. */
export function htmlErrorPage(status: number): string {
	const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
	return (
		`<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n` +
		`<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
	);
}
