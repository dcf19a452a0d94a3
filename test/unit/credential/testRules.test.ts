import type { ICredentialTestRequest } from 'n8n-workflow';

import { NxCloudApi } from '../../../credentials/NxCloudApi.credentials';
import { CALLBOT_HINTS } from '../../../nodes/NxCloud/transport/errorCatalog';

const rules = (new NxCloudApi().test as ICredentialTestRequest).rules!;

/** The first rule that refuses this answer body, the way n8n's credential test reads responseSuccessBody rules. */
function refusal(body: Record<string, unknown>): string | undefined {
	for (const rule of rules) {
		if (rule.type !== 'responseSuccessBody') continue;
		const { key, value, message } = rule.properties;
		if (body[key] === value) return message;
	}
	return undefined;
}

describe('credential test rules', () => {
	it('refuse a Callbot ping answered in its own envelope with code 6 (not only retCode)', () => {
		expect(
			refusal({
				data: 'n8n credential test',
				timestamp: 1700000000,
				code: 6,
				msg: 'Signature incorrect',
				reqId: 'r',
			}),
		).toBe(`Callbot part refused (code 6): ${CALLBOT_HINTS[6]}`);
		expect(
			refusal({
				data: null,
				timestamp: 1700000000,
				code: 6002,
				msg: 'Account does not exist',
				reqId: 'r',
			}),
		).toMatch(/Callbot UUID/);
	});

	it('still refuse a retCode envelope, and pass a ping that answered code 0', () => {
		expect(refusal({ retCode: 6001, retMsg: 'Signature missing', responseID: 'x' })).toMatch(
			/^Callbot part refused \(retCode 6001\)/,
		);
		expect(
			refusal({
				data: 'n8n credential test',
				timestamp: 1700000000,
				code: 0,
				msg: 'success',
				reqId: 'r',
			}),
		).toBeUndefined();
	});
});
