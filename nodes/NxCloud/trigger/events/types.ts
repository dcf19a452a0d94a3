import type { IDataObject } from 'n8n-workflow';

/** Which NXCloud product sent the request: they use different URLs and signing schemes. */
export type TriggerSource = 'whatsapp' | 'callbot';

/** Outputs of the trigger, in output order, per source (see outputs.ts for their names). */
export type WhatsAppOutput =
	| 'account'
	| 'call'
	| 'message'
	| 'phone'
	| 'delivered'
	| 'failed'
	| 'read'
	| 'sent'
	| 'template'
	| 'other';

export type CallbotOutput = 'call' | 'order' | 'task' | 'other';

export type OutputKey = WhatsAppOutput | CallbotOutput;

/**
 * One event cut out of a push: a status, an inbound message, a call record, a management
 * (`field`) event or a Callbot callback. Pure data: the node turns it into an n8n item.
 */
export interface SplitEvent {
	/** Dotted name, e.g. `status.delivered`, `message.image`, `callbot.order`. */
	event: string;
	/** Output the event is routed to when the trigger has one output per event type. */
	output: OutputKey;
	/**
	 * Value of the "Events to Emit" option that governs this event, or null for events the
	 * trigger does not recognise: those always go to Other and are never filtered out.
	 */
	filterKey: string | null;
	/** The event object exactly as NXCloud sent it. */
	data: IDataObject;
	/** Envelope fields that belong to every event of the push, plus the matching contact. */
	context: IDataObject;
	/** Every business number the event names, most specific first (may be empty). */
	businessPhones: string[];
	/** Cost lines NXCloud attached to the event (`costs[]` or a single `cost`), if any. */
	costs?: unknown;
}
