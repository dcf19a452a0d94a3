import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { parseJsonBody } from './body';
import { splitCallbotCallback } from './events/callbot';
import { isForAllowedPhone, isSelected, lacksBusinessPhone } from './events/filters';
import { eventItemJson } from './events/items';
import { outputCount, outputIndex } from './events/outputs';
import { admitKeys, redeliveryKey } from './redelivery';
import type { SplitEvent, TriggerSource } from './events/types';
import { splitWhatsAppPush } from './events/whatsapp';
import type { TriggerSecrets, TriggerSettings } from './settings';
import type { Refusal } from './signature';
import { checkSignature } from './signature';

/** What NXCloud gets back for an accepted request (docs/vendor-api.md §5.5: Callbot expects `{"retCode":0}`). */
export function acknowledgement(source: TriggerSource): IDataObject {
	return source === 'callbot' ? { retCode: 0 } : { received: true };
}

export interface IncomingRequest {
	/** Header names in lowercase, single values. */
	headers: Record<string, string | undefined>;
	rawBody: Buffer;
	contentType: string | undefined;
}

export interface PushCounts {
	/** Events in the request. */
	events: number;
	/** Dropped by Events to Emit or the Business Phone filter. */
	filtered: number;
	/**
	 * Selected events that name no business number while the Business Phones filter is set:
	 * emitted or dropped as "Events Without a Business Number" says.
	 */
	withoutPhone: number;
	/** Dropped as redeliveries. */
	redelivered: number;
	/** Emitted as items. */
	emitted: number;
}

export type PushOutcome =
	| { refused: Refusal }
	| {
			/** One array per output; null when no event is left (then nothing executes). */
			outputs: INodeExecutionData[][] | null;
			acknowledgement: IDataObject;
			/** The redelivery window to store, when it changed. */
			window?: string[];
			/** Keys of the events emitted (new to the window), and of those dropped as redeliveries. */
			keys: { admitted: string[]; redelivered: string[] };
			counts: PushCounts;
	  };

export interface PushContext {
	settings: TriggerSettings;
	secrets: TriggerSecrets | undefined;
	/** Recently seen event keys, oldest first (from workflow static data). */
	window: readonly string[];
	/** False for "Listen for test event", so a sample push can be replayed while building. */
	dedupe: boolean;
	nowMs: number;
}

function split(source: TriggerSource, body: unknown): SplitEvent[] {
	return source === 'callbot' ? splitCallbotCallback(body) : splitWhatsAppPush(body);
}

/**
 * Everything the trigger does with one request, without n8n: verify the signature over the raw
 * bytes, parse, split into events, filter, drop redeliveries, and sort the items into outputs.
 */
export function handlePush(request: IncomingRequest, context: PushContext): PushOutcome {
	const { settings } = context;
	const signature = checkSignature(
		settings,
		context.secrets,
		request.headers,
		request.rawBody,
		context.nowMs,
	);
	if ('refusal' in signature) return { refused: signature.refusal };

	const parsed = parseJsonBody(request.rawBody, request.contentType);
	if ('rejection' in parsed) {
		const { status, reason, error } = parsed.rejection;
		return { refused: { status, body: { error, reason } } };
	}

	const events = split(settings.source, parsed.body);
	const selected = events.filter((e) => isSelected(e, settings.events));
	const withoutPhone = selected.filter((e) =>
		lacksBusinessPhone(e, settings.businessPhones),
	).length;
	const wanted = selected.filter((e) =>
		isForAllowedPhone(e, settings.businessPhones, settings.unknownPhoneEvents),
	);
	let fresh = wanted;
	let window: string[] | undefined;
	const keys: { admitted: string[]; redelivered: string[] } = { admitted: [], redelivered: [] };
	if (settings.dropRedeliveries && context.dedupe && wanted.length > 0) {
		const eventKeys = wanted.map((e) => redeliveryKey(settings.source, e));
		const admitted = admitKeys(eventKeys, context.window, settings.redeliveryWindow);
		fresh = wanted.filter((_, i) => admitted.fresh[i]);
		eventKeys.forEach((key, i) => (admitted.fresh[i] ? keys.admitted : keys.redelivered).push(key));
		if (admitted.changed) window = admitted.window;
	}
	const counts: PushCounts = {
		events: events.length,
		filtered: events.length - wanted.length,
		withoutPhone,
		redelivered: wanted.length - fresh.length,
		emitted: fresh.length,
	};
	const ack = acknowledgement(settings.source);
	if (fresh.length === 0) return { outputs: null, acknowledgement: ack, window, keys, counts };

	const extras = {
		receivedAt: new Date(context.nowMs).toISOString(),
		signatureVerified: signature.verified,
	};
	const outputs: INodeExecutionData[][] = Array.from(
		{ length: outputCount(settings.source, settings.outputRouting) },
		() => [],
	);
	for (const event of fresh) {
		outputs[outputIndex(settings.source, settings.outputRouting, event.output)].push({
			json: eventItemJson(settings.source, event, extras),
			// One request in, so every item pairs with it.
			pairedItem: { item: 0 },
		});
	}
	return { outputs, acknowledgement: ack, window, keys, counts };
}
