// What n8n installs is dist/ built from nodes/ and credentials/, with no dependencies of its own:
// that code may import only n8n-workflow (provided by n8n), node:crypto and its own files. n8n-core
// is a dev dependency for the in-process tests and must never leak into it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
// Node's crypto under either of its names.
const ALLOWED = new Set(['n8n-workflow', 'node:crypto', 'crypto']);

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
	});
}

it('nodes/ and credentials/ import only n8n-workflow, node:crypto and their own files', () => {
	const files = [...sources(join(root, 'nodes')), ...sources(join(root, 'credentials'))];
	expect(files.length).toBeGreaterThan(20);
	const outside: string[] = [];
	for (const file of files) {
		const text = readFileSync(file, 'utf8');
		// `… from 'x'` (import and export), `import 'x'`, `import('x')`, `require('x')`.
		// Only at the start of a statement, so a word "from" inside a string is not taken for one.
		const specs = text.matchAll(
			/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/gm,
		);
		for (const match of specs) {
			const spec = match[1] ?? match[2] ?? match[3];
			if (!spec.startsWith('.') && !ALLOWED.has(spec))
				outside.push(`${file.slice(root.length + 1)}: ${spec}`);
		}
	}
	expect(outside).toEqual([]);
});

it('n8n-core is a dev dependency only, and the package has no runtime dependencies', () => {
	const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<
		string,
		Record<string, string> | undefined
	>;
	expect(pkg.dependencies).toBeUndefined();
	expect(pkg.devDependencies?.['n8n-core']).toMatch(/^\d+\.\d+\.\d+$/);
	expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
});
