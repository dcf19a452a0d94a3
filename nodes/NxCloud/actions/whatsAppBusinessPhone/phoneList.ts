import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { RetryPolicy } from '../../transport/nxCloudRequest';
import { MESSAGING_PRODUCT, whatsAppRequest } from '../../transport/whatsApp';

/**
 * getPhone's `data.business_phones` is an array in the vendor's table but the example answers an
 * object keyed by number, each value a one-element array (§15). Both become one flat list of
 * `{ business_phone, ...profile }`.
 */
export function flattenPhones(data: unknown): IDataObject[] {
	if (typeof data !== 'object' || data === null) return [];
	const source = (data as IDataObject).business_phones ?? data;
	const out: IDataObject[] = [];
	const push = (number: string | undefined, value: unknown) => {
		const entries = Array.isArray(value) ? value : [value];
		for (const entry of entries) {
			if (typeof entry !== 'object' || entry === null) continue;
			const profile = entry as IDataObject;
			const own = typeof profile.business_phone === 'string' ? profile.business_phone : number;
			out.push({ business_phone: own ?? null, ...profile });
		}
	};
	if (Array.isArray(source)) for (const entry of source) push(undefined, entry);
	else for (const [number, value] of Object.entries(source as IDataObject)) push(number, value);
	return out;
}

/** getPhone (§15): the numbers of an application, or only those listed. */
export async function listPhones(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	appkey: string,
	only: string[],
	policy: RetryPolicy,
): Promise<IDataObject[]> {
	const body: IDataObject = { appkey, messaging_product: MESSAGING_PRODUCT };
	if (only.length > 0) body.business_phones = only.join(',');
	const envelope = await whatsAppRequest(ctx, 'getPhone', 'getPhone', body, policy);
	return flattenPhones(envelope.data);
}
