import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, continueOnFailJson } from './errors';

/**
 * Runs `run` once per input item, in order. Every output item is paired to the input item it came
 * from; with continueOnFail a failure becomes one error item for that input item, otherwise it
 * stops the node with the item named.
 */
export async function forEachItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	run: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const returnData: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const result = await run(i);
			const list = Array.isArray(result) ? result : [result];
			for (const json of list) returnData.push({ json, pairedItem: { item: i } });
		} catch (error) {
			if (ctx.continueOnFail()) {
				returnData.push({ json: continueOnFailJson(ctx, error), pairedItem: { item: i } });
				continue;
			}
			throw asNodeError(ctx, error, i);
		}
	}
	return returnData;
}
