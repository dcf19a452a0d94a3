import { randomBytes, randomUUID } from 'node:crypto';

/**
 * One NXCloud account per test file, with secrets a sweep can recognise anywhere: each holds a
 * random core of 24 hex characters that appears nowhere else, so finding the core (even in a
 * cut-off copy of the secret) means the secret leaked.
 */
export interface ReliabilityAccount {
	accessKey: string;
	accessSecret: string;
	callbotUuid: string;
	callbotSecretKey: string;
	/** The random cores of accessSecret and callbotSecretKey, what the secrets sweep looks for. */
	secretCores: { accessSecret: string; callbotSecretKey: string };
}

export function reliabilityAccount(): ReliabilityAccount {
	const accessCore = randomBytes(12).toString('hex');
	const callbotCore = randomBytes(12).toString('hex');
	return {
		accessKey: `relKey${randomBytes(4).toString('hex')}`,
		accessSecret: `RelAccessSecret-${accessCore}`,
		callbotUuid: randomUUID(),
		callbotSecretKey: `RelCallbotSecret-${callbotCore}`,
		secretCores: { accessSecret: accessCore, callbotSecretKey: callbotCore },
	};
}

/** The `nxCloudApi` credential data for the account (both halves filled). */
export function credentialData(account: ReliabilityAccount, extra: Record<string, string> = {}): Record<string, string> {
	return {
		accessKey: account.accessKey,
		accessSecret: account.accessSecret,
		callbotUuid: account.callbotUuid,
		callbotSecretKey: account.callbotSecretKey,
		...extra,
	};
}
