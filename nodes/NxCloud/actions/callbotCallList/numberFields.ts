import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { NumberFields } from './callList';
import { itemParameter } from '../common/itemParameter';

/**
 * How each input item becomes one number (one Callbot "order"): expressions over the item,
 * shared by Import as New Batch, Add Numbers to Task and Create and Call.
 */
const MAPPED_FIELDS: INodeProperties[] = [
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		required: true,
		default: '={{ $json.phone }}',
		placeholder: 'e.g. 8613300000000',
		description:
			'Number to call, with country code. "+", spaces, dashes and brackets are removed; 6 to 20 digits must remain, else the row is rejected before anything is sent.',
	},
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		description:
			'Your globally unique ID for this number (orderID). Leave empty to have a UUID generated; it is returned on the output item.',
	},
	{
		displayName: 'User Name',
		name: 'userName',
		type: 'string',
		default: '',
		description: 'Name of the person called (may be empty)',
	},
	{
		displayName: 'Customer Name',
		name: 'customerName',
		type: 'string',
		default: '',
		description: 'Customer name (may be empty)',
	},
	{
		displayName: 'Passthrough to Callbacks',
		name: 'other',
		type: 'string',
		default: '',
		description:
			'Free text NXCloud stores with this number and returns unchanged in its order and call callbacks (other), e.g. your CRM record ID. Empty: the order ID is sent, as NXCloud requires a value.',
	},
	{
		displayName: 'Template Variables',
		name: 'templateVariables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Variable' },
		default: {},
		description:
			'Values of the variables of the script template (params). Give every variable the template has; see Script Management → Variable Settings in the console.',
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];

const FIELD_NAME_DEFAULTS = {
	phone: 'phone',
	orderId: 'orderID',
	userName: 'userName',
	customerName: 'customerName',
	other: 'other',
	params: 'params',
};

const NAMED_FIELDS: INodeProperties = {
	displayName: 'Input Field Names',
	name: 'inputFieldNames',
	type: 'collection',
	placeholder: 'Change Field Name',
	default: {},
	description:
		'Names of the input fields to read (dots reach into objects, e.g. contact.phone). Fields not changed here use the names shown as placeholders.',
	options: [
		{
			displayName: 'Customer Name Field',
			name: 'customerName',
			type: 'string',
			default: 'customerName',
		},
		{
			displayName: 'Order ID Field',
			name: 'orderId',
			type: 'string',
			default: 'orderID',
			description: 'Field with your order ID; missing or empty gets a generated UUID',
		},
		{
			displayName: 'Passthrough to Callbacks Field',
			name: 'other',
			type: 'string',
			default: 'other',
			description: 'Field with the free text NXCloud returns unchanged in the callbacks (other)',
		},
		{
			displayName: 'Phone Field',
			name: 'phone',
			type: 'string',
			default: 'phone',
			description: 'Field with the number to call (country code and number)',
		},
		{
			displayName: 'Template Variables Field',
			name: 'params',
			type: 'string',
			default: 'params',
			description:
				'Field with the template variables: an object { name: value } or a list of { name, value }',
		},
		{ displayName: 'User Name Field', name: 'userName', type: 'string', default: 'userName' },
	],
};

/** How input items become numbers: expressions per field, or named input fields read directly. */
export const NUMBER_FIELDS: INodeProperties[] = [
	{
		displayName: 'Data Mode',
		name: 'inputMode',
		type: 'options',
		options: [
			{
				name: 'Auto-Map Input Data to Fields',
				value: 'inputFields',
				description:
					'Use when the input items have fields named phone, orderID, userName, customerName, other and params (or the names set below). Much faster for large lists: no expression per item.',
			},
			{
				name: 'Map Each Field Manually',
				value: 'mapEachField',
				description: 'Set the value of each field below, usually as an expression over the item',
			},
		],
		default: 'mapEachField',
		description: 'Whether to read the input items as they are or set each field manually',
	},
	...MAPPED_FIELDS.map((field) => ({
		...field,
		displayOptions: { show: { inputMode: ['mapEachField'] } },
	})),
	{ ...NAMED_FIELDS, displayOptions: { show: { inputMode: ['inputFields'] } } },
];

