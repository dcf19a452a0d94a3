import type { ReliabilityAccount } from '../../e2e/account';
import { Random } from '../random';
import { type Source, fieldSites } from './bases';
import {
	CALLBOT_CATEGORIES,
	CATEGORIES,
	type CaseContext,
	type CaseDraft,
	type HostileCase,
	JSON_LITERALS,
	deepNesting,
	gzipBomb,
	hugeString,
	jsonLiteral,
} from './cases';

export interface HostileOptions {
	seed: number;
	/** Requests per source, heavy ones included. */
	perSource: number;
	account: ReliabilityAccount;
	strictMaxAgeSeconds: number;
	/** MiB a gzip bomb inflates to: above n8n's body limit. */
	gzipBombMiB: number;
}

/** The heavy cases, a fixed number per source (they cost the most to send and to store). */
const HEAVY: Array<
	[category: string, count: number, make: (ctx: CaseContext, options: HostileOptions) => CaseDraft]
> = [
	['deepNesting', 4, (ctx) => deepNesting(ctx, true)],
	['deepNesting', 1, (ctx) => deepNesting(ctx, false)],
	['hugeString', 3, (ctx) => hugeString(ctx, true)],
	['hugeString', 1, (ctx) => hugeString(ctx, false)],
	['gzipBomb', 1, (ctx, options) => gzipBomb(ctx, options.gzipBombMiB)],
];

/**
 * Every hostile request of a run, for both sources, in sending order (shuffled, so the kinds
 * interleave). The same options give the same requests: a failure names its case index, and
 * RELIABILITY_SEED replays the run.
 */
export function generateHostileCases(options: HostileOptions): HostileCase[] {
	const rng = new Random(options.seed);
	let uniqueCounter = 7_000_000;
	const seedTag = options.seed.toString(36);
	const drafts: Array<Omit<HostileCase, 'index'>> = [];
	for (const source of ['whatsapp', 'callbot'] as Source[]) {
		let sequence = 0;
		const fields = [...fieldSites(source).keys()];
		let fieldTurn = 0;
		const context = (): CaseContext => ({
			nextField: () => fields[fieldTurn++ % fields.length],
			rng,
			source,
			account: options.account,
			strictMaxAgeSeconds: options.strictMaxAgeSeconds,
			marker: `RM-${seedTag}-${source[0]}${sequence++}-Z`,
			uniqueNumber: () => uniqueCounter++,
		});
		const add = (
			category: string,
			ctx: CaseContext,
			draft: CaseDraft,
			marker: string | null = ctx.marker,
		) => drafts.push({ ...draft, target: draft.target ?? 'default', source, category, marker });

		let made = 0;
		for (const [category, count, make] of HEAVY) {
			for (let i = 0; i < count; i++, made++) {
				const ctx = context();
				add(category, ctx, make(ctx, options));
			}
		}
		for (const literal of JSON_LITERALS) {
			const ctx = context();
			add('jsonLiteral', ctx, jsonLiteral(ctx, literal), null);
			made++;
		}
		const categories = source === 'callbot' ? { ...CATEGORIES, ...CALLBOT_CATEGORIES } : CATEGORIES;
		const weights = Object.fromEntries(
			Object.entries(categories).map(([name, c]) => [name, c.weight]),
		) as Record<string, number>;
		for (; made < options.perSource; made++) {
			const name = rng.weighted(weights);
			const ctx = context();
			add(
				name,
				ctx,
				(categories as Record<string, { make: (c: CaseContext) => CaseDraft }>)[name].make(ctx),
			);
		}
	}
	return rng.shuffle(drafts).map((draft, index) => ({ ...draft, index }));
}
