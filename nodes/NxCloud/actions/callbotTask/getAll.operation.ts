import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { taskFilters } from '../callbotCallList/listFilters';
import { pageSizeOption, pagingFields } from '../common/fields';
import { optionsCollection } from '../common/options';
import { runPagedList } from '../common/paged';
import { PRODUCT_ID } from '../../transport/requests';

const properties: INodeProperties[] = [
	...pagingFields(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description: 'Only tasks created at or after this time',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description: 'Only tasks created at or before this time',
			},
			{
				displayName: 'Scene ID',
				name: 'sceneId',
				type: 'string',
				default: '',
				description: 'Only tasks of this script template',
			},
			{
				displayName: 'Task Names',
				name: 'taskNames',
				type: 'string',
				default: '',
				description: 'Only tasks with one of these names (comma-separated)',
			},
			{
				displayName: 'Task Statuses',
				name: 'taskStatuses',
				type: 'multiOptions',
				options: [
					{ name: 'Completed', value: 3 },
					{ name: 'Completed (Failed)', value: 4 },
					{ name: 'Paused', value: 5 },
					{ name: 'Pending', value: 1 },
					{ name: 'Running', value: 2 },
				],
				default: [],
				description: 'Only tasks in one of these states',
			},
			{
				displayName: 'User Task IDs',
				name: 'userTaskIds',
				type: 'string',
				default: '',
				description: 'Only these tasks (comma-separated userTaskIDs)',
			},
		],
	},
	optionsCollection([pageSizeOption('tasks')]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['callbotTask'], operation: ['getAll'] } },
	properties,
);

/** listTask: one item per task with its statistics (taskStat). */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPagedList(this, items, {
		endpoint: 'listTask',
		rowsKeys: ['taskData'],
		body: (i) => {
			// queryConditions is required by the vendor page (its fields are all optional): {} = no filter.
			const queryConditions = taskFilters(this.getNodeParameter('filters', i, {}) as IDataObject);
			return { productID: PRODUCT_ID, queryConditions };
		},
	});
}
