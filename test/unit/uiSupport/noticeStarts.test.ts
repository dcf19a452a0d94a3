import type { INodeProperties } from 'n8n-workflow';

import { NxCloud } from '../../../nodes/NxCloud/NxCloud.node';
import { NxCloudTrigger } from '../../../nodes/NxCloud/NxCloudTrigger.node';
import { noticeStart } from '../../support/ui/nodeDescription';

/**
 * The browser walks find a notice on screen by how it starts (noticeStart, its first 60
 * characters), and a user tells two warnings apart the same way: two notices of one node that
 * start alike would be matched as one, as happened to Enable's and Update Settings' caution
 * notices. Collections (options, fixedCollection values) are searched too.
 */
function notices(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((p) => {
		const own = p.type === 'notice' ? [p] : [];
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
	// One entry per text: the same notice may stand under several operations.
	const byText = new Map(notices(properties).map((notice) => [notice.displayName, notice]));

	it('has notices to check', () => {
		expect(byText.size).toBeGreaterThan(2);
	});

	it('starts every notice differently, as far as the browser walks read them', () => {
		const byStart = new Map<string, string[]>();
		for (const [text, notice] of byText) {
			const start = noticeStart(notice);
			byStart.set(start, [...(byStart.get(start) ?? []), text]);
		}
		const clashes = [...byStart.values()].filter((group) => group.length > 1);
		expect(clashes).toEqual([]);
	});
});
