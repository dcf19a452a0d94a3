import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { type RetryPolicy, nxCloudRequest } from './nxCloudRequest';

/** POST /api/wa/calling/<op>, open platform signing with bizType 2 and action mt (docs/vendor-api.md §3). */
export async function callingRequest(
	ctx: IExecuteFunctions,
	op: 'enable' | 'disable' | 'get' | 'query',
	body: IDataObject,
	policy: RetryPolicy,
): Promise<IDataObject> {
	return await nxCloudRequest.call(
		ctx,
		{ product: 'openPlatform', path: `/api/wa/calling/${op}`, body, bizType: '2', action: 'mt' },
		policy,
	);
}

/** POST /callcentre/api/v3/<endpoint>, Callbot signing (docs/vendor-api.md §5). `body` may be pre-serialised. */
export async function callbotRequest(
	ctx: IExecuteFunctions,
	endpoint: string,
	body: IDataObject | string,
	policy: RetryPolicy,
	transfer: { gzipBody?: boolean; acceptGzip?: boolean } = {},
): Promise<IDataObject> {
	return await nxCloudRequest.call(
		ctx,
		{ product: 'callbot', path: `/callcentre/api/v3/${endpoint}`, body, ...transfer },
		policy,
	);
}

/** productID is the constant "callbot" on every Callbot endpoint (docs/vendor-api.md §6). */
export const PRODUCT_ID = 'callbot';
