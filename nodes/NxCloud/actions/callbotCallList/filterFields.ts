import type { INodeProperties } from 'n8n-workflow';

/** Filters shared by Get Many Numbers (listOrder) and Get Many Calls (listCall). */
export const CALL_FILTER_FIELDS: INodeProperties[] = [
	{
		displayName: 'Intent IDs',
		name: 'intentIds',
		type: 'string',
		default: '',
		description: 'Only rows with one of these intent IDs (comma-separated)',
	},
	{
		displayName: 'Intent Levels',
		name: 'intentLevels',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1,2',
		description: 'Only rows with one of these intent levels (comma-separated whole numbers)',
	},
	{
		displayName: 'Intent Names',
		name: 'intentNames',
		type: 'string',
		default: '',
		description: 'Only rows with one of these intent names (comma-separated)',
	},
	{
		displayName: 'Intent Tags',
		name: 'intentTags',
		type: 'string',
		default: '',
		placeholder: 'e.g. A,B',
		description: 'Only rows with one of these intent tags (comma-separated)',
	},
	{
		displayName: 'Call Statuses',
		name: 'callStatuses',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1,2',
		description:
			'Only calls with one of these call status codes (callStatus, comma-separated whole numbers). NXCloud does not publish the codes, so there is no picker: the callStatus of a call callback or of Get Many Calls shows the codes in use.',
	},
	{
		displayName: 'Turns More Than',
		name: 'turnsMoreThan',
		type: 'number',
		default: 0,
		description: 'Only calls with more conversation turns than this',
	},
	{
		displayName: 'Turns Less Than',
		name: 'turnsLessThan',
		type: 'number',
		default: 10,
		description: 'Only calls with fewer conversation turns than this',
	},
	{
		displayName: 'Call Duration More Than (Seconds)',
		name: 'durationMoreThan',
		type: 'number',
		default: 0,
		description: 'Only calls longer than this',
	},
	{
		displayName: 'Call Duration Less Than (Seconds)',
		name: 'durationLessThan',
		type: 'number',
		default: 60,
		description: 'Only calls shorter than this',
	},
];
