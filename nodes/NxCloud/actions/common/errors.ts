import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
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
 * The JSON of a continueOnFail item, shaped for the node's On Error setting:
 * - "Continue": `{ error, details }` (errorJson);
 * - "Continue (using error output)": `{ error, message }`, `message` being what to do and the
 *   trace ID, or `{ error }` alone. n8n moves an item to the error output only when its JSON is one
 *   of these two shapes (or, from late 2.x on, `{ error, details }` too); n8n 1.x and earlier 2.x
 *   would leave `{ error, details }` on the success output.
 * (Setting n8n's `error` field on the item would route it too, but n8n then replaces the JSON with
 * `{ error }`, losing the advice and the trace ID.)
 */
export function continueOnFailJson(ctx: IExecuteFunctions, error: unknown): IDataObject {
	if (ctx.getNode().onError !== 'continueErrorOutput') return errorJson(error);
	const err = error as { message?: string; description?: string | null };
	const json: IDataObject = { error: err?.message ?? String(error) };
	if (err?.description) json.message = err.description;
	return json;
}

/**
 * `{ error, details }`: `details` holds the vendor's code and message, the trace/response ID and
 * what to do, as far as known.
 */
export function errorJson(error: unknown): IDataObject {
	const err = error as { message?: string; description?: string | null; httpCode?: string | null };
	const details: IDataObject = {};
	const nx = failureDetails(error);
	if (nx) {
		if (nx.code !== undefined) details.code = nx.code;
		if (nx.vendorMessage !== undefined) details.vendorMessage = nx.vendorMessage;
		if (nx.metaCode !== undefined) details.metaCode = nx.metaCode;
		if (nx.traceId !== undefined) details.traceId = nx.traceId;
		if (nx.httpStatus !== undefined) details.httpStatus = nx.httpStatus;
		if (nx.networkCode !== undefined) details.networkCode = nx.networkCode;
		details.ambiguous = nx.ambiguous;
		details.endpoint = nx.path;
	}
	if (err?.description) details.description = err.description;
	return { error: err?.message ?? String(error), details };
}
