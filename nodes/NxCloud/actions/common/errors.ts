import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { failureDetails } from '../../transport/nxCloudRequest';

/**
 * n8n's own errors pass through (with the item index when they lack one); anything else, such as
 * a helper's validation Error, becomes a NodeOperationError naming the item.
 */
export function asNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * A continueOnFail item for input item `itemIndex`, its JSON shared when one failure hits several
 * items. It carries the error in `error`, n8n's own field for it: that is what makes "On Error:
 * Continue (using error output)" route the item to the error output in every n8n version (n8n 2.x
 * also recognises `{ error, details }` JSON, n8n 1.x only `{ error }` or `{ error, message }`).
 */
export function errorItem(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	json: IDataObject = errorJson(error),
): INodeExecutionData {
	return { json, error: asNodeError(ctx, error, itemIndex), pairedItem: { item: itemIndex } };
}

/**
 * The JSON of a continueOnFail item: `{ error, details }`. `details` holds the vendor's code and
 * message, the trace/response ID and what to do, as far as known.
 */
export function errorJson(error: unknown): IDataObject {
	const err = error as { message?: string; description?: string | null; httpCode?: string | null };
	const details: IDataObject = {};
	const nx = failureDetails(error);
	if (nx) {
		if (nx.code !== undefined) details.code = nx.code;
		if (nx.vendorMessage !== undefined) details.vendorMessage = nx.vendorMessage;
		if (nx.traceId !== undefined) details.traceId = nx.traceId;
		if (nx.httpStatus !== undefined) details.httpStatus = nx.httpStatus;
		if (nx.networkCode !== undefined) details.networkCode = nx.networkCode;
		details.ambiguous = nx.ambiguous;
		details.endpoint = nx.path;
	}
	if (err?.description) details.description = err.description;
	return { error: err?.message ?? String(error), details };
}
