// Runs a TypeScript file of this repo without a build step: `node scripts/ts-run.cjs <file.ts> [args]`.
// Each .ts file is transpiled on load (TypeScript's transpileModule, CommonJS, no type check; the
// typecheck script does that). Used by `npm run dev:queue`, which shares the tests' topology code.
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
	const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
		fileName: filename,
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2022,
			esModuleInterop: true,
			sourceMap: false,
		},
	});
	module._compile(outputText, filename);
};

const [file, ...args] = process.argv.slice(2);
if (!file) {
	process.stderr.write('usage: node scripts/ts-run.cjs <file.ts> [args]\n');
	process.exit(2);
}
process.argv = [process.argv[0], resolve(file), ...args];
require(resolve(file));
