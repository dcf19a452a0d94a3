import { toInteger } from '../shared/values';
import type { CallbotAlgorithm } from '../signing/callbot';
import { DEFAULT_REDELIVERY_WINDOW, MAX_REDELIVERY_WINDOW } from './redelivery';
import { parsePhoneFilter, type UnknownPhoneEvents } from './events/filters';
import type { OutputRouting } from './events/outputs';
import type { TriggerSource } from './events/types';

export type SignatureCheck = 'required' | 'ifPresent' | 'off';

/** The trigger's parameters, validated. */
export interface TriggerSettings {
	source: TriggerSource;
	/** "Events to Emit" values (see filters.ts). */
	events: string[];
	signatureCheck: SignatureCheck;
	/** Seconds; 0 turns the check off. */
	maxTimestampAge: number;
	/** Normalised business numbers; empty = all. */
	businessPhones: string[];
	/** What the Business Phones filter does with events that name no business number. */
	unknownPhoneEvents: UnknownPhoneEvents;
	outputRouting: OutputRouting;
	dropRedeliveries: boolean;
	redeliveryWindow: number;
	/** Emit flat items (events/simplify.ts) instead of the raw events. */
	simplify: boolean;
}

/** Secrets the signature check needs, from the NXCloud API credential. */
export interface TriggerSecrets {
	accessSecret?: string;
	callbotUuid?: string;
	callbotSecretKey?: string;
	callbotAlgorithm: CallbotAlgorithm;
}

/** Reads one node parameter; the node passes `this.getNodeParameter`. */
export type ParameterReader = (name: string, fallback: unknown) => unknown;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T {
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
		return value as T;
	throw new Error(
		`Parameter "${name}" must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`,
	);
}

function wholeNumber(value: unknown, name: string, min: number, max: number): number {
	return toInteger(value, `Parameter "${name}"`, { min, max });
}

/**
 * Reads and validates the trigger's parameters. Throws an Error naming the parameter and what
 * was expected; the node turns it into a 500 answer (NXCloud retries later) and a log line.
 */
export function readSettings(read: ParameterReader): TriggerSettings {
	const source = oneOf(read('source', 'whatsapp'), ['whatsapp', 'callbot'] as const, 'source');
	const eventsName = source === 'callbot' ? 'callbotEvents' : 'events';
	const events = read(eventsName, []);
	if (!Array.isArray(events) || events.some((e) => typeof e !== 'string')) {
		throw new Error(
			`Parameter "${eventsName}" must be a list of event names; got ${JSON.stringify(events)}`,
		);
	}
	const signatureCheck = oneOf(
		read('signatureCheck', 'required'),
		['required', 'ifPresent', 'off'] as const,
		'signatureCheck',
	);
	const maxTimestampAge =
		signatureCheck === 'off'
			? 0
			: wholeNumber(read('maxTimestampAge', 0), 'maxTimestampAge', 0, 31_536_000);
	let businessPhones: string[] = [];
	let unknownPhoneEvents: UnknownPhoneEvents = 'emit';
	if (source === 'whatsapp') {
		const filter = read('businessPhones', '');
		if (typeof filter !== 'string') {
			throw new Error(`Parameter "businessPhones" must be text; got ${JSON.stringify(filter)}`);
		}
		const parsed = parsePhoneFilter(filter);
		if ('invalid' in parsed) {
			throw new Error(
				`Parameter "businessPhones" must list phone numbers (digits, optionally with +, spaces or dashes) separated by commas; "${parsed.invalid}" is not one`,
			);
		}
		businessPhones = parsed.phones;
		unknownPhoneEvents = oneOf(
			read('unknownPhoneEvents', 'emit'),
			['emit', 'drop'] as const,
			'unknownPhoneEvents',
		);
	}
	const outputRouting = oneOf(
		read('outputRouting', 'perType'),
		['perType', 'single'] as const,
		'outputRouting',
	);
	const dropRedeliveries = read('dropRedeliveries', true);
	if (typeof dropRedeliveries !== 'boolean') {
		throw new Error(
			`Parameter "dropRedeliveries" must be true or false; got ${JSON.stringify(dropRedeliveries)}`,
		);
	}
	const redeliveryWindow = dropRedeliveries
		? wholeNumber(
				read('redeliveryWindow', DEFAULT_REDELIVERY_WINDOW),
				'redeliveryWindow',
				1,
				MAX_REDELIVERY_WINDOW,
			)
		: DEFAULT_REDELIVERY_WINDOW;
	const simplify = read('simplify', false);
	if (typeof simplify !== 'boolean') {
		throw new Error(`Parameter "simplify" must be true or false; got ${JSON.stringify(simplify)}`);
	}
	return {
		source,
		events: events as string[],
		signatureCheck,
		maxTimestampAge,
		businessPhones,
		unknownPhoneEvents,
		outputRouting,
		dropRedeliveries,
		redeliveryWindow,
		simplify,
	};
}
