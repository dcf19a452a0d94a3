import type { INodeProperties } from 'n8n-workflow';

import * as callbot from './callbot/Callbot.resource';
import * as callbotCallList from './callbotCallList/CallbotCallList.resource';
import * as callbotTask from './callbotTask/CallbotTask.resource';
import * as whatsAppCalling from './whatsAppCalling/WhatsAppCalling.resource';
import * as whatsAppMessage from './whatsAppMessage/WhatsAppMessage.resource';

/** Every parameter of the NXCloud node: the resource, then each resource's operations. */
export const nodeProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Callbot', value: 'callbot', description: 'Health check of the Callbot API' },
			{ name: 'Callbot Call List', value: 'callbotCallList', description: 'Numbers and calls of Callbot tasks' },
			{ name: 'Callbot Task', value: 'callbotTask', description: 'AI outbound-call tasks' },
			{ name: 'WhatsApp Calling', value: 'whatsAppCalling', description: 'WhatsApp voice calling settings and call records' },
			{
				name: 'WhatsApp Message',
				value: 'whatsAppMessage',
				description: 'Send WhatsApp messages and templates to people, mark messages as read',
			},
		],
		default: 'callbotTask',
	},
	...whatsAppCalling.description,
	...whatsAppMessage.description,
	...callbotTask.description,
	...callbotCallList.description,
	...callbot.description,
];
