import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(__dirname, '../../..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');

describe('README.md', () => {
	it('stays at most 15 KB: reference material belongs in docs/', () => {
		expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(15 * 1024);
	});

	it('starts with the two commands a newcomer types, pointing at Development', () => {
		const top = readme.slice(0, readme.indexOf('\n## '));
		expect(top).toContain('npm run dev');
		expect(top).toContain('npm test');
		expect(top).toContain('](#development)');
		expect(readme).toMatch(/^## Development$/m);
	});

	it('has every generated block filled (npm run readme)', () => {
		const blocks = [
			...readme.matchAll(/<!-- generated:([a-z-]+)[^>]*-->\n([\s\S]*?)<!-- \/generated:\1 -->/g),
		];
		expect(blocks.map((block) => block[1])).toEqual([
			'nodes',
			'credentials',
			'operations',
			'trigger-outputs',
			'troubleshooting',
		]);
		for (const block of blocks) expect(block[2].trim()).toMatch(/^\|/);
	});
});
