import type { INodeProperties } from 'n8n-workflow';

import { actionName } from '../common/actionName';
import * as addNumbers from './addNumbers.operation';
import * as exportBatch from './exportBatch.operation';
import * as getAllCalls from './getAllCalls.operation';
import * as getAllNumbers from './getAllNumbers.operation';
import * as getNumberDetails from './getNumberDetails.operation';
import * as importBatch from './importBatch.operation';
import * as stopNumbers from './stopNumbers.operation';

export {
	addNumbers,
	exportBatch,
	getAllCalls,
	getAllNumbers,
	getNumberDetails,
	importBatch,
	stopNumbers,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['callbotCallList'] } },
		options: [
			{
				name: 'Add Numbers to Task',
				value: 'addNumbers',
				description:
					'Add numbers to a Callbot task without touching the numbers already in it (one number per input item). Dials real phones if the task is running.',
				action: actionName('Add numbers to Callbot task'),
			},
			{
				name: 'Export Latest Batch',
				value: 'exportBatch',
				description:
					"List every number of a task's latest imported batch with its call status and intents, one item per number, ready for Convert to File. Read-only.",
				action: actionName('Export latest Callbot batch'),
			},
			{
				name: 'Get Many Calls',
				value: 'getAllCalls',
				description:
					'List the calls of a Callbot task (a number may have several calls), with filters on intent, status, turns, duration and start time. Read-only.',
				action: actionName('Get many Callbot calls'),
			},
			{
				name: 'Get Many Numbers',
				value: 'getAllNumbers',
				description:
					'List the numbers (orders) of a Callbot task with the last call of each, with filters on order ID, intent, status and whether finished. Read-only.',
				action: actionName('Get many Callbot numbers'),
			},
			{
				name: 'Get Number Details',
				value: 'getNumberDetails',
				description:
					'Get every call of given numbers (by order ID) of a Callbot task: status, times, recording, intents, SMS, agent. Read-only.',
				action: actionName('Get Callbot number details'),
			},
			{
				name: 'Import as New Batch',
				value: 'importBatch',
				description:
					'Import the input items as a new batch of numbers into a Callbot task, one number per item, in one request. Removes the undialled numbers of the previous batch. Dials real phones if the task is running.',
				action: actionName('Import new Callbot batch'),
			},
			{
				name: 'Stop Numbers',
				value: 'stopNumbers',
				description:
					'Stop numbers of a Callbot task from being dialled, by order ID. Irreversible.',
				action: actionName('Stop Callbot numbers'),
			},
		],
		default: 'importBatch',
	},
	...importBatch.description,
	...exportBatch.description,
	...addNumbers.description,
	...stopNumbers.description,
	...getAllNumbers.description,
	...getNumberDetails.description,
	...getAllCalls.description,
];
