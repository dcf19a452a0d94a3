import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	type NumberFields,
	type PreparedRow,
	CallListBuilder,
	callListBody,
	requiredCallbackUrl,
} from './callList';
import {
	type BatchSummary,
	type RowOutcome,
	outcomesFromAnswer,
	reconcileWithExport,
	refusedOutcome,
	rowResultJson,
} from './importResults';
import {
	failureDetails,
	isAmbiguousFailure,
	type RetryPolicy,
} from '../../transport/nxCloudRequest';
import { asNodeError, continueOnFailJson } from '../common/errors';
import { readOptions, retryPolicy } from '../common/options';
import { PRODUCT_ID, callbotRequest } from '../../transport/requests';
import { numberFieldReader } from './numberFields';

/** Callbot: an import is still being processed; import and export answer this until it is done. */
export const IMPORT_RUNNING = 1001;
/** Callbot "internal server error": for a request that writes, NXCloud may have done part of it. */
const INTERNAL_ERROR = 5001;

export interface BatchPlan {
	endpoint: 'importBatchCall' | 'addBatchCall' | 'createAndCall';
	/**
	 * The task a given item's number goes to. Items are grouped by it: one request per task per
	 * execution (for import that is the rule: every importBatchCall opens a new batch).
	 */
	userTaskId(itemIndex: number): string;
	/** Body fields besides callInfoList, read from the first item of the group. */
	head(itemIndex: number, userTaskID: string): IDataObject;
	/** Extra fields for every row's output item (e.g. the created task's taskID). */
	fromAnswer?(envelope: IDataObject): IDataObject;
}

interface Group {
	userTaskID: string;
	firstItem: number;
	builder: CallListBuilder;
}

function itemFor(
	row: PreparedRow,
	outcome: RowOutcome,
	summary: BatchSummary,
	extra?: IDataObject,
): INodeExecutionData {
	const json = rowResultJson(row, outcome, summary);
	if (extra) Object.assign(json, extra);
	return { json, pairedItem: { item: row.itemIndex } };
}

/**
 * Import as New Batch, Add Numbers to Task, Create and Call: every input item is one number;
 * the items go out as ONE request per task, and every input item comes back as exactly one
 * output item, paired to it: imported, rejected (by our check or by NXCloud, with the reason) or,
 * with continueOnFail, the request's error.
 *
 * None of these requests is sent twice after a failure that NXCloud may have acted on (timeout,
 * reset, HTTP 5xx, retCode 5001). A replayed importBatchCall would open another batch and drop
 * the undialled numbers of the batch the first try created, then refuse every row as a duplicate
 * order ID, leaving nothing to dial; a replayed add or create reports duplicates for rows that
 * were in fact imported. Instead, an import whose answer was lost is checked with exportBatchCall
 * (read-only), which tells which rows NXCloud holds.
 */
export async function runNumberBatch(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	plan: BatchPlan,
): Promise<INodeExecutionData[]> {
	const results = new Array<INodeExecutionData | undefined>(items.length);
	const groups = new Map<string, Group>();
	const continueOnFail = ctx.continueOnFail();
	const readNumber = numberFieldReader(ctx, items);

	for (let i = 0; i < items.length; i++) {
		let userTaskID: string;
		let fields: NumberFields;
		try {
			userTaskID = plan.userTaskId(i);
			fields = readNumber(i);
		} catch (error) {
			if (!continueOnFail) throw asNodeError(ctx, error, i);
			results[i] = { json: continueOnFailJson(ctx, error), pairedItem: { item: i } };
			continue;
		}
		let group = groups.get(userTaskID);
		if (!group) {
			group = { userTaskID, firstItem: i, builder: new CallListBuilder(randomUUID) };
			groups.set(userTaskID, group);
		}
		group.builder.add(fields);
	}

	for (const group of groups.values()) {
		group.builder.finish();
		const { userTaskID } = group;
		for (const row of group.builder.rows) {
			if (row.problem !== undefined)
				results[row.itemIndex] = itemFor(row, refusedOutcome(row), { userTaskID });
		}
		const sent = group.builder.sentRows();
		// Nothing valid: send nothing. An empty import would still open a new batch and drop the
		// undialled numbers of the previous one.
		if (sent.length === 0) continue;
		try {
			await sendGroup(ctx, plan, group, sent, results);
		} catch (error) {
			if (!continueOnFail) throw asNodeError(ctx, error, sent[0].itemIndex);
			const json = continueOnFailJson(ctx, error);
			for (const row of sent)
				results[row.itemIndex] = { json, pairedItem: { item: row.itemIndex } };
		}
	}
	for (let i = 0; i < results.length; i++) {
		if (!results[i])
			throw new NodeOperationError(
				ctx.getNode(),
				`Item ${i} got no result: this is a bug in the node`,
			);
	}
	return results as INodeExecutionData[];
}

