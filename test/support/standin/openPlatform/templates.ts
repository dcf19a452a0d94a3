// Message templates of the stand-in (§16, §18): per business phone, listed with cursor paging,
// created (status PENDING), updated (components; category only while REJECTED) and deleted by
// name (all languages). Tests seed them (state.whatsApp.templates.add); template sends
// (messagingState.ts) look them up by name and language.
import { WaInvalid, waBadValue, waMissing, waPhone, waProduct, waString } from './waFields';
import type { CallingState } from './state';
import { waNotBound } from './waFields';

type Body = Record<string, unknown>;

export interface TemplateComponent {
	type: 'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS';
	format?: 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION';
	text?: string;
	example?: Record<string, unknown>;
	buttons?: Array<Record<string, unknown>>;
}

export interface StoredTemplate {
	id: string;
	name: string;
	language: string;
	category: string;
	status: string;
	rejected_reason: string;
	quality_score: { score: string };
	components: TemplateComponent[];
}

/** What a test (or createTemplate) gives; missing fields get plausible values, `id` a fresh one. */
export type TemplateSeed = Partial<StoredTemplate> & Pick<StoredTemplate, 'name'>;

const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];
const COMPONENT_TYPES = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'];
const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT'];
/** OUR ASSUMPTION: the vendor documents no maximum page size; Meta caps at 100 here. */
const MAX_LIMIT = 100;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class TemplateStore {
	private readonly byPhone = new Map<string, StoredTemplate[]>();
	private nextId = 1512500000001;

	/**
	 * Seeds a template (APPROVED unless given); replaces one of the same name and language, so a
	 * test can re-seed it with other components.
	 */
	add(businessPhone: string, seed: TemplateSeed): StoredTemplate {
		const full: StoredTemplate = {
			language: 'en_US',
			category: 'UTILITY',
			status: 'APPROVED',
			rejected_reason: 'NONE',
			quality_score: { score: 'UNKNOWN' },
			components: [{ type: 'BODY', text: `Hello from ${seed.name}` }],
			...clone(seed),
			id: seed.id ?? String(this.nextId++),
		};
		const list = this.byPhone.get(businessPhone) ?? [];
		const at = list.findIndex((t) => t.name === full.name && t.language === full.language);
		if (at >= 0) list[at] = full;
		else list.push(full);
		this.byPhone.set(businessPhone, list);
		return clone(full);
	}

	list(businessPhone: string): StoredTemplate[] {
		return clone(this.byPhone.get(businessPhone) ?? []);
	}

	/** The stored template itself (not a copy): the update handler changes it in place. */
	find(businessPhone: string, id: string): StoredTemplate | undefined {
		return (this.byPhone.get(businessPhone) ?? []).find((t) => t.id === id);
	}

	/** A copy of the template a send names (name + language code), if seeded or created. */
	findByNameAndLanguage(
		businessPhone: string,
		name: string,
		language: string,
	): StoredTemplate | undefined {
		const template = (this.byPhone.get(businessPhone) ?? []).find(
			(t) => t.name === name && t.language === language,
		);
		return template && clone(template);
	}

	setStatus(businessPhone: string, id: string, status: string): void {
		const template = this.find(businessPhone, id);
		if (template) template.status = status;
	}

	removeByName(businessPhone: string, name: string): number {
		const list = this.byPhone.get(businessPhone) ?? [];
		const kept = list.filter((t) => t.name !== name);
		this.byPhone.set(businessPhone, kept);
		return list.length - kept.length;
	}

	clear(): void {
		this.byPhone.clear();
	}
}

function scope(body: Body, calling: CallingState): { appkey: string; phone: string } {
	const appkey = waString(body, 'appkey');
	const phone = waPhone(body);
	waProduct(body);
	if (!calling.isBound(phone, appkey)) throw waNotBound(phone, appkey);
	return { appkey, phone };
}

function variables(text: unknown): number {
	return typeof text === 'string' ? new Set(text.match(/\{\{\s*\d+\s*\}\}/g) ?? []).size : 0;
}

