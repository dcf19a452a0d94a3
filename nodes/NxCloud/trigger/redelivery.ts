import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { isObject, text } from './events/objects';
import type { SplitEvent } from './events/types';

/** How many recent event keys the trigger remembers by default. */
export const DEFAULT_REDELIVERY_WINDOW = 1000;

/** Largest window a user may set: the whole window is rewritten to the database on every push. */
export const MAX_REDELIVERY_WINDOW = 20000;

function joinKey(parts: Array<string | undefined>): string {
	return parts.map((part) => part ?? '').join('\u0000');
}

/** A literal piece of output in canonical()'s work stack (as opposed to a value still to print). */
class Literal {
	constructor(readonly text: string) {}
}

/**
 * The event's JSON with keys sorted, so the same event hashes the same however it was printed.
 * Iterative, with its own stack: a hostile push nested 10,000 levels deep must not overflow the
 * call stack (a RangeError would turn a signed request into n8n's 500).
 */
function canonical(root: unknown): string {
	const out: string[] = [];
	const work: unknown[] = [root];
	while (work.length > 0) {
		const value = work.pop();
		if (value instanceof Literal) {
			out.push(value.text);
		} else if (Array.isArray(value)) {
			work.push(new Literal(']'));
			for (let i = value.length - 1; i >= 0; i--) {
				work.push(value[i]);
				if (i > 0) work.push(new Literal(','));
			}
			out.push('[');
		} else if (isObject(value)) {
			const keys = Object.keys(value).sort();
			work.push(new Literal('}'));
			for (let i = keys.length - 1; i >= 0; i--) {
				work.push(value[keys[i]]);
				work.push(new Literal(`${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:`));
			}
			out.push('{');
		} else {
			out.push(JSON.stringify(value) ?? 'null');
		}
	}
	return out.join('');
}

/**
 * What identifies one delivery of an event, so a redelivery of it can be recognised. Two events
 * that differ in anything a user could act on must never share an identity (the second would be
 * answered and dropped), so an identity is the vendor's own id only where that id names the event
 * itself, and the event's whole content otherwise:
 * - inbound message: message id (one message, one event);
 * - status: message id + status + errors + costs. A message id is shared by all statuses of the
 *   message, and the vendor's own examples show two failed statuses of one message that differ
 *   only in their errors. `timestamp` is left out: the vendor calls it the callback time, so a
 *   retry may carry a new one;
 * - call record: call id (one finished call, one record);
 * - template, account and phone events, and anything unrecognised: the event's whole content.
 *   They have no event id, and the vendor's PAUSED and FLAGGED examples carry no `time`, so a
 *   FIRST_PAUSE and a SECOND_PAUSE of one template differ only in `other_info`;
 * - Callbot order: order id + finish flag + the call's status; call: call id + call status;
 *   task: task id + task status + the task statistics (a running task reports progress several
 *   times with the same status, and each report is a new event);
 * - an event whose id is missing or empty: the event's own content.
 * A byte-identical redelivery always has the same identity.
 */
export function redeliveryIdentity(source: 'whatsapp' | 'callbot', event: SplitEvent): string {
	const data = event.data;
	const content = () => joinKey([source, event.event, canonical(data)]);
	if (source === 'whatsapp') {
		if (event.output === 'message') {
			const id = text(data.id);
			return id ? joinKey(['message', id]) : content();
		}
		if (event.event.startsWith('status.')) {
			const id = text(data.id);
			return id
				? joinKey([
						'status',
						id,
						text(data.status),
						canonical(data.errors ?? null),
						canonical(data.costs ?? null),
					])
				: content();
		}
		if (event.output === 'call') {
			const id = text(data.call_id);
			return id ? joinKey(['call', id]) : content();
		}
		// Management events (template, account, phone) carry no event id; `event.event` names their
		// field, so the content is the key.
		return content();
	}
	const detail: IDataObject = isObject(data.callInfoDetail) ? data.callInfoDetail : {};
	if (event.output === 'order') {
		const id = text(data.orderID);
		return id
			? joinKey(['order', id, String(data.finish), text(detail.callID), text(detail.callStatus)])
			: content();
	}
	if (event.output === 'call') {
		const id = text(detail.callID);
		return id ? joinKey(['call', id, text(detail.callStatus)]) : content();
	}
	if (event.output === 'task') {
		const id = text(data.taskID) ?? text(data.userTaskID);
		return id ? joinKey(['task', id, text(data.taskStatus), canonical(data.taskStat)]) : content();
	}
	return content();
}

/**
 * A short fixed-size key for the window: the first 64 bits of SHA-256 of the identity. A window
 * of 20,000 keys has a chance below 1e-10 of two different events colliding.
 */
export function redeliveryKey(source: 'whatsapp' | 'callbot', event: SplitEvent): string {
	return createHash('sha256')
		.update(redeliveryIdentity(source, event), 'utf8')
		.digest('hex')
		.slice(0, 16);
}

export interface WindowResult {
	/** One flag per key: true when the key was not seen before (in the window or earlier in the push). */
	fresh: boolean[];
	/** The new window, oldest first, at most `size` keys; the same array when nothing was added. */
	window: string[];
	/** Whether the window changed (and so needs saving). */
	changed: boolean;
}

/**
 * Checks keys against a bounded window of recently seen keys (oldest first) and returns the new
 * window. Keys repeated inside one push count as redeliveries too. Pure: the caller stores it.
 */
export function admitKeys(keys: string[], window: readonly string[], size: number): WindowResult {
	const seen = new Set(window);
	const added: string[] = [];
	const fresh = keys.map((key) => {
		if (seen.has(key)) return false;
		seen.add(key);
		added.push(key);
		return true;
	});
	if (added.length === 0 && window.length <= size) {
		return { fresh, window: [...window], changed: false };
	}
	const next = [...window, ...added];
	return {
		fresh,
		window: next.length > size ? next.slice(next.length - size) : next,
		changed: true,
	};
}
