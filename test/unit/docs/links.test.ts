import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import { NxCloudApi } from '../../../credentials/NxCloudApi.credentials';
import { anchorsOf, githubSlug, isExternal, linksOf } from '../../support/docs/markdown';

const repo = resolve(__dirname, '../../..');
const read = (path: string) => readFileSync(path, 'utf8');

/** The documents users and contributors read on GitHub. */
const documents = [
	join(repo, 'README.md'),
	...readdirSync(join(repo, 'docs'))
		.filter((name) => name.endsWith('.md'))
		.map((name) => join(repo, 'docs', name)),
	join(repo, 'examples', 'README.md'),
	join(repo, 'bench', 'README.md'),
];

/** Why `target`, linked from `from`, does not resolve; null when it does. */
function brokenLink(from: string, target: string): string | null {
	const [path, anchor] = target.split('#', 2);
	const file = path === '' ? from : resolve(dirname(from), decodeURIComponent(path));
	if (!existsSync(file)) return `${relative(repo, file)} does not exist`;
	if (anchor === undefined) return null;
	if (statSync(file).isDirectory() || !file.endsWith('.md'))
		return `#${anchor} points into ${relative(repo, file)}, which has no headings`;
	return anchorsOf(read(file)).has(anchor)
		? null
		: `${relative(repo, file)} has no heading #${anchor}`;
}

describe('GitHub heading anchors', () => {
	it.each([
		['## Credentials', 'credentials'],
		['### 1.1 Hosts', '11-hosts'],
		[
			'## Throughput (bench/queue.bench.ts, `npm run bench:queue`)',
			'throughput-benchqueuebenchts-npm-run-benchqueue',
		],
		['## Signature and timestamp: the trade-off', 'signature-and-timestamp-the-trade-off'],
		[
			'## Quick start: your first WhatsApp event in 5 minutes',
			'quick-start-your-first-whatsapp-event-in-5-minutes',
		],
		['## 8. Error codes', '8-error-codes'],
		[
			'## 1. Open-platform request signing ("API接口调用约定")',
			'1-open-platform-request-signing-api接口调用约定',
		],
	])('%s → #%s', (heading, slug) => {
		expect(githubSlug(heading.replace(/^#+\s*/, ''))).toBe(slug);
	});

	it('numbers repeated headings as GitHub does', () => {
		expect([...anchorsOf('# A\n## Notes\n```\n## Notes\n```\n## Notes\n')]).toEqual([
			'a',
			'notes',
			'notes-1',
		]);
	});

	it('finds links outside code only', () => {
		const links = linksOf('[a](x.md#b) `[c](d.md)`\n```\n[e](f.md)\n```\n<img src="g.png">');
		expect(links.map((link) => link.target)).toEqual(['x.md#b', 'g.png']);
	});
});

describe('relative links in the docs', () => {
	it.each(documents.map((path) => [relative(repo, path), path]))('%s', (_name, path) => {
		const broken = linksOf(read(path))
			.filter((link) => !isExternal(link.target))
			.map((link) => ({ ...link, problem: brokenLink(path, link.target) }))
			.filter((link) => link.problem !== null)
			.map((link) => `line ${link.line}: ${link.target}: ${link.problem}`);
		expect(broken).toEqual([]);
	});
});

describe('documentation URLs of the nodes and the credential', () => {
	const pkg = JSON.parse(read(join(repo, 'package.json')));
	const home = String(pkg.repository.url)
		.replace(/^git\+/, '')
		.replace(/\.git$/, '');

	/** The repository file and anchor a URL into this repository's GitHub pages names. */
	function localTarget(url: string): string {
		if (url.startsWith(`${home}#`)) return `README.md#${url.slice(home.length + 1)}`;
		const blob = new RegExp(
			`^${home.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/blob/[^/]+/(.+)$`,
		).exec(url);
		if (blob) return blob[1];
		throw new Error(`${url} is not a link into ${home}`);
	}

	const codexFiles = readdirSync(join(repo, 'nodes'), { recursive: true })
		.map(String)
		.filter((name) => name.endsWith('.node.json'))
		.map((name) => join(repo, 'nodes', name));
	const urls: Array<[string, string]> = [
		['credential documentationUrl', new NxCloudApi().documentationUrl],
		...codexFiles.flatMap((file) => {
			const codex = JSON.parse(read(file));
			return Object.entries(codex.resources ?? {}).flatMap(([kind, entries]) =>
				(entries as Array<{ url: string }>).map((entry): [string, string] => [
					`${relative(repo, file)} ${kind}`,
					entry.url,
				]),
			);
		}),
	];

	it('covers both nodes and the credential', () => {
		expect(codexFiles).toHaveLength(2);
		expect(urls.length).toBeGreaterThanOrEqual(5);
	});

	it.each(urls)('%s: %s', (_where, url) => {
		expect(brokenLink(join(repo, 'README.md'), localTarget(url))).toBeNull();
	});
});
