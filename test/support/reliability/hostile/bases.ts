// Realistic starting points for generated requests: every fixture of the trigger (the vendor's
// examples), made unique per request so that redelivery detection can never be the reason a
// validly signed request starts no execution.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type Source = 'whatsapp' | 'callbot';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures');

export interface BaseTemplate {
	name: string;
	body: JsonObject;
}

let cache: Record<Source, BaseTemplate[]> | undefined;

/** The fixture bodies of one source (test/fixtures/<source>/*.json, not the invalid/ ones). */
export function baseTemplates(source: Source): BaseTemplate[] {
	cache ??= { whatsapp: load('whatsapp'), callbot: load('callbot') };
	return cache[source];
}

function load(source: Source): BaseTemplate[] {
	const folder = join(FIXTURES, source);
	return readdirSync(folder)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => ({
			name: name.replace(/\.json$/, ''),
			body: JSON.parse(readFileSync(join(folder, name), 'utf8')) as JsonObject,
		}));
}

export const isObject = (value: Json | undefined): value is JsonObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Paths of the objects that become one event each (and so carry its identity): the WhatsApp
 * statuses/messages/calls entries and a management push's `value`; the whole Callbot callback.
 * The generator replaces these only with values that hold the marker, so two requests'
 * events never coincide and each emitted item names its request; the root is one of them too.
 */
export function eventContainerPaths(source: Source, body: Json): string[][] {
	const paths: string[][] = [[]];
	if (source === 'callbot' || !isObject(body)) return paths;
	for (const list of ['statuses', 'messages', 'calls']) {
		const entries = body[list];
		if (Array.isArray(entries)) entries.forEach((_, i) => paths.push([list, String(i)]));
	}
	if (isObject(body.value)) paths.push(['value']);
	return paths;
}

/**
 * A deep copy of a fixture in which every id a redelivery key is built from contains the marker,
 * and every event object carries a `nonce` with it, so no two generated requests share an event.
 */
export function uniqueBody(source: Source, template: BaseTemplate, marker: string): JsonObject {
	const body = JSON.parse(JSON.stringify(template.body)) as JsonObject;
	body.nonce = marker;
	if (source === 'callbot') {
		body.orderID = `ord-${marker}`;
		body.taskID = `task-${marker}`;
		body.userTaskID = `utask-${marker}`;
		if (isObject(body.callInfoDetail)) body.callInfoDetail.callID = `call-${marker}`;
		return body;
	}
	const tag: Record<string, string> = { statuses: 's', messages: 'm', calls: 'c' };
	for (const list of ['statuses', 'messages', 'calls']) {
		const entries = body[list];
		if (!Array.isArray(entries)) continue;
		entries.forEach((entry, i) => {
			if (!isObject(entry)) return;
			entry.nonce = `${marker}.${tag[list]}${i}`;
			if (list === 'calls') entry.call_id = `call.${marker}.${i}`;
			else entry.id = `wamid.${marker}.${tag[list]}${i}`;
		});
	}
	if (isObject(body.value)) {
		body.value.nonce = `${marker}.v`;
		if ('message_template_id' in body.value) body.value.message_template_id = `tpl.${marker}`;
	}
	return body;
}

/** Paths of every value in the body (objects and arrays too), except the `nonce` fields. */
export function valuePaths(value: Json, prefix: string[] = [], out: string[][] = []): string[][] {
	out.push(prefix);
	if (Array.isArray(value))
		value.forEach((child, i) => valuePaths(child, [...prefix, String(i)], out));
	else if (isObject(value)) {
		for (const [key, child] of Object.entries(value)) {
			if (key !== 'nonce') valuePaths(child, [...prefix, key], out);
		}
	}
	return out;
}

export function getPath(root: Json, path: string[]): Json | undefined {
	let current: Json | undefined = root;
	for (const key of path) {
		if (Array.isArray(current)) current = current[Number(key)];
		else if (isObject(current)) current = current[key];
		else return undefined;
	}
	return current;
}

/** Sets a value at a path (the root path returns the new value as the new root). */
export function setPath(root: Json, path: string[], value: Json): Json {
	if (path.length === 0) return value;
	const parent = getPath(root, path.slice(0, -1));
	const key = path[path.length - 1];
	if (Array.isArray(parent)) parent[Number(key)] = value;
	else if (isObject(parent)) parent[key] = value;
	return root;
}

/** A value path with array positions written `*`: the field, whichever element it is in. */
export function fieldName(path: string[]): string {
	return path.map((key) => (/^\d+$/.test(key) ? '*' : key)).join('.');
}

export interface FieldSite {
	template: BaseTemplate;
	path: string[];
}

const fieldCache = new Map<Source, Map<string, FieldSite[]>>();

/**
 * Every field of every fixture of a source (by fieldName, the root as ""), with where it occurs,
 * so "a wrong JSON type in every field" can be walked field by field.
 */
export function fieldSites(source: Source): Map<string, FieldSite[]> {
	let sites = fieldCache.get(source);
	if (!sites) {
		sites = new Map();
		for (const template of baseTemplates(source)) {
			for (const path of valuePaths(template.body)) {
				const name = fieldName(path);
				const list = sites.get(name) ?? [];
				list.push({ template, path });
				sites.set(name, list);
			}
		}
		sites = new Map([...sites.entries()].sort(([a], [b]) => a.localeCompare(b)));
		fieldCache.set(source, sites);
	}
	return sites;
}
