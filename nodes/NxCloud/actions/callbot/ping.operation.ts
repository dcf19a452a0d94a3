import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { addIsoCopies } from '../../shared/timestamps';
import { optionsCollection, readOptions, retryPolicy } from '../common/options';
import { forEachItem } from '../common/perItem';
import { callbotRequest } from '../../transport/requests';

const properties: INodeProperties[] = [optionsCollection([], false)];

export const description = updateDisplayOptions(
	{ show: { resource: ['callbot'], operation: ['ping'] } },
	properties,
);

/**
 * ping answers `{data, timestamp, code, msg, reqId}` (docs/vendor-api.md §6 row 1); `data` is our echo, not a
 * payload, so the whole answer is the output.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const options = readOptions(this, i);
		const envelope = await callbotRequest(
			this,
			'ping',
			{ data: 'n8n' },
			retryPolicy(options, i, { retryAmbiguous: true }),
		);
		return addIsoCopies(envelope);
	});
}