async function sendGroup(
	ctx: IExecuteFunctions,
	plan: BatchPlan,
	group: Group,
	sent: PreparedRow[],
	results: Array<INodeExecutionData | undefined>,
): Promise<void> {
	const first = group.firstItem;
	const options = readOptions(ctx, first);
	const isImport = plan.endpoint === 'importBatchCall';
	const maxWaitMs = Math.max(0, Number(options.maxWaitSeconds ?? 120)) * 1000;
	const policy: RetryPolicy = retryPolicy(options, first, {
		retryAmbiguous: false,
		ambiguousCodes: [INTERNAL_ERROR],
		waitCodes: isImport && options.waitIfImportRunning === true ? [IMPORT_RUNNING] : undefined,
		maxWaitMs,
	});
	const urls = {
		orderCallbackUrl: requiredCallbackUrl(
			ctx.getNodeParameter('orderCallbackUrl', first, ''),
			'Order Callback URL',
		),
		callCallbackUrl: requiredCallbackUrl(
			ctx.getNodeParameter('callCallbackUrl', first, ''),
			'Call Callback URL',
		),
	};
	let body = callListBody(plan.head(first, group.userTaskID), urls, sent);
	// The body holds everything now; free the per-row objects before sending and collecting.
	for (const row of sent) row.wire = undefined;
	const gzipBody = isImport && options.gzipBody === true;

	let envelope: IDataObject;
	try {
		const request = callbotRequest(ctx, plan.endpoint, body, policy, { gzipBody });
		body = '';
		envelope = await request;
	} catch (error) {
		const checkAllowed = isImport && options.checkAfterUnclearFailure !== false;
		if (!checkAllowed || !isAmbiguousFailure(error)) throw asNodeError(ctx, error, first);
		await checkLostImport(ctx, group, sent, error, options, maxWaitMs, results);
		return;
	}
	const { outcomes, summary } = outcomesFromAnswer(sent, envelope);
	const extra = plan.fromAnswer?.(envelope);
	const batch: BatchSummary = { userTaskID: group.userTaskID, ...summary };
	for (let k = 0; k < sent.length; k++)
		results[sent[k].itemIndex] = itemFor(sent[k], outcomes[k], batch, extra);
}

/**
 * The import's answer was lost. Asks exportBatchCall (read-only, retried freely, waiting while
 * NXCloud still processes an import) which numbers the latest batch holds, and reports per row.
 * When none of ours is there, the original error is thrown with what the check found.
 */
async function checkLostImport(
	ctx: IExecuteFunctions,
	group: Group,
	sent: PreparedRow[],
	original: unknown,
	options: IDataObject,
	maxWaitMs: number,
	results: Array<INodeExecutionData | undefined>,
): Promise<void> {
	const first = group.firstItem;
	const failure = asNodeError(ctx, original, first);
	let exported: IDataObject;
	try {
		exported = await callbotRequest(
			ctx,
			'exportBatchCall',
			{ productID: PRODUCT_ID, userTaskID: group.userTaskID },
			retryPolicy(options, first, {
				retryAmbiguous: true,
				waitCodes: [IMPORT_RUNNING],
				maxWaitMs: Math.max(maxWaitMs, 30_000),
			}),
			{ acceptGzip: true },
		);
	} catch (checkError) {
		const stillRunning = failureDetails(checkError)?.code === IMPORT_RUNNING;
		failure.description = `${failure.description ?? ''} ${
			stillRunning
				? 'NXCloud is still processing an import for this task, most likely this one: check the result later with Export Latest Batch before importing again.'
				: `Could not check whether the import took effect (${(checkError as Error).message}): check with Export Latest Batch before importing again.`
		}`.trim();
		throw failure;
	}
	const verdict = reconcileWithExport(sent, exported);
	if (!verdict.landed) {
		failure.description =
			`${failure.description ?? ''} Checked with Export Latest Batch: NXCloud's latest batch (${verdict.batchID || 'none'}, ${verdict.exportedCount} numbers) holds none of these numbers, so none of them was imported.`.trim();
		throw failure;
	}
	const summary: BatchSummary = {
		userTaskID: group.userTaskID,
		batchID: verdict.batchID,
		confirmedBy: 'exportBatchCall',
		warning: `NXCloud's answer to the import was lost (${failure.message}); the row results come from Export Latest Batch.`,
	};
	for (let k = 0; k < sent.length; k++)
		results[sent[k].itemIndex] = itemFor(sent[k], verdict.outcomes[k], summary);
}
