import type { INodeProperties } from 'n8n-workflow';

/** Parameters several operations share. */

export const APP_KEY_FIELD: INodeProperties = {
	displayName: 'App Key',
	name: 'appKey',
	type: 'string',
	default: '',
	placeholder: 'e.g. pem28kje',
	description:
		'Key of the NXCloud WhatsApp application the business phone is bound to. Leave empty to use the WhatsApp App Key of the credential.',
};

/**
 * Pickers: "From List" loads the choices live from NXCloud, "By ID" takes a typed value or an
 * expression. Workflows saved while these were plain text fields keep working: n8n shows and
 * passes a plain value as it is, and the readers accept both shapes (see locator.ts).
 */
export const BUSINESS_PHONE_FIELD: INodeProperties = {
	displayName: 'Business Phone',
	name: 'businessPhone',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description:
		'Your WhatsApp business number with country code. "+", spaces, dashes and brackets are removed; 6 to 20 digits must remain.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a business phone...',
			typeOptions: { searchListMethod: 'searchBusinessPhones', searchable: true },
		},
		{
			displayName: 'By Number',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8613300000000',
		},
	],
};

export const USER_TASK_ID_FIELD: INodeProperties = {
	displayName: 'User Task ID',
	name: 'userTaskId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'Your own ID of the Callbot task (userTaskID), chosen when the task was created',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a task...',
			typeOptions: { searchListMethod: 'searchCallbotTasks', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 3f1c2b9a-…',
		},
	],
};

export const DEFAULT_PAGE_SIZE = 100;

/** Return All / Limit of the paged Callbot lists; Page Size is in their Options (pageSizeOption). */
export function pagingFields(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
		{
			// Saved workflows: Page Size used to be a top-level parameter. n8n drops stored
			// parameters the description no longer has, so this hidden one keeps a page size saved
			// there in effect; Options → Page Size, when set, wins (see pageSizeOf).
			displayName: 'Page Size (Saved Before It Moved to Options)',
			name: 'pageSize',
			type: 'hidden',
			default: DEFAULT_PAGE_SIZE,
		},
	];
}

/** Options → Page Size of the paged Callbot lists. */
export function pageSizeOption(noun: string): INodeProperties {
	return {
		displayName: 'Page Size',
		name: 'pageSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: DEFAULT_PAGE_SIZE,
		description: `How many ${noun} to ask NXCloud for per request while paging`,
	};
}

/** A visible warning on operations that change live settings or can make real phones ring. */
export function cautionNotice(text: string): INodeProperties {
	return {
		displayName: text,
		name: 'cautionNotice',
		type: 'notice',
		default: '',
	};
}
