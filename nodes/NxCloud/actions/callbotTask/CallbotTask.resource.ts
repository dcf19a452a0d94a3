import type { INodeProperties } from 'n8n-workflow';

import { actionName } from '../common/actionName';
import * as complete from './complete.operation';
import * as create from './create.operation';
import * as createAndCall from './createAndCall.operation';
import * as getAll from './getAll.operation';
import * as pause from './pause.operation';
import * as start from './start.operation';
import * as update from './update.operation';

export { complete, create, createAndCall, getAll, pause, start, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['callbotTask'] } },
		options: [
			{
				name: 'Complete',
				value: 'complete',
				description:
					'Finish a Callbot task for good; it cannot be started again. Optionally deletes its undialled numbers.',
				action: actionName('Complete Callbot task'),
			},
			{
				name: 'Create',
				value: 'create',
				description:
					'Create a Callbot AI outbound-call task from a script template, without numbers. Does not dial.',
				action: actionName('Create Callbot task'),
			},
			{
				name: 'Create and Call',
				value: 'createAndCall',
				description:
					'Create a Callbot task and import the input items as its numbers in one request. May start dialling real phones, depending on the startup type.',
				action: actionName('Create Callbot task and call'),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List Callbot tasks with their statistics, filtered by status, name, scene, ID or creation time. Read-only.',
				action: actionName('Get many Callbot tasks'),
			},
			{
				name: 'Pause',
				value: 'pause',
				description: 'Pause a running Callbot task: no new calls until it is started again',
				action: actionName('Pause Callbot task'),
			},
			{
				name: 'Start',
				value: 'start',
				description: 'Start (or resume) a Callbot task: it dials its numbers, real phones ring',
				action: actionName('Start Callbot task'),
			},
			{
				name: 'Update',
				value: 'update',
				description:
					'Change the settings and functions of a paused or not yet started Callbot task',
				action: actionName('Update Callbot task'),
			},
		],
		default: 'create',
	},
	...create.description,
	...createAndCall.description,
	...update.description,
	...start.description,
	...pause.description,
	...complete.description,
	...getAll.description,
];
