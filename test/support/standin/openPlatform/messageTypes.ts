// The type-specific object of a /api/wa/mt body (§12.2–§12.4), checked as strictly as the
// vendor's tables (and Meta's limits, §12.3/§12.6) allow. Throws Invalid (messageValidate.ts).
import { isPlainObject } from '../http';
import {
	type Invalid,
	fixed,
	httpUrl,
	maxLength,
	meta,
	missing,
	obj,
	optionalStr,
	str,
	wrong,
} from './messageValidate';

type Body = Record<string, unknown>;

export const SENDABLE_TYPES = [
	'text',
	'image',
	'video',
	'audio',
	'document',
	'location',
	'sticker',
	'template',
	'interactive',
	'reaction',
] as const;

const MEDIA = new Set(['image', 'video', 'audio', 'document', 'sticker']);
/** Meta takes a caption on these only; a caption on audio or a sticker is an unknown parameter. */
const CAPTIONED = new Set(['image', 'video', 'document']);

function text(body: Body): void {
	const object = obj(body, 'text');
	const content = str(object, 'body', 'text.body');
	if (content.trim() === '') throw missing('text.body');
	maxLength(content, 4096, 'text.body');
	if (object.preview_url !== undefined && typeof object.preview_url !== 'boolean') {
		throw wrong('text.preview_url', 'must be a boolean');
	}
}

/** `{link}` or `{id}`, exactly one (§12.2 "one of link/id"). */
export function mediaRef(object: Body, path: string): void {
	const link = optionalStr(object, 'link', `${path}.link`);
	const id = optionalStr(object, 'id', `${path}.id`);
	if (link === undefined && id === undefined) throw missing(`${path}.link or ${path}.id`);
	if (link !== undefined && id !== undefined) throw meta(100, `${path}: give link or id, not both`);
	if (link !== undefined) httpUrl(link, `${path}.link`);
}

function media(type: string, body: Body): void {
	const object = obj(body, type);
	mediaRef(object, type);
	const caption = optionalStr(object, 'caption', `${type}.caption`);
	if (caption !== undefined) {
		if (!CAPTIONED.has(type)) throw meta(100, `${type} takes no caption`);
		maxLength(caption, 1024, `${type}.caption`);
	}
	if (object.filename !== undefined) {
		if (type !== 'document') throw meta(100, `${type} takes no filename`);
		str(object, 'filename', 'document.filename');
	}
}

function coordinate(object: Body, key: string, bound: number): void {
	const value = object[key];
	if (value === undefined || value === null || value === '') throw missing(`location.${key}`);
	// The table says Double, the vendor's example sends a numeric string: both are accepted.
	const number = typeof value === 'string' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || Math.abs(number) > bound) {
		throw wrong(`location.${key}`, `${JSON.stringify(value)} is not a number within ±${bound}`);
	}
}

function location(body: Body): void {
	const object = obj(body, 'location');
	coordinate(object, 'latitude', 90);
	coordinate(object, 'longitude', 180);
	optionalStr(object, 'name', 'location.name');
	optionalStr(object, 'address', 'location.address');
}

function limitedText(object: Body, key: string, path: string, max: number): string {
	const value = str(object, key, path);
	maxLength(value, max, path, 131009);
	return value;
}

function uniqueIds(ids: string[], path: string): void {
	if (new Set(ids).size !== ids.length) throw meta(131009, `${path}: ids must be unique`);
}

function interactive(body: Body): void {
	const object = obj(body, 'interactive');
	const type = str(object, 'type', 'interactive.type');
	if (!['button', 'list', 'cta_url'].includes(type))
		throw wrong('interactive.type', `"${type}" is not button, list or cta_url`);
	if (object.header !== undefined) {
		const header = obj(object, 'header', 'interactive.header');
		const format = str(header, 'type', 'interactive.header.type');
		if (format === 'text') limitedText(header, 'text', 'interactive.header.text', 60);
		else if (type === 'list') throw meta(131009, 'a list header must be text');
		else if (['image', 'video', 'document'].includes(format))
			mediaRef(obj(header, format, `interactive.header.${format}`), `interactive.header.${format}`);
		else
			throw wrong('interactive.header.type', `"${format}" is not text, image, video or document`);
	}
	limitedText(obj(object, 'body', 'interactive.body'), 'text', 'interactive.body.text', 1024);
	if (object.footer !== undefined)
		limitedText(obj(object, 'footer', 'interactive.footer'), 'text', 'interactive.footer.text', 60);
	const action = obj(object, 'action', 'interactive.action');
	if (type === 'button') {
		const buttons = action.buttons;
		if (!Array.isArray(buttons) || buttons.length === 0)
			throw missing('interactive.action.buttons');
		if (buttons.length > 3)
			throw meta(131009, `interactive.action.buttons has ${buttons.length} entries, at most 3`);
		const ids = buttons.map((button, k) => {
			const path = `interactive.action.buttons[${k}]`;
			if (!isPlainObject(button)) throw wrong(path, 'must be an object');
			fixed(button, 'type', 'reply');
			const reply = obj(button, 'reply', `${path}.reply`);
			limitedText(reply, 'title', `${path}.reply.title`, 20);
			return limitedText(reply, 'id', `${path}.reply.id`, 256);
		});
		uniqueIds(ids, 'interactive.action.buttons');
	} else if (type === 'list') {
		limitedText(action, 'button', 'interactive.action.button', 20);
		const sections = action.sections;
		if (!Array.isArray(sections) || sections.length === 0)
			throw missing('interactive.action.sections');
		if (sections.length > 10)
			throw meta(131009, `interactive.action.sections has ${sections.length} entries, at most 10`);
		const ids: string[] = [];
		sections.forEach((section, s) => {
			const path = `interactive.action.sections[${s}]`;
			if (!isPlainObject(section)) throw wrong(path, 'must be an object');
			if (sections.length > 1 || section.title !== undefined)
				limitedText(section, 'title', `${path}.title`, 24);
			const rows = section.rows;
			if (!Array.isArray(rows) || rows.length === 0) throw missing(`${path}.rows`);
			rows.forEach((row, r) => {
				const at = `${path}.rows[${r}]`;
				if (!isPlainObject(row)) throw wrong(at, 'must be an object');
				ids.push(limitedText(row, 'id', `${at}.id`, 200));
				limitedText(row, 'title', `${at}.title`, 24);
				if (row.description !== undefined) limitedText(row, 'description', `${at}.description`, 72);
			});
		});
		if (ids.length > 10) throw meta(131009, `the list has ${ids.length} rows, at most 10`);
		uniqueIds(ids, 'interactive.action.sections rows');
	} else {
		fixed(action, 'name', 'cta_url');
		const parameters = obj(action, 'parameters', 'interactive.action.parameters');
		limitedText(parameters, 'display_text', 'interactive.action.parameters.display_text', 20);
		httpUrl(
			str(parameters, 'url', 'interactive.action.parameters.url'),
			'interactive.action.parameters.url',
		);
	}
}

