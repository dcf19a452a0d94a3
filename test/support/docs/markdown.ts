/**
 * Just enough Markdown for the link checks: the anchors GitHub gives a file's headings, and the
 * relative links a file makes. Code blocks and inline code are skipped, as GitHub renders them
 * as text.
 */

/** GitHub's heading anchor (github-slugger): lower case, punctuation and symbols dropped, spaces to "-". */
export function githubSlug(headingText: string): string {
	const text = headingText
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
		.replace(/<[^>]+>/g, '') // inline HTML tags
		.replace(/`/g, '')
		.replace(/\*\*|__/g, '')
		.trim()
		.toLowerCase();
	return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(markdown: string): Array<{ text: string; line: number }> {
	const lines: Array<{ text: string; line: number }> = [];
	let fence: string | null = null;
	markdown.split('\n').forEach((text, index) => {
		const marker = /^\s*(```+|~~~+)/.exec(text);
		if (marker) {
			if (fence === null) fence = marker[1][0];
			else if (marker[1][0] === fence) fence = null;
			return;
		}
		if (fence === null) lines.push({ text, line: index + 1 });
	});
	return lines;
}

/** Every anchor a Markdown file offers: heading slugs (duplicates get -1, -2 …) and HTML ids/names. */
export function anchorsOf(markdown: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	for (const { text } of proseLines(markdown)) {
		const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
		if (heading) {
			const base = githubSlug(heading[1]);
			const count = seen.get(base) ?? 0;
			seen.set(base, count + 1);
			anchors.add(count === 0 ? base : `${base}-${count}`);
		}
		for (const match of text.matchAll(/<a\s+[^>]*(?:id|name)="([^"]+)"/g)) anchors.add(match[1]);
	}
	return anchors;
}

export interface Link {
	target: string;
	line: number;
}

/** Markdown links and images, and HTML href/src, outside code; absolute URLs included. */
export function linksOf(markdown: string): Link[] {
	const links: Link[] = [];
	for (const { text, line } of proseLines(markdown)) {
		const prose = text.replace(/`[^`]*`/g, '');
		for (const match of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
			links.push({ target: match[1], line });
		for (const match of prose.matchAll(/\b(?:href|src)="([^"]+)"/g))
			links.push({ target: match[1], line });
	}
	return links;
}

export const isExternal = (target: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(target);
