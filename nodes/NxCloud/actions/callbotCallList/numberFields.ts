import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NumberFields } from '../../helpers/callList';

/**
 * How each input item becomes one number (one Callbot "order"): expressions over the item,
 * shared by Import as New Batch, Add Numbers to Task and Create and Call.
 */
export const NUMBER_FIELDS: INodeProperties[] = [
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
		displayName: 'Other',
		name: 'other',
		type: 'string',
		default: '',
		description: 'Free text passed through to the order and call callbacks (other)',
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

export const CALLBACK_URL_FIELDS: INodeProperties[] = [
	{
		displayName: 'Order Callback URL',
		name: 'orderCallbackUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/…',
		description:
			'Where NXCloud posts each finished order (for example an NXCloud Trigger URL). Empty: no order callbacks.',
	},
	{
		displayName: 'Call Callback URL',
		name: 'callCallbackUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://n8n.example.com/webhook/…',
		description: 'Where NXCloud posts each finished call. Empty: no call callbacks.',
	},
];

/** The raw mapped values of item `itemIndex` (checked later by CallListBuilder). */
export function readNumberFields(ctx: IExecuteFunctions, itemIndex: number): NumberFields {
	return {
		itemIndex,
		phone: ctx.getNodeParameter('phone', itemIndex, ''),
		orderId: ctx.getNodeParameter('orderId', itemIndex, ''),
		userName: ctx.getNodeParameter('userName', itemIndex, ''),
		customerName: ctx.getNodeParameter('customerName', itemIndex, ''),
		other: ctx.getNodeParameter('other', itemIndex, ''),
		params: ctx.getNodeParameter('templateVariables.variable', itemIndex, []),
	};
}
