import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pageRows } from '../common/paging';
import { addIsoCopies } from '../../shared/timestamps';
import { USER_TASK_ID_FIELD } from '../common/fields';
import { optionsCollection, retryPolicy } from '../common/options';
import { runOrderIdBatches } from '../common/orderIdBatches';
import { PRODUCT_ID, callbotRequest } from '../../transport/requests';
import { ORDER_IDS_FIELD } from './numberFields';
import { outputShapeProperties, shapeOutput } from '../common/outputShape';
import {
	NUMBER_DETAIL_FIELDS,
	NUMBER_DETAIL_RAW_FIELDS,
	simplifyNumberDetails,
} from './simplified';

/** listOrderDetail accepts at most 500 order IDs per request (docs/vendor-api.md §6 row 11). */
export const ORDER_DETAIL_MAX = 500;

const properties: INodeProperties[] = [
	USER_TASK_ID_FIELD,
	ORDER_IDS_FIELD,
	...outputShapeProperties(NUMBER_DETAIL_FIELDS, NUMBER_DETAIL_RAW_FIELDS),
	optionsCollection([], false),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['callbotCallList'], operation: ['getNumberDetails'] } },
	properties,
);

/**
 * One item per requested order ID: `{found: true, …order, callInfoDetailList}` or, for an ID
 * NXCloud does not know, `{orderID, found: false}`. More than 500 IDs are split into several
 * requests and merged.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const output = await runOrderIdBatches(this, items, {
		chunkSize: ORDER_DETAIL_MAX,
		send: async (userTaskID, orderIDs, _extra, options, itemIndex) => {
			const envelope = await callbotRequest(
				this,
				'listOrderDetail',
				{ productID: PRODUCT_ID, userTaskID, orderList: orderIDs },
				retryPolicy(options, itemIndex, { retryAmbiguous: true }),
			);
			const found = new Map<string, IDataObject>();
			for (const detail of pageRows(envelope, 'orderDetailList')) {
				if (detail?.orderID !== undefined) found.set(String(detail.orderID), detail);
			}
			const answers = new Map<string, IDataObject>();
			for (const orderID of orderIDs) {
				const detail = found.get(orderID);
				answers.set(
					orderID,
					detail ? addIsoCopies({ found: true, ...detail }) : { orderID, found: false, userTaskID },
				);
			}
			return answers;
		},
	});
	return shapeOutput(this, output, simplifyNumberDetails);
}
