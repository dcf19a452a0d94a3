import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { cacheDir } from '../e2e/paths';

/** Prints a part's figures (jest shows stdout of the test process) and keeps them as JSON. */
export function reportPart(part: string, lines: string[], data: Record<string, unknown>): void {
	process.stdout.write(`\n[reliability ${part}]\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
	const folder = join(cacheDir, 'reliability');
	mkdirSync(folder, { recursive: true });
	writeFileSync(
		join(folder, `${part}-latest.json`),
		`${JSON.stringify({ date: new Date().toISOString(), ...data }, null, 2)}\n`,
	);
}

/** Timing and memory figures: bench output (.cache/bench/<name>-latest.json), never assertions. */
export function benchOutput(name: string, lines: string[], data: Record<string, unknown>): void {
	process.stdout.write(`\n[bench ${name}]\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
	const folder = join(cacheDir, 'bench');
	mkdirSync(folder, { recursive: true });
	writeFileSync(
		join(folder, `${name}-latest.json`),
		`${JSON.stringify({ date: new Date().toISOString(), ...data }, null, 2)}\n`,
	);
}
