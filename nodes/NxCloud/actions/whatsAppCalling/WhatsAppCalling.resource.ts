import type { INodeProperties } from 'n8n-workflow';

import { actionName } from '../common/actionName';
import * as disable from './disable.operation';
import * as enable from './enable.operation';
import * as getCallRecord from './getCallRecord.operation';
import * as getSettings from './getSettings.operation';
import * as updateSettings from './updateSettings.operation';

export { disable, enable, getCallRecord, getSettings, updateSettings };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['whatsAppCalling'] } },
		options: [
			{
				name: 'Disable',
				value: 'disable',
				description:
					'Turn WhatsApp calling off for a business phone. Changes live calling settings: users can no longer call the number.',
				action: actionName('Disable WhatsApp calling'),
			},
			{
				name: 'Enable',
				value: 'enable',
				description:
					'Turn WhatsApp calling on for a business phone with its settings: SIP addresses, call icon, call-back prompt, recording, region and business hours. With Keep Current Settings (the default for new nodes), settings you do not set stay as they are. Changes live calling settings.',
				action: actionName('Enable WhatsApp calling'),
			},
			{
				name: 'Get Call Record',
				value: 'getCallRecord',
				description:
					'Read the record of one WhatsApp call by its call ID: parties, start and end time, duration, cost, recording link, who hung up. Read-only.',
				action: actionName('Get WhatsApp call record'),
			},
			{
				name: 'Get Settings',
				value: 'getSettings',
				description:
					"Read a business phone's WhatsApp calling settings and status (enabled, disabled or in arrears), with NXCloud's SIP addresses. Read-only.",
				action: actionName('Get WhatsApp calling settings'),
			},
			{
				name: 'Update Settings',
				value: 'updateSettings',
				description:
					'Change some WhatsApp calling settings of a business phone whose calling is on; the settings you do not set stay as they are. Changes live calling settings.',
				action: actionName('Update WhatsApp calling settings'),
			},
		],
		default: 'getSettings',
	},
	...enable.description,
	...disable.description,
	...getSettings.description,
	...getCallRecord.description,
	...updateSettings.description,
];
