// The one way tests get an NXCloud to talk to: a strict stand-in for the account, and an n8n
// credential pointing both products at it.
import { type StandIn, type StandInOptions, startStandIn } from '../standin';
import { type NxCloudAccount, credentialData, newAccount } from './account';
import { type N8nClient, uniqueName } from './n8nClient';

export interface StandInWithCredential {
	standIn: StandIn;
	account: NxCloudAccount;
	credentialId: string;
	/** The credential's data, for variants (credentialWith). */
	data: Record<string, string>;
}

/** An `nxCloudApi` credential in n8n for `data`; its name says which test made it. */
export async function createNxCloudCredential(
	n8n: N8nClient,
	data: Record<string, unknown>,
	label: string,
): Promise<string> {
	return await n8n.createCredential({
		name: uniqueName(`NXCloud ${label}`),
		type: 'nxCloudApi',
		data,
	});
}

/** Starts a stand-in for `account` (a fresh one by default) and creates a credential for it. */
export async function standInWithCredential(
	n8n: N8nClient,
	options: {
		account?: NxCloudAccount;
		label: string;
		standIn?: Partial<StandInOptions>;
		credential?: Record<string, string>;
	},
): Promise<StandInWithCredential> {
	const account = options.account ?? newAccount();
	const standIn = await startStandIn({ ...account, ...options.standIn });
	const data = credentialData(account, {
		openApiBaseUrl: standIn.url,
		callbotBaseUrl: standIn.url,
		...options.credential,
	});
	try {
		return {
			standIn,
			account,
			credentialId: await createNxCloudCredential(n8n, data, options.label),
			data,
		};
	} catch (error) {
		await standIn.close();
		throw error;
	}
}
