import type { INodeProperties } from 'n8n-workflow';

import { actionName } from '../common/actionName';
import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['whatsAppBusinessPhone'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List the WhatsApp business numbers of an application: display name, status, quality rating, messaging tier. Read-only.',
				action: actionName('Get many WhatsApp business phones'),
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
