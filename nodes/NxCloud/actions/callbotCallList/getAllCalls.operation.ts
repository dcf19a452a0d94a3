import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { callListQuery } from './listFilters';
import { USER_TASK_ID_FIELD, pageSizeOption, pagingFields } from '../common/fields';
import { optionsCollection } from '../common/options';
import { DOWNLOAD_RECORDING_OPTION, attachRecordings } from '../common/recording';
import { runPagedList } from '../common/paged';
import { PRODUCT_ID } from '../../transport/requests';
import { CALL_FILTER_FIELDS } from './filterFields';
import { requireUserTaskId } from '../common/userTaskId';
import { outputShapeProperties, shapeOutput } from '../common/outputShape';
import { CALL_FIELDS, CALL_RAW_FIELDS, simplifyCall } from './simplified';

const properties: INodeProperties[] = [
	USER_TASK_ID_FIELD,
	...pagingFields(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Call IDs',
				name: 'callIds',
				type: 'string',
				default: '',
				description: 'Only these call IDs (comma-separated)',
			},
			...CALL_FILTER_FIELDS,
			{
				displayName: 'Started After',
				name: 'startedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only calls that started at or after this time',
			},
			{
				displayName: 'Started Before',
				name: 'startedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only calls that started at or before this time',
			},
		],
	},
	...outputShapeProperties(CALL_FIELDS, CALL_RAW_FIELDS),
	optionsCollection([DOWNLOAD_RECORDING_OPTION, pageSizeOption('calls')]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['callbotCallList'], operation: ['getAllCalls'] } },
	properties,
);

/** listCall: one item per call (a number can have several calls when redialled); asked gzipped. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const calls = await runPagedList(this, items, {
		endpoint: 'listCall',
		// Not shown by the vendor page: the likely names, in order.
		rowsKeys: [
			'callList',
			'callDataList',
			'callData',
			'callInfoList',
			'list',
			'data',
			'rows',
			'records',
		],
		acceptGzip: true,
		body: (i) =>
			callListQuery(
				PRODUCT_ID,
				requireUserTaskId(this, i),
				this.getNodeParameter('filters', i, {}) as IDataObject,
			),
	});
	// One item per call carries its callAudioUrl; with Full Response an item is a whole page.
	const withRecordings = await attachRecordings(this, calls, (json) => json.callAudioUrl);
	// After the downloads, which read callAudioUrl from the raw rows.
	return shapeOutput(this, withRecordings, simplifyCall);
}