function reaction(body: Body): void {
	const object = obj(body, 'reaction');
	// The vendor's reaction table marks all three required (§12.2 note).
	str(object, 'message_id', 'reaction.message_id');
	str(object, 'meta_message_id', 'reaction.meta_message_id');
	str(object, 'emoji', 'reaction.emoji');
	if (body.context !== undefined) throw meta(100, 'a reaction cannot carry context');
}

const PARAMETER_VALUE: Record<string, string> = {
	text: 'text',
	payload: 'payload',
	image: 'image',
	video: 'video',
	document: 'document',
};

/** template.components (§12.4): lower-case types, button sub_type + string index, typed parameters. */
function templateComponents(components: unknown): void {
	if (components === undefined) return;
	if (!Array.isArray(components)) throw wrong('template.components', 'must be an array');
	components.forEach((component, k) => {
		const path = `template.components[${k}]`;
		if (!isPlainObject(component)) throw wrong(path, 'must be an object');
		const type = str(component, 'type', `${path}.type`);
		if (!['header', 'body', 'button'].includes(type))
			throw wrong(`${path}.type`, `"${type}" is not header, body or button`);
		if (type === 'button') {
			const subType = str(component, 'sub_type', `${path}.sub_type`);
			if (subType !== 'url' && subType !== 'quick_reply')
				throw wrong(`${path}.sub_type`, `"${subType}" is not url or quick_reply`);
			const index = component.index;
			// The vendor sends the index as a string "0".."2".
			if (typeof index !== 'string' || !/^[0-2]$/.test(index))
				throw wrong(`${path}.index`, `${JSON.stringify(index)} is not "0", "1" or "2"`);
		}
		const parameters = component.parameters;
		if (parameters === undefined) return;
		if (!Array.isArray(parameters)) throw wrong(`${path}.parameters`, 'must be an array');
		parameters.forEach((parameter, p) => {
			const at = `${path}.parameters[${p}]`;
			if (!isPlainObject(parameter)) throw wrong(at, 'must be an object');
			const kind = str(parameter, 'type', `${at}.type`);
			const allowed =
				type === 'header'
					? ['text', 'image', 'video', 'document']
					: type === 'body'
						? ['text']
						: component.sub_type === 'url'
							? ['text']
							: ['payload'];
			if (!allowed.includes(kind))
				throw wrong(`${at}.type`, `"${kind}" is not allowed in a ${type} (${allowed.join(', ')})`);
			const key = PARAMETER_VALUE[kind];
			if (kind === 'text' || kind === 'payload') {
				if (typeof parameter[key] !== 'string') throw missing(`${at}.${key}`);
			} else {
				mediaRef(obj(parameter, key, `${at}.${key}`), `${at}.${key}`);
			}
		});
	});
}

function template(body: Body): void {
	const object = obj(body, 'template');
	str(object, 'name', 'template.name');
	const language = obj(object, 'language', 'template.language');
	str(language, 'code', 'template.language.code');
	const policy = str(language, 'policy', 'template.language.policy');
	if (policy !== 'deterministic')
		throw wrong('template.language.policy', `"${policy}" is not "deterministic"`);
	templateComponents(object.components);
}

/** Checks the object of `type`; throws Invalid. */
export function checkMessageObject(type: string, body: Body): void {
	if (type === 'text') return text(body);
	if (MEDIA.has(type)) return media(type, body);
	if (type === 'location') return location(body);
	if (type === 'interactive') return interactive(body);
	if (type === 'reaction') return reaction(body);
	if (type === 'template') return template(body);
	throw wrong('type', `"${type}" is not one of ${SENDABLE_TYPES.join(', ')}`) as Invalid;
}
