import type { INodeProperties } from 'n8n-workflow';

import { actionName } from '../common/actionName';
import * as create from './create.operation';
import * as deleteTemplate from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, get, getAll, update };
// "delete" is a reserved word, so the module is exported under the option value by hand.
export { deleteTemplate as delete };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['whatsAppTemplate'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description:
					'Submit a new message template to WhatsApp for review. Approval arrives later as a template event on the NXCloud Trigger.',
				action: actionName('Create WhatsApp template'),
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a template by name, in every language',
				action: actionName('Delete WhatsApp template'),
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one template by ID: status, quality, category and components. Read-only.',
				action: actionName('Get WhatsApp template'),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List the message templates of a business phone, optionally only one name. Read-only.',
				action: actionName('Get many WhatsApp templates'),
			},
			{
				name: 'Update',
				value: 'update',
				description: "Replace a template's components (and, for a rejected template, its category)",
				action: actionName('Update WhatsApp template'),
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...get.description,
	...create.description,
	...update.description,
	...deleteTemplate.description,
];
