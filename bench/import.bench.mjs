// Benchmark of Callbot "Import as New Batch" (not a test: it measures and prints).
//   npm run build && node bench/import.bench.mjs          (Node 24 on PATH)
// Knobs: BENCH_ROWS (100000), BENCH_REPEATS (3).
// Compiles bench/importRunner.ts + importScenario.ts (and what they import) with tsc into
// .cache/bench/import-build, then runs the runner, which starts the stand-in NXCloud and runs
// every measurement in a fresh child process so each one's peak RSS is its own. See README.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'bench', 'import.tsconfig.json')], {
	stdio: 'inherit',
	cwd: root,
});
execFileSync(
	process.execPath,
	['--expose-gc', join(root, '.cache', 'bench', 'import-build', 'bench', 'importRunner.js')],
	{
		stdio: 'inherit',
		cwd: root,
	},
);
