import type { IDataObject } from 'n8n-workflow';

import { toText } from '../../shared/values';
import { mediaReference } from './messageBody';

/**
 * The variables of a WhatsApp template (as getTemplate lists it, §16) and the `components` of a
 * template message that fill them (§12.4). Counting the `{{n}}` placeholders of the header, the
 * body and URL buttons gives the slots; each slot becomes one field of the node.
 */

export type SlotKind = 'headerText' | 'headerMedia' | 'body' | 'buttonUrl' | 'buttonPayload';

export interface TemplateSlot {
	/** Field id, stable for a template: `header_text_1`, `header_media_image`, `body_2`, `button_0_url`, `button_1_payload`. */
	id: string;
	kind: SlotKind;
	/** What the user sees, e.g. `Body {{2}} (e.g. CC)`. */
	label: string;
	required: boolean;
	/** Placeholder key inside its component (`1`, `2`, or a named one). */
	key?: string;
	/** Button position, for button slots. */
	index?: number;
	/** Header media format, lower case: image | video | document. */
	format?: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Placeholders of a text in parameter order: numbered ones by number, named ones as they appear. */
export function placeholders(text: unknown): string[] {
	if (typeof text !== 'string') return [];
	const keys: string[] = [];
	for (const match of text.matchAll(PLACEHOLDER)) if (!keys.includes(match[1])) keys.push(match[1]);
	const numbered = keys.every((key) => /^\d+$/.test(key));
	return numbered ? keys.sort((a, b) => Number(a) - Number(b)) : keys;
}

function exampleOf(examples: unknown, position: number): string | undefined {
	const flat = Array.isArray(examples) ? (Array.isArray(examples[0]) ? examples[0] : examples) : [];
	const value = flat[position];
	return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

const withExample = (label: string, example: string | undefined): string =>
	example ? `${label} (e.g. ${example})` : label;

const upper = (value: unknown): string => (typeof value === 'string' ? value.toUpperCase() : '');

/** Every slot of a template, header first, then body, then buttons in their order. */
export function templateSlots(template: IDataObject): TemplateSlot[] {
	const components = Array.isArray(template.components)
		? (template.components as IDataObject[])
		: [];
	const slots: TemplateSlot[] = [];
	const find = (type: string) => components.find((c) => upper(c?.type) === type);

	const header = find('HEADER');
	if (header) {
		const format = upper(header.format) || 'TEXT';
		const example = (header.example ?? {}) as IDataObject;
		if (format === 'TEXT') {
			placeholders(header.text).forEach((key, k) =>
				slots.push({
					id: `header_text_${key}`,
					kind: 'headerText',
					key,
					label: withExample(`Header {{${key}}}`, exampleOf(example.header_text, k)),
					required: true,
				}),
			);
		} else if (['IMAGE', 'VIDEO', 'DOCUMENT'].includes(format)) {
			const name = format.charAt(0) + format.slice(1).toLowerCase();
			slots.push({
				id: `header_media_${format.toLowerCase()}`,
				kind: 'headerMedia',
				format: format.toLowerCase(),
				label: `Header ${name} (http(s) link or media ID)`,
				required: true,
			});
		}
	}

	const body = find('BODY');
	if (body) {
		const example = (body.example ?? {}) as IDataObject;
		placeholders(body.text).forEach((key, k) =>
			slots.push({
				id: `body_${key}`,
				kind: 'body',
				key,
				label: withExample(`Body {{${key}}}`, exampleOf(example.body_text, k)),
				required: true,
			}),
		);
	}

	const buttons = find('BUTTONS');
	const list = Array.isArray(buttons?.buttons) ? (buttons.buttons as IDataObject[]) : [];
	list.forEach((button, index) => {
		const type = upper(button?.type);
		const text = toText(button?.text ?? '', 'button text');
		if (type === 'URL' && placeholders(button.url).length > 0) {
			slots.push({
				id: `button_${index}_url`,
				kind: 'buttonUrl',
				index,
				label: withExample(`Button "${text}" URL Suffix`, exampleOf(button.example, 0)),
				required: true,
			});
		} else if (type === 'OTP') {
			// Authentication templates: the code goes into a url button at this index (vendor example, §12.4).
			slots.push({
				id: `button_${index}_url`,
				kind: 'buttonUrl',
				index,
				label: `Button "${text || 'Copy code'}" Code`,
				required: true,
			});
		} else if (type === 'QUICK_REPLY') {
			slots.push({
				id: `button_${index}_payload`,
				kind: 'buttonPayload',
				index,
				label: `Button "${text}" Payload`,
				required: false,
			});
		}
	});
	return slots;
}

/** Recovers a slot from its field id (the editor stores only ids, labels and required flags). */
export function slotFromId(id: string, label: string, required: boolean): TemplateSlot | undefined {
	let match = /^header_text_([A-Za-z0-9_]+)$/.exec(id);
	if (match) return { id, kind: 'headerText', key: match[1], label, required };
	match = /^header_media(?:_(image|video|document))?$/.exec(id);
	if (match) return { id, kind: 'headerMedia', format: match[1], label, required };
	match = /^body_([A-Za-z0-9_]+)$/.exec(id);
	if (match) return { id, kind: 'body', key: match[1], label, required };
	match = /^button_(\d+)_(url|payload)$/.exec(id);
	if (match) {
		return {
			id,
			kind: match[2] === 'url' ? 'buttonUrl' : 'buttonPayload',
			index: Number(match[1]),
			label,
			required,
		};
	}
	return undefined;
}

const isEmpty = (value: unknown): boolean =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The `components` of a template message from the slot values. A required slot without a value
 * fails naming it. Values are sent as text; numbers from expressions become text.
 */
export function templateComponents(slots: TemplateSlot[], values: IDataObject): IDataObject[] {
	const missing = slots.filter((slot) => slot.required && isEmpty(values[slot.id]));
	if (missing.length > 0) {
		const names = missing.map((slot) => `"${slot.label}"`).join(', ');
		throw new Error(
			`Template variables missing: ${names}. Fill them in (or map them from the input) before sending.`,
		);
	}
	const text = (slot: TemplateSlot): string => toText(values[slot.id], slot.label);
	const components: IDataObject[] = [];

	const headerSlots = slots.filter((s) => s.kind === 'headerText');
	if (headerSlots.length > 0) {
		components.push({
			type: 'header',
			parameters: headerSlots.map((s) => ({ type: 'text', text: text(s) })),
		});
	}
	const media = slots.find((s) => s.kind === 'headerMedia');
	if (media && !isEmpty(values[media.id])) {
		const format = media.format ?? 'image';
		const reference = text(media).trim();
		const source = /^https?:\/\//i.test(reference) ? 'link' : 'id';
		const object = mediaReference(source, reference, reference, 'Header Media');
		components.push({ type: 'header', parameters: [{ type: format, [format]: object }] });
	}
	const bodySlots = slots.filter((s) => s.kind === 'body');
	if (bodySlots.length > 0) {
		components.push({
			type: 'body',
			parameters: bodySlots.map((s) => ({ type: 'text', text: text(s) })),
		});
	}
	const buttonSlots = slots
		.filter((s) => s.kind === 'buttonUrl' || (s.kind === 'buttonPayload' && !isEmpty(values[s.id])))
		.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
	for (const slot of buttonSlots) {
		const url = slot.kind === 'buttonUrl';
		components.push({
			type: 'button',
			sub_type: url ? 'url' : 'quick_reply',
			// The vendor sends the position as a string (§12.4).
			index: String(slot.index ?? 0),
			parameters: [
				url ? { type: 'text', text: text(slot) } : { type: 'payload', payload: text(slot) },
			],
		});
	}
	return components;
}
