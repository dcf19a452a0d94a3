import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { phoneRef } from './callingBody';
import { openPlatformOutput } from '../../transport/envelope';
import { actionAppKey } from '../common/appKey';
import { readOptions, retryPolicy } from '../common/options';
import { locatorValue } from '../common/locator';
import { forEachItem } from '../common/perItem';
import { callingRequest } from '../../transport/requests';

/**
 * Disable, Get Settings and Get Call Record send `{appkey, business_phone[, call_id]}` and
 * answer `data`; all three are safe to repeat.
 */
export async function runPhoneRequest(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	op: 'disable' | 'get' | 'query',
	check?: (envelope: IDataObject, itemIndex: number) => void,
): Promise<INodeExecutionData[]> {
	const appKey = actionAppKey(ctx);
	return await forEachItem(ctx, items, async (i) => {
		const options = readOptions(ctx, i);
		const body: IDataObject = phoneRef(
			await appKey(i),
			locatorValue(ctx.getNodeParameter('businessPhone', i)),
		);
		if (op === 'query') {
			const callId = String(ctx.getNodeParameter('callId', i, '') ?? '').trim();
			if (callId === '')
				throw new Error('Call ID is empty: give the call_id of the call (from the calls webhook)');
			body.call_id = callId;
		}
		const envelope = await callingRequest(
			ctx,
			op,
			body,
			retryPolicy(options, i, { retryAmbiguous: true }),
		);
		check?.(envelope, i);
		return openPlatformOutput(envelope, options.fullResponse === true);
	});
}
