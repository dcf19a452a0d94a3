import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RetryPolicy } from '../../transport/nxCloudRequest';

/** Parameters of the "Options" collection that every operation has. */
export const TRIES_OPTION: INodeProperties = {
	displayName: 'Tries',
	name: 'tries',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 10 },
	default: 3,
	description:
		'How many times to send the request in total when it fails for a passing reason (HTTP 429/5xx, timeout, connection reset, NXCloud busy or under maintenance). Each try is signed anew. Requests that would be unsafe to repeat are never resent after NXCloud may have received them.',
};

export const TIMEOUT_OPTION: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 30,
	description: 'How long to wait for NXCloud to answer one try',
};

export const FULL_RESPONSE_OPTION: INodeProperties = {
	displayName: 'Full Response',
	name: 'fullResponse',
	type: 'boolean',
	default: false,
	description:
		"Whether to output NXCloud's whole answer (code, message, trace ID) instead of only its data",
};

/** An "Options" collection with Tries, Timeout and the operation's own options. */
export function optionsCollection(
	extra: INodeProperties[] = [],
	fullResponse = true,
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...extra,
			...(fullResponse ? [FULL_RESPONSE_OPTION] : []),
			TIMEOUT_OPTION,
			TRIES_OPTION,
		],
	};
}

export function readOptions(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return (ctx.getNodeParameter('options', itemIndex, {}) as IDataObject) ?? {};
}

/**
 * The retry policy of one request from the Options collection. `retryAmbiguous` is the
 * operation's call: true only where sending the same request twice does no harm.
 */
export function retryPolicy(
	options: IDataObject,
	itemIndex: number,
	overrides: Partial<RetryPolicy> & Pick<RetryPolicy, 'retryAmbiguous'>,
): RetryPolicy {
	const tries = Number(options.tries ?? 3);
	const timeout = Number(options.timeout ?? 30);
	return {
		maxTries: Number.isFinite(tries) && tries >= 1 ? Math.floor(tries) : 3,
		baseDelayMs: 500,
		timeoutMs: Number.isFinite(timeout) && timeout > 0 ? Math.round(timeout * 1000) : 30_000,
		itemIndex,
		...overrides,
	};
}
