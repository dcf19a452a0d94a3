import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures');

/** The fixture's exact bytes, as NXCloud would send them. */
export function fixtureBytes(source: 'whatsapp' | 'callbot', name: string): Buffer {
	return readFileSync(join(FIXTURES, source, `${name}.json`));
}

export function fixture(source: 'whatsapp' | 'callbot', name: string): any {
	return JSON.parse(fixtureBytes(source, name).toString('utf8'));
}

/** Names (without .json) of every fixture of a source. */
export function fixtureNames(source: 'whatsapp' | 'callbot'): string[] {
	return readdirSync(join(FIXTURES, source))
		.filter((file) => file.endsWith('.json'))
		.map((file) => file.slice(0, -'.json'.length))
		.sort();
}
