// Send Template's editor lists before a Business Phone is chosen: n8n loads the template list as
// soon as the operation opens, so an empty phone gives empty lists (no request, no error); a
// phone that is given but wrong is still refused, naming the field.
import type { ILoadOptionsFunctions, INode } from 'n8n-workflow';

import {
	getMessageTemplateLanguages,
	getMessageTemplateNames,
} from '../../../nodes/NxCloud/actions/whatsAppMessage/methods';

function editor(parameters: Record<string, unknown>): {
	ctx: ILoadOptionsFunctions;
	requests: unknown[];
} {
	const requests: unknown[] = [];
	const ctx = {
		getNode: () =>
			({
				name: 'NXCloud',
				type: 'n8n-nodes-nxcloud.nxCloud',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			}) as unknown as INode,
		getCurrentNodeParameter: (name: string) => parameters[name],
		getCredentials: async () => ({ appKey: 'pem28kje' }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: unknown) => {
				requests.push(options);
				throw new Error('no request expected');
			},
		},
	} as unknown as ILoadOptionsFunctions;
	return { ctx, requests };
}

describe('Send Template lists before a Business Phone is chosen', () => {
	it.each([
		['the picker at its default', { mode: 'list', value: '' }],
		['a plain empty value', ''],
		['nothing', undefined],
	])(
		'template names and languages are empty, without a request, for %s',
		async (_case, businessPhone) => {
			const { ctx, requests } = editor({ businessPhone, appKey: '', templateName: 'order_update' });
			await expect(getMessageTemplateNames.call(ctx)).resolves.toEqual([]);
			await expect(getMessageTemplateLanguages.call(ctx)).resolves.toEqual([]);
			expect(requests).toEqual([]);
		},
	);

	it('a Business Phone that is given but not a phone number is refused, naming the field', async () => {
		const { ctx, requests } = editor({ businessPhone: { mode: 'id', value: '12ab' }, appKey: '' });
		await expect(getMessageTemplateNames.call(ctx)).rejects.toThrow(/Business Phone/);
		expect(requests).toEqual([]);
	});
});