export const CALLBACK_URL_FIELDS: INodeProperties[] = [
	{
		displayName: 'Order Callback URL',
		name: 'orderCallbackUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/…',
		description:
			'Where NXCloud posts each finished order (orderCallbackUrl, required by NXCloud). Paste the Production URL of an NXCloud Trigger set to Callbot.',
	},
	{
		displayName: 'Call Callback URL',
		name: 'callCallbackUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/…',
		description:
			'Where NXCloud posts each finished call (callCallbackUrl, required by NXCloud). Paste the Production URL of an NXCloud Trigger set to Callbot; it may be the same as the Order Callback URL.',
	},
];

function path(json: IDataObject, fieldPath: string): unknown {
	if (fieldPath in json) return json[fieldPath];
	let value: unknown = json;
	for (const key of fieldPath.split('.')) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}

/** `{ name: value }` as the `[{ name, value }]` list NXCloud takes; lists pass through. */
function variablesOf(value: unknown): unknown {
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
		return Object.entries(value as IDataObject).map(([name, v]) => ({ name, value: v }));
	}
	return value;
}

/** Reads the raw number fields of each item (checked later by CallListBuilder). */
export type NumberFieldReader = (itemIndex: number) => NumberFields;

export function numberFieldReader(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
): NumberFieldReader {
	if (ctx.getNodeParameter('inputMode', 0, 'mapEachField') === 'inputFields') {
		const names = {
			...FIELD_NAME_DEFAULTS,
			...(ctx.getNodeParameter('inputFieldNames', 0, {}) as IDataObject),
		} as Record<keyof typeof FIELD_NAME_DEFAULTS, string>;
		return (itemIndex) => {
			const json = items[itemIndex].json;
			return {
				itemIndex,
				phone: path(json, names.phone),
				orderId: path(json, names.orderId),
				userName: path(json, names.userName),
				customerName: path(json, names.customerName),
				other: path(json, names.other),
				params: variablesOf(path(json, names.params)),
			};
		};
	}
	const phone = itemParameter(ctx, 'phone', '');
	const orderId = itemParameter(ctx, 'orderId', '');
	const userName = itemParameter(ctx, 'userName', '');
	const customerName = itemParameter(ctx, 'customerName', '');
	const other = itemParameter(ctx, 'other', '');
	const params = itemParameter(ctx, 'templateVariables.variable', []);
	return (itemIndex) => ({
		itemIndex,
		phone: phone(itemIndex),
		orderId: orderId(itemIndex),
		userName: userName(itemIndex),
		customerName: customerName(itemIndex),
		other: other(itemIndex),
		params: params(itemIndex),
	});
}

/** The order IDs Get Number Details and Stop Numbers act on. */
export const ORDER_IDS_FIELD: INodeProperties = {
	displayName: 'Order IDs',
	name: 'orderIds',
	type: 'string',
	required: true,
	default: '={{ $json.orderID }}',
	description:
		'Order ID(s) of the numbers: one per input item, or a comma-separated list or an array. The IDs of all input items are sent together.',
};

/** Options of a number import; Export Latest Batch shares its two waiting options. */
export const IMPORT_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Gzip Request Body',
		name: 'gzipBody',
		type: 'boolean',
		default: false,
		description:
			'Whether to compress the request (Content-Encoding: gzip), which makes large lists much smaller on the wire. The uncompressed JSON is what gets signed; NXCloud does not document which bytes it checks, so this is off by default.',
	},
	{
		displayName: 'Wait If Import Running',
		name: 'waitIfImportRunning',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait and retry, with growing pauses, while NXCloud answers retCode 1001 (an earlier import of this task is still running). Off: fail at once with that reason.',
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 120,
		description: 'How long to keep waiting for a running import to finish',
	},
	{
		displayName: 'Check Result After Unclear Failure',
		name: 'checkAfterUnclearFailure',
		type: 'boolean',
		default: true,
		description:
			"Whether to ask NXCloud for the latest batch (Export Latest Batch, read-only) when the import's answer is lost (timeout, connection reset, server error), and report per row what NXCloud holds. An import is never sent twice: a second import would open another batch and drop the numbers of the first.",
	},
];
