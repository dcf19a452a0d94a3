import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { toText } from '../../shared/values';

export const APP_KEY_MISSING =
	'App Key is empty: give the NXCloud WhatsApp application key (e.g. pem28kje) in the node, or set WhatsApp App Key in the NXCloud credential';

/** The node's App Key when given, else the credential's; "" when neither is set. */
export function chooseAppKey(nodeValue: unknown, credentialValue: unknown): string {
	const own = toText(nodeValue, 'App Key').trim();
	if (own !== '') return own;
	return typeof credentialValue === 'string' ? credentialValue.trim() : '';
}

/**
 * A reader of the App Key for each item: the node's field, falling back to the credential's
 * WhatsApp App Key. The credential is read at most once per run.
 */
export function appKeyReader(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	read: (itemIndex: number) => unknown,
): (itemIndex: number) => Promise<string> {
	let fromCredential: Promise<unknown> | undefined;
	return async (itemIndex) => {
		const own = toText(read(itemIndex), 'App Key').trim();
		if (own !== '') return own;
		fromCredential ??= ctx.getCredentials('nxCloudApi').then((credentials) => credentials.appKey);
		const key = chooseAppKey('', await fromCredential);
		if (key === '') throw new Error(APP_KEY_MISSING);
		return key;
	};
}

/** The App Key of item `itemIndex` of an action node (node field, else credential). */
export function actionAppKey(ctx: IExecuteFunctions): (itemIndex: number) => Promise<string> {
	return appKeyReader(ctx, (i) => ctx.getNodeParameter('appKey', i, ''));
}
