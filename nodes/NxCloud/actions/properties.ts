import type { INodeProperties } from 'n8n-workflow';

import * as callbot from './callbot/Callbot.resource';
import * as callbotCallList from './callbotCallList/CallbotCallList.resource';
import * as callbotTask from './callbotTask/CallbotTask.resource';
import * as whatsAppBusinessPhone from './whatsAppBusinessPhone/WhatsAppBusinessPhone.resource';
import * as whatsAppCalling from './whatsAppCalling/WhatsAppCalling.resource';
import * as whatsAppMedia from './whatsAppMedia/WhatsAppMedia.resource';
import * as whatsAppMessage from './whatsAppMessage/WhatsAppMessage.resource';
import * as whatsAppTemplate from './whatsAppTemplate/WhatsAppTemplate.resource';

/** Every parameter of the NXCloud node: the resource, then each resource's operations. */
export const nodeProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Callbot', value: 'callbot', description: 'Health check of the Callbot API' },
			{
				name: 'Callbot Call List',
				value: 'callbotCallList',
				description: 'Numbers and calls of Callbot tasks',
			},
			{ name: 'Callbot Task', value: 'callbotTask', description: 'AI outbound-call tasks' },
			{
				name: 'WhatsApp Business Phone',
				value: 'whatsAppBusinessPhone',
				description: 'The business numbers of a WhatsApp application',
			},
			{
				name: 'WhatsApp Calling',
				value: 'whatsAppCalling',
				description: 'WhatsApp voice calling settings and call records',
			},
			{
				name: 'WhatsApp Media',
				value: 'whatsAppMedia',
				description: 'Upload, download and delete media files',
			},
			{
				name: 'WhatsApp Message',
				value: 'whatsAppMessage',
				description: 'Send WhatsApp messages and templates to people, mark messages as read',
			},
			{
				name: 'WhatsApp Template',
				value: 'whatsAppTemplate',
				description: 'Message templates: list, read, create, update, delete',
			},
		],
		default: 'callbotTask',
	},
	...whatsAppCalling.description,
	...whatsAppMessage.description,
	...whatsAppMedia.description,
	...whatsAppTemplate.description,
	...whatsAppBusinessPhone.description,
	...callbotTask.description,
	...callbotCallList.description,
	...callbot.description,
];
