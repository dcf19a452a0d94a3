import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { chunk, toList } from '../../shared/values';
import { asNodeError, continueOnFailJson } from './errors';
import { readOptions } from './options';
import { requireUserTaskId } from './userTaskId';

/** What one input item asks for: a task, its order IDs, and any other grouping value. */
interface Ask {
	userTaskID: string;
	orderIDs: string[];
	key: string;
	extra: IDataObject;
}

export interface OrderIdBatchSpec {
	/** Most order IDs per request (listOrderDetail: 500). */
	chunkSize: number;
	/** Extra values read per item that must be equal within one request (e.g. delCall). */
	extra?(itemIndex: number): IDataObject;
	/**
	 * Sends one request for `orderIDs` of one task and returns one output JSON per order ID,
	 * in any order (missing IDs are the spec's to fill in).
	 */
	send(
		userTaskID: string,
		orderIDs: string[],
		extra: IDataObject,
		options: IDataObject,
		itemIndex: number,
	): Promise<Map<string, IDataObject>>;
}

/**
 * Stop Numbers and Get Number Details: every input item names order IDs (one or a list); all
 * items' IDs of the same task are merged, de-duplicated and sent in requests of at most
 * `chunkSize`, and every requested ID comes back as one output item paired to the item that
 * asked for it (an ID asked by two items comes back to both). A failed request fails the items
 * whose IDs were in it (one error item each with continueOnFail).
 */
export async function runOrderIdBatches(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	spec: OrderIdBatchSpec,
): Promise<INodeExecutionData[]> {
	const perItem: IDataObject[][] = items.map(() => []);
	const failed = new Map<number, IDataObject>();
	const groups = new Map<string, { ask: Ask; firstItem: number; askers: Map<string, number[]> }>();
	const continueOnFail = ctx.continueOnFail();

	for (let i = 0; i < items.length; i++) {
		try {
			const userTaskID = requireUserTaskId(ctx, i);
			const orderIDs = toList(ctx.getNodeParameter('orderIds', i, ''), 'Order IDs');
			if (orderIDs.length === 0)
				throw new Error('Order IDs is empty: give one order ID or a comma-separated list');
			const extra = spec.extra?.(i) ?? {};
			const key = `${userTaskID}\u0000${JSON.stringify(extra)}`;
			let group = groups.get(key);
			if (!group) {
				group = { ask: { userTaskID, orderIDs: [], key, extra }, firstItem: i, askers: new Map() };
				groups.set(key, group);
			}
			for (const id of orderIDs) {
				const askers = group.askers.get(id);
				if (askers) {
					if (askers[askers.length - 1] !== i) askers.push(i);
				} else {
					group.askers.set(id, [i]);
					group.ask.orderIDs.push(id);
				}
			}
		} catch (error) {
			if (!continueOnFail) throw asNodeError(ctx, error, i);
			failed.set(i, continueOnFailJson(ctx, error));
		}
	}

	for (const { ask, firstItem, askers } of groups.values()) {
		const options = readOptions(ctx, firstItem);
		for (const ids of chunk(ask.orderIDs, spec.chunkSize)) {
			const involved = new Set<number>();
			for (const id of ids) for (const i of askers.get(id)!) involved.add(i);
			const owner = Math.min(...involved);
			try {
				const answers = await spec.send(ask.userTaskID, ids, ask.extra, options, owner);
				for (const id of ids) {
					const json = answers.get(id);
					if (!json) continue;
					for (const i of askers.get(id)!)
						perItem[i].push(askers.get(id)!.length > 1 ? { ...json } : json);
				}
			} catch (error) {
				if (!continueOnFail) throw asNodeError(ctx, error, owner);
				const json = continueOnFailJson(ctx, error);
				for (const i of involved) if (!failed.has(i)) failed.set(i, json);
			}
		}
	}

	const returnData: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const error = failed.get(i);
		if (error) {
			returnData.push({ json: error, pairedItem: { item: i } });
			continue;
		}
		for (const json of perItem[i]) returnData.push({ json, pairedItem: { item: i } });
	}
	return returnData;
}
