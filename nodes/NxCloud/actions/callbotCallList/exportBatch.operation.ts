import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callbotOutput } from '../../transport/envelope';
import { pageRows } from '../common/paging';
import { addIsoCopies } from '../../shared/timestamps';
import { USER_TASK_ID_FIELD } from '../common/fields';
import { optionsCollection, readOptions, retryPolicy } from '../common/options';
import { forEachItem } from '../common/perItem';
import { PRODUCT_ID, callbotRequest } from '../../transport/requests';
import { IMPORT_OPTIONS } from './numberFields';
import { IMPORT_RUNNING } from './numberBatch';
import { requireUserTaskId } from '../common/userTaskId';
import { outputShapeProperties, shapeOutput } from '../common/outputShape';
import { EXPORT_FIELDS, EXPORT_RAW_FIELDS, simplifyExportRow } from './simplified';

const WAIT_OPTIONS = IMPORT_OPTIONS.filter(
	(option) => option.name === 'waitIfImportRunning' || option.name === 'maxWaitSeconds',
);

const properties: INodeProperties[] = [
	USER_TASK_ID_FIELD,
	...outputShapeProperties(EXPORT_FIELDS, EXPORT_RAW_FIELDS),
	optionsCollection(WAIT_OPTIONS),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['callbotCallList'], operation: ['exportBatch'] } },
	properties,
);

/**
 * One item per number of the latest batch, each with the batch's batchID and totalCount, so
 * "Convert to File" turns the output into a CSV/XLSX sheet directly. The answer is asked gzipped.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const exported = await forEachItem(this, items, async (i) => {
		const options = readOptions(this, i);
		const userTaskID = requireUserTaskId(this, i);
		const policy = retryPolicy(options, i, {
			retryAmbiguous: true,
			waitCodes: options.waitIfImportRunning === true ? [IMPORT_RUNNING] : undefined,
			maxWaitMs: Math.max(0, Number(options.maxWaitSeconds ?? 120)) * 1000,
		});
		const envelope = await callbotRequest(
			this,
			'exportBatchCall',
			{ productID: PRODUCT_ID, userTaskID },
			policy,
			{
				acceptGzip: true,
			},
		);
		if (options.fullResponse === true) return callbotOutput(envelope, true);
		const rows = pageRows(envelope, 'callList');
		const batch: IDataObject = {
			userTaskID,
			batchID: envelope.batchID ?? null,
			totalCount: envelope.totalCount ?? rows.length,
		};
		return rows.map((row) => addIsoCopies({ ...batch, ...row }));
	});
	return shapeOutput(this, exported, simplifyExportRow);
}
