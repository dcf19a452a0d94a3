import { sleep } from 'n8n-workflow';

import type { IncomingRequest, PushOutcome } from './handlePush';
import { handlePush } from './handlePush';
import type { TriggerSecrets, TriggerSettings } from './settings';
import type { Reservation } from './takenKeys';
import { keysToCheck, requestsTaking, reserve } from './takenKeys';
import type { Refusal } from './signature';

/**
 * How long a delivery waits for an earlier delivery of the same event, still being taken in this
 * process, to end. Past it the delivery is answered 503, so NXCloud retries it later.
 */
export const WAIT_FOR_EARLIER_DELIVERY_MS = 10_000;

export type TakenPush =
	| { refused: Refusal }
	| {
			outcome: Exclude<PushOutcome, { refused: Refusal }>;
			/** The keys of the events this request emits, held until the request ends. */
			reservation?: Reservation;
	  };

export interface TakeContext {
	settings: TriggerSettings;
	secrets: TriggerSecrets | undefined;
	/** This node's key in the process (see redeliveryWindow.ts, windowMemoryKey). */
	windowKey: string;
	/** The window n8n loaded from its database for this request. */
	storedCopy: readonly string[];
	dedupe: boolean;
	nowMs: number;
}

/**
 * handlePush() against every key known to be taken, then reserves the keys of the events it
 * emits, in one synchronous step. A push carrying an event that another request of this process
 * is still taking waits for that request to end and is checked again: dropped if the event was
 * taken, emitted if it was not (n8n failed to store it, or the connection dropped).
 */
export async function takePush(request: IncomingRequest, context: TakeContext): Promise<TakenPush> {
	const { settings, windowKey, storedCopy } = context;
	const deadline = Date.now() + WAIT_FOR_EARLIER_DELIVERY_MS;
	for (;;) {
		const outcome = handlePush(request, {
			settings,
			secrets: context.secrets,
			window: keysToCheck(windowKey, storedCopy),
			dedupe: context.dedupe,
			nowMs: context.nowMs,
		});
		if ('refused' in outcome) return outcome;
		const earlier = requestsTaking(windowKey, outcome.keys.redelivered);
		if (earlier.length === 0) {
			const { admitted } = outcome.keys;
			const reservation =
				admitted.length > 0 ? reserve(windowKey, admitted, settings.redeliveryWindow) : undefined;
			return { outcome, reservation };
		}
		const remaining = deadline - Date.now();
		if (remaining <= 0) {
			return {
				refused: {
					status: 503,
					body: {
						error: 'An earlier delivery of this event is still being taken; retry later',
						reason: 'delivery_in_progress',
					},
				},
			};
		}
		await Promise.race([Promise.all(earlier), sleep(remaining)]);
	}
}
