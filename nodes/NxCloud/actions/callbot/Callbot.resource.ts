import type { INodeProperties } from 'n8n-workflow';

import { actionName } from '../common/actionName';
import * as ping from './ping.operation';

export { ping };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['callbot'] } },
		options: [
			{
				name: 'Ping',
				value: 'ping',
				description: 'Check that Callbot answers and accepts the credential. Read-only.',
				action: actionName('Ping Callbot'),
			},
		],
		default: 'ping',
	},
	...ping.description,
];
