import type { IDataObject } from 'n8n-workflow';

import { summarizeCallCosts, summarizeMessagingCosts } from './costs';
import { isoTimestamps } from '../../shared/timestamps';
import type { SplitEvent, TriggerSource } from './types';

export interface ItemExtras {
	/** When n8n received the request, ISO-8601. */
	receivedAt: string;
	/** Whether the request's signature was checked and matched (false when unsigned or unchecked). */
	signatureVerified: boolean;
}

/**
 * The JSON of the n8n item for one event:
 * `{ event, source, businessPhone, data, context, timestamps?, cost?, signatureVerified, receivedAt }`.
 * `data` is the raw event, untouched; `timestamps` mirrors the epoch times in `data` as ISO-8601;
 * `cost` sums the event's cost lines (see costs.ts for the two vendor conventions).
 */
export function eventItemJson(
	source: TriggerSource,
	event: SplitEvent,
	extras: ItemExtras,
): IDataObject {
	const json: IDataObject = {
		event: event.event,
		source,
		businessPhone: event.businessPhones[0] ?? null,
		data: event.data,
		context: event.context,
	};
	const timestamps = isoTimestamps(event.data);
	if (timestamps !== undefined) json.timestamps = timestamps;
	// Call records price in `currency`; messages and statuses in CNY plus a foreign price.
	const cost =
		event.event === 'call.record'
			? summarizeCallCosts(event.costs)
			: summarizeMessagingCosts(event.costs);
	if (cost !== undefined) json.cost = cost;
	json.signatureVerified = extras.signatureVerified;
	json.receivedAt = extras.receivedAt;
	return json;
}
