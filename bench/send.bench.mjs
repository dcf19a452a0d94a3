// Benchmark of WhatsApp Message → Send (not a test: it measures and prints).
//   npm run bench:send        (= npm run build && node bench/send.bench.mjs; Node 24 on PATH)
// Knobs: BENCH_MESSAGES (10000), BENCH_REPEATS (2).
// Compiles bench/sendRunner.ts + sendScenario.ts with tsc into .cache/bench/send-build, then runs
// the runner, which starts the stand-in NXCloud and runs each measurement in a fresh child
// process (so each one's peak RSS is its own). See bench/README.md.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'bench', 'send.tsconfig.json')], {
	stdio: 'inherit',
	cwd: root,
});
execFileSync(
	process.execPath,
	[join(root, '.cache', 'bench', 'send-build', 'bench', 'sendRunner.js')],
	{ stdio: 'inherit', cwd: root },
);
