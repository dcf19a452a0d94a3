import type { IDataObject, INodeExecutionData, IWebhookResponseData } from 'n8n-workflow';

import type { Reservation } from './takenKeys';

/** The parts of n8n's response object this module watches (an express / node ServerResponse). */
export interface WatchedResponse {
	readonly headersSent: boolean;
	readonly statusCode: number;
	once(event: 'close', listener: () => void): unknown;
}

/**
 * What webhook() returns for a push that starts an execution: n8n itself answers it, with
 * `acknowledgement` and HTTP 200, and only once the execution exists.
 *
 * n8n 2.41 (webhook-helpers.js, executeWebhook) answers an 'onReceived' webhook that returned
 * workflowData without noWebhookResponse only after WorkflowRunner.run() has resolved, that is
 * after it stored the execution (regular mode) or enqueued it (queue mode); if run() throws, the
 * answer is a 500 and NXCloud retries. Then, still before answering, it saves the workflow's
 * static data, but only if its change flag is set, and run() clears that flag (it wraps the same
 * static data object in a new Workflow). The only read of `webhookResponse` between the two is
 * extractWebhookOnReceivedResponse(), so `webhookResponse` is a getter that writes the window
 * then, which sets the flag again: the window reaches the database after the execution and
 * before NXCloud's 200. (The node's description sets responseData to '' so that n8n reads
 * webhookResponse at all.)
 *
 * n8n 1.x reads webhookResponse, saves the static data and answers before it calls run(): there
 * the 200 and the execution's storage happen together, not one after the other, and nothing a
 * node returns changes that (docs/compatibility.md says what holds on 1.x).
 *
 * The keys of the push are settled when the response ends: stored if a 2xx went out, or if the
 * connection dropped after n8n had reached the getter (the execution exists); released otherwise.
 */
export function answerOnceStored(options: {
	res: WatchedResponse;
	outputs: INodeExecutionData[][];
	acknowledgement: IDataObject;
	reservation?: Reservation;
	/** Writes the window, with this push's keys, to the node's static data. */
	writeWindow?: () => void;
}): IWebhookResponseData {
	const { res, outputs, acknowledgement, reservation, writeWindow } = options;
	let executionStored = false;
	const result: IWebhookResponseData = { workflowData: outputs };
	Object.defineProperty(result, 'webhookResponse', {
		enumerable: true,
		get() {
			if (!executionStored) {
				executionStored = true;
				reservation?.executionStored();
				writeWindow?.();
			}
			return acknowledgement;
		},
	});
	if (reservation) {
		res.once('close', () => {
			const answered = res.headersSent;
			const ok = res.statusCode >= 200 && res.statusCode < 300;
			if (answered ? ok : executionStored) reservation.stored();
			else reservation.released();
		});
	}
	return result;
}
