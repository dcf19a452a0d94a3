import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { USER_TASK_ID_FIELD, cautionNotice } from '../common/fields';
import { optionsCollection, retryPolicy } from '../common/options';
import { runOrderIdBatches } from '../common/orderIdBatches';
import { ORDER_IDS_FIELD } from './numberFields';
import { PRODUCT_ID, callbotRequest } from '../../transport/requests';

/** stopOrder takes a list of orderIDs; the vendor gives no limit, so stay at listOrderDetail's 500. */
const STOP_CHUNK = 500;

const properties: INodeProperties[] = [
	cautionNotice(
		'Caution: stopping is irreversible. Stopped numbers are never dialled by this task.',
	),
	USER_TASK_ID_FIELD,
	ORDER_IDS_FIELD,
	{
		displayName: 'Delete Undialled Numbers',
		name: 'deleteUndialled',
		type: 'boolean',
		default: false,
		description: 'Whether NXCloud also deletes the stopped numbers from the task (delCall 1)',
	},
	optionsCollection([], false),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['callbotCallList'], operation: ['stopNumbers'] } },
	properties,
);

/** One item per order ID: `{orderID, stopped, errMsg?}`. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runOrderIdBatches(this, items, {
		chunkSize: STOP_CHUNK,
		extra: (i) => ({
			delCall: this.getNodeParameter('deleteUndialled', i, false) === true ? 1 : 0,
		}),
		send: async (userTaskID, orderIDs, extra, options, itemIndex) => {
			// Stopping twice leaves the same state, so a lost answer may be retried; the second
			// answer then calls rows the first try stopped "already stopped".
			const envelope = await callbotRequest(
				this,
				'stopOrder',
				{ productID: PRODUCT_ID, userTaskID, orderIDs, delCall: extra.delCall },
				retryPolicy(options, itemIndex, { retryAmbiguous: true }),
			);
			const errors = new Map<string, string>();
			for (const entry of (Array.isArray(envelope.errList)
				? envelope.errList
				: []) as IDataObject[]) {
				if (entry?.orderID !== undefined)
					errors.set(String(entry.orderID), String(entry.errMsg ?? 'refused'));
			}
			const answers = new Map<string, IDataObject>();
			for (const orderID of orderIDs) {
				const errMsg = errors.get(orderID);
				const json: IDataObject = { orderID, stopped: errMsg === undefined };
				if (errMsg !== undefined) json.errMsg = errMsg;
				json.userTaskID = userTaskID;
				json.deleted = errMsg === undefined && extra.delCall === 1;
				json.responseID = envelope.responseID ?? null;
				answers.set(orderID, json);
			}
			return answers;
		},
	});
}
