import type { N8nClient } from '../e2e/n8nClient';
import { type StandIn, startStandIn } from '../standin';
import { type ReliabilityAccount, credentialData } from '../e2e/account';

export const BOUND_PHONE = { business_phone: '8613300000000', appkey: 'relapp01' };

/** The stand-in NXCloud for this account, and an n8n credential pointing both products at it. */
export async function standInWithCredential(
	n8n: N8nClient,
	account: ReliabilityAccount,
	label: string,
	options: Partial<Parameters<typeof startStandIn>[0]> = {},
): Promise<{ standIn: StandIn; credentialId: string }> {
	const standIn = await startStandIn({ ...account, boundPhones: [BOUND_PHONE], ...options });
	const credentialId = await n8n.createCredential({
		name: `NXCloud reliability ${label} ${Date.now()}`,
		type: 'nxCloudApi',
		data: credentialData(account, {
			openApiAlgorithm: 'md5',
			callbotAlgorithm: 'MD5',
			openApiBaseUrl: standIn.url,
			callbotBaseUrl: standIn.url,
		}),
	});
	return { standIn, credentialId };
}

/** A Callbot task in the stand-in, ready for imports. */
export function seedTask(standIn: StandIn, userTaskID: string): void {
	standIn.state.callbot.model.createTask({
		userTaskID,
		sceneID: 'S1',
		taskName: `reliability ${userTaskID}`,
		other: '',
		taskCreateSetting: {},
		funcFlag: {},
		taskCallbackUrl: '',
		orderCallbackUrl: '',
	});
}
