import type { N8nClient } from '../e2e/n8nClient';
import type { ReliabilityAccount } from '../e2e/account';
import {
	type StandInWithCredential,
	standInWithCredential as withCredential,
} from '../e2e/standInCredential';
import type { StandIn, StandInOptions } from '../standin';

export const BOUND_PHONE = { business_phone: '8613300000000', appkey: 'relapp01' };

/** The suite signs with MD5 on both products (the vendor default). */
export const MD5 = { openApiAlgorithm: 'md5', callbotAlgorithm: 'MD5' };

/** The e2e harness's stand-in and credential, with the reliability suite's bound phone and MD5 signing. */
export async function standInWithCredential(
	n8n: N8nClient,
	account: ReliabilityAccount,
	label: string,
	options: Partial<StandInOptions> = {},
): Promise<StandInWithCredential> {
	return await withCredential(n8n, {
		account,
		label: `reliability ${label}`,
		standIn: { boundPhones: [BOUND_PHONE], ...options },
		credential: MD5,
	});
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
