import type { IExecuteFunctions } from 'n8n-workflow';

import { phoneRef } from '../whatsAppCalling/callingBody';
import { actionAppKey } from '../common/appKey';
import { locatorValue } from '../common/locator';

/** `{appkey, business_phone}` of each item: the scope every template request carries (§16, §18). */
export function templateScope(
	ctx: IExecuteFunctions,
): (itemIndex: number) => Promise<{ appkey: string; business_phone: string }> {
	const appKey = actionAppKey(ctx);
	return async (i) =>
		phoneRef(await appKey(i), locatorValue(ctx.getNodeParameter('businessPhone', i)));
}
