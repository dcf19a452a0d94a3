import { randomBytes, randomUUID } from 'node:crypto';

/** The four secrets of an NXCloud account, as the `nxCloudApi` credential holds them. */
export interface NxCloudAccount {
	accessKey: string;
	accessSecret: string;
	callbotUuid: string;
	callbotSecretKey: string;
	/** With recognisableSecrets: the random cores of accessSecret and callbotSecretKey. */
	secretCores?: { accessSecret: string; callbotSecretKey: string };
}

/** An account whose secrets a sweep can recognise (the reliability suite's secret scan). */
export type ReliabilityAccount = NxCloudAccount & Required<Pick<NxCloudAccount, 'secretCores'>>;

/**
 * A fresh account per test file. With `recognisableSecrets` each secret holds a random core of
 * 24 hex characters that appears nowhere else, so a sweep that finds the core (even in a cut-off
 * copy of the secret) has found a leak.
 */
export function newAccount(options: { recognisableSecrets: true }): ReliabilityAccount;
export function newAccount(options?: { recognisableSecrets?: false }): NxCloudAccount;
export function newAccount(options: { recognisableSecrets?: boolean } = {}): NxCloudAccount {
	if (!options.recognisableSecrets) {
		return {
			accessKey: `ak${randomBytes(6).toString('hex')}`,
			accessSecret: randomBytes(16).toString('hex'),
			callbotUuid: randomBytes(16).toString('hex'),
			callbotSecretKey: randomBytes(16).toString('hex'),
		};
	}
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
export function credentialData(
	account: NxCloudAccount,
	extra: Record<string, string> = {},
): Record<string, string> {
	return {
		accessKey: account.accessKey,
		accessSecret: account.accessSecret,
		callbotUuid: account.callbotUuid,
		callbotSecretKey: account.callbotSecretKey,
		...extra,
	};
}
