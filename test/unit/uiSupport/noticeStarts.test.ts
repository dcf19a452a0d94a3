import type { INodeProperties } from 'n8n-workflow';

import { NxCloud } from '../../../nodes/NxCloud/NxCloud.node';
import { NxCloudTrigger } from '../../../nodes/NxCloud/NxCloudTrigger.node';

/**
 * The browser walks find a notice on screen by its first 60 characters (test/support/ui/panel.ts),
 * and a user tells two warnings apart by how they start: two notices of one node that begin with
 * the same 60 characters would be matched as one, as happened to Enable's and Update Settings'
 * caution notices. Collections (options, fixedCollection values) are searched too.
 */
const NOTICE_START = 60;

function notices(properties: INodeProperties[]): string[] {
	return properties.flatMap((p) => {
		const own = p.type === 'notice' ? [p.displayName] : [];
		const nested = (
			(p.options ?? []) as Array<Partial<INodeProperties> & { values?: INodeProperties[] }>
		).flatMap((o) => [
			...('type' in o && o.type ? notices([o as INodeProperties]) : []),
			...(Array.isArray(o.values) ? notices(o.values) : []),
		]);
		return [...own, ...nested];
	});
}

describe.each([
	['NXCloud', new NxCloud().description.properties],
	['NXCloud Trigger', new NxCloudTrigger().description.properties],
])('the %s node', (_name, properties) => {
	const texts = [...new Set(notices(properties))];

	it('has notices to check', () => {
		expect(texts.length).toBeGreaterThan(2);
	});

	it(`starts every notice differently within its first ${NOTICE_START} characters`, () => {
		const byStart = new Map<string, string[]>();
		for (const text of texts) {
			const start = text.slice(0, NOTICE_START);
			byStart.set(start, [...(byStart.get(start) ?? []), text]);
		}
		const clashes = [...byStart.values()].filter((group) => group.length > 1);
		expect(clashes).toEqual([]);
	});
});
