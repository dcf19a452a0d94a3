// WhatsApp message templates per business phone, as getTemplate (§16) lists them. Tests seed them
// (state.templates.add); getTemplate pages through them with opaque `after`/`before` cursors.

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

export type TemplateSeed = Partial<StoredTemplate> & Pick<StoredTemplate, 'name' | 'components'>;

export interface TemplatePage {
	data: StoredTemplate[];
	paging: { cursors: { before: string; after: string }; next?: string; previous?: string };
}

const clone = <T>(value: T): T => structuredClone(value);
const cursorOf = (offset: number): string => Buffer.from(`offset:${offset}`).toString('base64url');

/** The offset a cursor stands for, or undefined when it is not one of ours. */
function offsetOf(cursor: string): number | undefined {
	const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
	return match ? Number(match[1]) : undefined;
}

export class TemplateStore {
	private readonly byPhone = new Map<string, StoredTemplate[]>();
	private nextId = 1512500000001;

	/** Adds (or replaces, same name and language) a template of a business phone. */
	add(businessPhone: string, seed: TemplateSeed): StoredTemplate {
		const template: StoredTemplate = {
			id: seed.id ?? String(this.nextId++),
			name: seed.name,
			language: seed.language ?? 'en_US',
			category: seed.category ?? 'UTILITY',
			status: seed.status ?? 'APPROVED',
			rejected_reason: seed.rejected_reason ?? 'NONE',
			quality_score: seed.quality_score ?? { score: 'GREEN' },
			components: clone(seed.components),
		};
		const list = this.byPhone.get(businessPhone) ?? [];
		const at = list.findIndex((t) => t.name === template.name && t.language === template.language);
		if (at >= 0) list[at] = template;
		else list.push(template);
		this.byPhone.set(businessPhone, list);
		return clone(template);
	}

	find(businessPhone: string, name: string, language: string): StoredTemplate | undefined {
		const template = this.byPhone.get(businessPhone)?.find((t) => t.name === name && t.language === language);
		return template && clone(template);
	}

	all(businessPhone: string): StoredTemplate[] {
		return clone(this.byPhone.get(businessPhone) ?? []);
	}

	/**
	 * One page: `after` continues past a page, `before` goes back from one. A cursor we did not
	 * issue is `undefined` here (the caller refuses it). `next`/`previous` are Graph-style URLs
	 * present only when such a page exists, as in the vendor's example.
	 */
	page(
		businessPhone: string,
		query: { name?: string; limit: number; after?: string; before?: string },
	): TemplatePage | undefined {
		const list = (this.byPhone.get(businessPhone) ?? []).filter((t) => query.name === undefined || t.name === query.name);
		let start = 0;
		if (query.after !== undefined) {
			const offset = offsetOf(query.after);
			if (offset === undefined) return undefined;
			start = offset;
		} else if (query.before !== undefined) {
			const offset = offsetOf(query.before);
			if (offset === undefined) return undefined;
			start = Math.max(0, offset - query.limit);
		}
		const rows = list.slice(start, start + query.limit);
		const end = start + rows.length;
		const graph = 'https://graph.facebook.com/v15.0/standin-waba/message_templates?limit=' + query.limit;
		const page: TemplatePage = {
			data: clone(rows),
			paging: { cursors: { before: cursorOf(start), after: cursorOf(end) } },
		};
		if (end < list.length) page.paging.next = `${graph}&after=${cursorOf(end)}`;
		if (start > 0) page.paging.previous = `${graph}&before=${cursorOf(start)}`;
		return page;
	}

	clear(): void {
		this.byPhone.clear();
	}
}
