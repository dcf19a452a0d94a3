/**
 * A small seeded pseudo-random generator (sfc32), so a generated request sequence can be replayed
 * exactly: the same seed gives the same cases, in the same order, with the same bytes.
 * Not for anything secret: the secrets of the tests come from node:crypto.
 */
export class Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor(readonly seed: number) {
		this.a = 0x9e3779b9;
		this.b = 0x243f6a88;
		this.c = 0xb7e15162;
		this.d = seed >>> 0;
		// Warm up, so nearby seeds give unrelated sequences.
		for (let i = 0; i < 15; i++) this.next();
	}

	/** A float in [0, 1). */
	next(): number {
		this.a >>>= 0;
		this.b >>>= 0;
		this.c >>>= 0;
		this.d >>>= 0;
		let t = (this.a + this.b) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.d = (this.d + 1) | 0;
		t = (t + this.d) | 0;
		this.c = (this.c + t) | 0;
		return (t >>> 0) / 4294967296;
	}

	/** An integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(values: readonly T[]): T {
		if (values.length === 0) throw new Error('Random.pick: empty list');
		return values[this.int(0, values.length - 1)];
	}

	/** Picks a key by weight. */
	weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
		const entries = Object.entries(weights) as Array<[K, number]>;
		const total = entries.reduce((sum, [, w]) => sum + w, 0);
		let roll = this.next() * total;
		for (const [key, weight] of entries) {
			roll -= weight;
			if (roll < 0) return key;
		}
		return entries[entries.length - 1][0];
	}

	bytes(length: number): Buffer {
		const buffer = Buffer.allocUnsafe(length);
		for (let i = 0; i < length; i++) buffer[i] = Math.floor(this.next() * 256);
		return buffer;
	}

	/** Lowercase hex of `length` characters. */
	hex(length: number): string {
		let out = '';
		for (let i = 0; i < length; i++) out += '0123456789abcdef'[this.int(0, 15)];
		return out;
	}

	/** Fisher–Yates, in place; returns the array. */
	shuffle<T>(values: T[]): T[] {
		for (let i = values.length - 1; i > 0; i--) {
			const j = this.int(0, i);
			[values[i], values[j]] = [values[j], values[i]];
		}
		return values;
	}
}

/**
 * The seed of this run: RELIABILITY_SEED when given (to replay a failure), else a fresh one.
 * Every part prints the seed it used.
 */
export function runSeed(part: string): number {
	const given = process.env.RELIABILITY_SEED;
	if (given !== undefined && given !== '') {
		const seed = Number(given);
		if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
			throw new Error(
				`RELIABILITY_SEED must be a whole number from 0 to 4294967295; got "${given}"`,
			);
		}
		return seed;
	}
	// Different parts get different seeds in one run; each prints its own.
	return (Date.now() ^ (part.length * 0x9e3779b9) ^ Math.floor(Math.random() * 0xffffffff)) >>> 0;
}