/** §18.1 components: known types, one BODY, header format, texts, examples for variables. */
function validateComponents(value: unknown): TemplateComponent[] {
	if (value === undefined || value === null) throw waMissing('components');
	if (!Array.isArray(value) || value.length === 0)
		throw waBadValue('components', 'must be a non-empty array');
	let bodies = 0;
	value.forEach((component, i) => {
		const at = `components[${i}]`;
		if (typeof component !== 'object' || component === null || Array.isArray(component))
			throw waBadValue(at, 'must be an object');
		const c = component as Body;
		if (!COMPONENT_TYPES.includes(String(c.type)))
			throw waBadValue(`${at}.type`, `"${String(c.type)}" is not HEADER, BODY, FOOTER or BUTTONS`);
		if (c.type === 'BODY') bodies += 1;
		if (c.type === 'HEADER' && !HEADER_FORMATS.includes(String(c.format)))
			throw waBadValue(
				`${at}.format`,
				`"${String(c.format)}" is not TEXT, IMAGE, VIDEO or DOCUMENT`,
			);
		const needsText =
			c.type === 'BODY' || c.type === 'FOOTER' || (c.type === 'HEADER' && c.format === 'TEXT');
		if (needsText && (typeof c.text !== 'string' || c.text === '')) throw waMissing(`${at}.text`);
		if (c.type === 'BUTTONS' && (!Array.isArray(c.buttons) || c.buttons.length === 0))
			throw waMissing(`${at}.buttons`);
		if (variables(c.text) > 0 && (typeof c.example !== 'object' || c.example === null))
			throw waMissing(`${at}.example`);
	});
	if (bodies !== 1)
		throw waBadValue('components', `${bodies} BODY components, exactly one required`);
	return value as TemplateComponent[];
}

export function runGetTemplate(body: Body, store: TemplateStore, calling: CallingState): unknown {
	const { phone } = scope(body, calling);
	const limit = body.limit === undefined ? 20 : body.limit;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
		throw waBadValue('limit', `${JSON.stringify(body.limit)} is not an integer 1–${MAX_LIMIT}`);
	}
	let all = store.list(phone);
	if (body.name !== undefined && body.name !== '') all = all.filter((t) => t.name === body.name);
	const cursor = (n: number) => Buffer.from(`at:${n}`).toString('base64url');
	let start = 0;
	if (body.after !== undefined && body.after !== '') {
		const decoded = Number(
			Buffer.from(String(body.after), 'base64url').toString('utf8').replace(/^at:/, ''),
		);
		if (!Number.isInteger(decoded) || decoded < 0 || cursor(decoded) !== body.after) {
			throw waBadValue('after', 'is not a cursor this server handed out');
		}
		start = decoded;
	}
	const page = all.slice(start, start + limit);
	const paging: Body = { cursors: { before: cursor(start), after: cursor(start + page.length) } };
	if (start + page.length < all.length) {
		// Like the vendor's: a Graph URL usable only as a "there is more" flag.
		paging.next = `https://graph.facebook.com/v15.0/standin/message_templates?limit=${limit}&after=${cursor(start + page.length)}`;
	}
	return { data: page, paging };
}

export function runCreateTemplate(
	body: Body,
	store: TemplateStore,
	calling: CallingState,
): unknown {
	const { phone } = scope(body, calling);
	const category = waString(body, 'category');
	if (!CATEGORIES.includes(category))
		throw waBadValue('category', `"${category}" is not MARKETING, UTILITY or AUTHENTICATION`);
	const language = waString(body, 'language');
	const name = waString(body, 'name');
	if (!/^[a-z0-9_]{1,512}$/.test(name))
		throw waBadValue('name', 'only lower-case letters, digits and underscores');
	const components = validateComponents(body.components);
	if (store.list(phone).some((t) => t.name === name && t.language === language)) {
		// The vendor documents no code for a duplicate: OUR CHOICE 9001 with Meta's wording.
		throw new WaInvalid({
			code: 9001,
			message: 'Content in this language already exists',
			reason: `template ${name}/${language} exists`,
		});
	}
	const created = store.add(phone, { name, language, category, components, status: 'PENDING' });
	return { id: created.id };
}

export function runUpdateTemplate(
	body: Body,
	store: TemplateStore,
	calling: CallingState,
): unknown {
	const { phone } = scope(body, calling);
	const id = waString(body, 'template_id');
	const components = validateComponents(body.components);
	const template = store.find(phone, id);
	if (!template)
		throw new WaInvalid({
			code: 9001,
			message: 'Template does not exist',
			reason: `no template ${id} on ${phone}`,
		});
	if (body.category !== undefined) {
		const category = waString(body, 'category');
		if (!CATEGORIES.includes(category))
			throw waBadValue('category', `"${category}" is not MARKETING, UTILITY or AUTHENTICATION`);
		if (template.status !== 'REJECTED' && category !== template.category) {
			throw waBadValue(
				'category',
				`can change only while the template is REJECTED (it is ${template.status})`,
			);
		}
		template.category = category;
	}
	template.components = clone(components);
	template.status = 'PENDING';
	return { id };
}

export function runDeleteTemplate(
	body: Body,
	store: TemplateStore,
	calling: CallingState,
): unknown {
	const { phone } = scope(body, calling);
	const name = waString(body, 'name');
	if (store.removeByName(phone, name) === 0) {
		throw new WaInvalid({
			code: 9001,
			message: 'Template does not exist',
			reason: `no template named ${name} on ${phone}`,
		});
	}
	return { success: true };
}
