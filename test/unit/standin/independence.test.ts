// The stand-in must not share code with what it tests: if it imported the nodes' signing, a bug
// there would sign and verify consistently and every e2e test would still pass.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../support/standin');

function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
	});
}

it('no stand-in file imports from nodes/ or credentials/', () => {
	const files = sources(root);
	expect(files.length).toBeGreaterThan(10);
	for (const file of files) {
		const imports = [
			...readFileSync(file, 'utf8').matchAll(/(?:from|import|require)\s*\(?\s*['"]([^'"]+)['"]/g),
		].map((m) => m[1]);
		for (const spec of imports) {
			expect({
				file,
				spec,
				ok: !/(^|\/)(nodes|credentials)(\/|$)/.test(spec) && !spec.startsWith('n8n-'),
			}).toEqual({ file, spec, ok: true });
		}
	}
});
