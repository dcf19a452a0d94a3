// Labels of the number fields shared by Import as New Batch, Add Numbers to Task and Create and
// Call (issue 12, point 3): the passthrough text says where it goes, the data mode is worded like
// n8n's own mapping modes, and the stored names and values stay as saved workflows have them.
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { NUMBER_FIELDS } from '../../../../nodes/NxCloud/actions/callbotCallList/numberFields';

const byName = (name: string) => NUMBER_FIELDS.filter((p) => p.name === name);

describe('number field labels', () => {
	it('"other" is named for what it does: passed through to the callbacks', () => {
		const [mapped] = byName('other');
		expect(mapped.displayName).toBe('Passthrough to Callbacks');
		expect(mapped.description).toMatch(/returns unchanged in its order and call callbacks/);
		const named = (byName('inputFieldNames')[0].options as INodeProperties[]).find(
			(o) => o.name === 'other',
		);
		expect(named?.displayName).toBe('Passthrough to Callbacks Field');
		expect(named?.default).toBe('other');
	});

	it("the data mode uses n8n's mapping wording and keeps the stored values", () => {
		const [mode] = byName('inputMode');
		expect(mode.displayName).toBe('Data Mode');
		expect((mode.options as INodePropertyOptions[]).map((o) => [o.name, o.value]).sort()).toEqual([
			['Auto-Map Input Data to Fields', 'inputFields'],
			['Map Each Field Manually', 'mapEachField'],
		]);
		expect(mode.default).toBe('mapEachField');
	});

	it('no field is labelled just "Other"', () => {
		const labels = NUMBER_FIELDS.flatMap((p) => [
			p.displayName,
			...((p.options ?? []) as INodeProperties[]).map((o) => o.displayName),
		]);
		expect(labels).not.toContain('Other');
		expect(labels).not.toContain('Other Field');
	});
});
