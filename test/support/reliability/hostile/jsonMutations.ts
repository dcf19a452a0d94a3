// Structural mutations of a (unique) request body: wrong JSON types, unknown fields, deep
// nesting, huge strings. Every value that could end up as an event's identity carries the marker
// or a number no other request uses, so events of two requests never coincide.
import type { Random } from '../random';
import {
	type Json,
	type JsonObject,
	type Source,
	eventContainerPaths,
	getPath,
	isObject,
	setPath,
	valuePaths,
} from './bases';

export interface MutationContext {
	rng: Random;
	source: Source;
	marker: string;
	/** A number no other generated request uses. */
	uniqueNumber(): number;
}

type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

function typeOf(value: Json | undefined): JsonType {
	if (value === null || value === undefined) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value as JsonType;
}

/**
 * A value of the given type. An event object (`container`) is only ever replaced by a value that
 * holds the marker: the item the trigger emits for it must still say which request it came from.
 */
function valueOfType(type: JsonType, ctx: MutationContext, container: boolean): Json {
	switch (type) {
		case 'string':
			return ctx.rng.pick([
				`${ctx.marker}`,
				`x${ctx.marker}`,
				`  ${ctx.marker}  `,
				...(container ? [] : [`${ctx.uniqueNumber()}`]),
			]);
		case 'number':
			return ctx.rng.pick([
				ctx.uniqueNumber(),
				-ctx.uniqueNumber(),
				ctx.uniqueNumber() + 0.5,
				ctx.uniqueNumber() * 1e12,
			]);
		case 'boolean':
			return ctx.rng.chance(0.5);
		case 'null':
			return null;
		case 'array':
			return ctx.rng.pick<Json>([
				[ctx.marker],
				[[ctx.marker]],
				...(container ? [] : [[ctx.uniqueNumber(), { nonce: ctx.marker }]]),
			]);
		case 'object':
			return ctx.rng.pick<Json>([
				{ nonce: ctx.marker },
				{ value: ctx.marker, n: ctx.uniqueNumber() },
			]);
	}
}

/**
 * Replaces 1–4 values (leaves, objects or arrays, the root included) with a value of another JSON
 * type. Event objects are only replaced by values holding the marker (see valueOfType).
 */
export function wrongTypes(
	body: JsonObject,
	ctx: MutationContext,
	first?: string[],
): { body: Json; detail: string } {
	const containers = new Set(eventContainerPaths(ctx.source, body).map((p) => p.join('/')));
	let root: Json = body;
	const changed: string[] = [];
	// Values put in by an earlier replacement are not mutated again: the marker they hold must stay.
	const replaced: string[][] = [];
	const inside = (path: string[], outer: string[]) => outer.every((key, i) => path[i] === key);
	const count = ctx.rng.int(1, 4);
	for (let n = 0; n < count; n++) {
		const paths = valuePaths(root).filter((p) => !replaced.some((r) => inside(p, r)));
		if (paths.length === 0) break;
		const path = n === 0 && first ? first : ctx.rng.pick(paths);
		replaced.push(path);
		const current = getPath(root, path);
		const isContainer = containers.has(path.join('/'));
		const types = (['string', 'number', 'boolean', 'null', 'array', 'object'] as JsonType[]).filter(
			(t) =>
				t !== typeOf(current) &&
				!(isContainer && (t === 'boolean' || t === 'null' || t === 'number')),
		);
		const type = ctx.rng.pick(types);
		root = setPath(root, path, valueOfType(type, ctx, isContainer));
		changed.push(`${path.join('.') || '(root)'}:${typeOf(current)}→${type}`);
		// After the root itself was replaced there is nothing left to mutate.
		if (path.length === 0) break;
	}
	return { body: root, detail: changed.join(' ') };
}

/** Keys a careless parser or a template engine could trip on. */
const HOSTILE_KEYS = [
	'__proto__',
	'constructor',
	'prototype',
	'toString',
	'hasOwnProperty',
	'',
	' ',
	'字段',
	'😀',
	'$where',
	'{{ $json }}',
	'={{ $env }}',
	'a.b.c',
	'[0]',
	'\u0000',
	'k'.repeat(1000),
];

function hostileValue(ctx: MutationContext): Json {
	return ctx.rng.pick<Json>([
		ctx.marker,
		'={{ $env.N8N_ENCRYPTION_KEY }}',
		'{{ $execution.id }}',
		`<script>${ctx.marker}</script>`,
		ctx.uniqueNumber(),
		true,
		null,
		[],
		{},
		{ constructor: { prototype: { polluted: ctx.marker } } },
		'\u202e\u0000\uffff',
	]);
}

/** Adds 1–6 fields with hostile names and values to random objects of the body. */
export function unknownFields(
	body: JsonObject,
	ctx: MutationContext,
): { body: Json; detail: string } {
	const added: string[] = [];
	const count = ctx.rng.int(1, 6);
	for (let n = 0; n < count; n++) {
		const objects = valuePaths(body).filter((p) => isObject(getPath(body, p) as Json));
		const path = ctx.rng.pick(objects);
		const target = getPath(body, path) as JsonObject;
		const key = ctx.rng.chance(0.7) ? ctx.rng.pick(HOSTILE_KEYS) : `unknown_${ctx.rng.hex(6)}`;
		// defineProperty, so "__proto__" becomes a real key in the JSON text.
		Object.defineProperty(target, key, {
			value: hostileValue(ctx),
			enumerable: true,
			writable: true,
			configurable: true,
		});
		added.push(`${path.join('.') || '(root)'}[${JSON.stringify(key.slice(0, 20))}]`);
	}
	return { body, detail: added.join(' ') };
}

/** JSON text of `depth` nested objects or arrays around the marker. */
export function deeplyNested(depth: number, kind: 'object' | 'array', marker: string): string {
	const open = kind === 'object' ? '{"a":' : '[';
	const close = kind === 'object' ? '}' : ']';
	return `${open.repeat(depth)}"${marker}"${close.repeat(depth)}`;
}

/**
 * Inserts a raw JSON fragment as a new field of the first event object (or the root), so it is
 * inside the event the trigger emits. Returns the body's JSON text.
 */
export function withRawField(
	body: JsonObject,
	source: Source,
	field: string,
	rawJson: string,
	atRoot: boolean,
): string {
	const containers = eventContainerPaths(source, body);
	const path = atRoot ? [] : containers[containers.length > 1 ? 1 : 0];
	const placeholder = `__RAW_${field}__`;
	setPath(body, [...path, field], placeholder);
	return JSON.stringify(body).replace(JSON.stringify(placeholder), () => rawJson);
}
