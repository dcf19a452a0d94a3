import type { INodeProperties } from 'n8n-workflow';

import { actionName } from '../common/actionName';
import * as markAsRead from './markAsRead.operation';
import * as send from './send.operation';
import * as sendOtp from './sendOtp.operation';
import * as sendTemplate from './sendTemplate.operation';

export { markAsRead, send, sendOtp, sendTemplate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['whatsAppMessage'] } },
		options: [
			{
				name: 'Mark as Read',
				value: 'markAsRead',
				description:
					'Mark an inbound WhatsApp message (and the earlier ones of the chat) as read: the sender sees blue ticks',
				action: actionName('Mark WhatsApp message as read'),
			},
			{
				name: 'Send',
				value: 'send',
				description:
					'Send a WhatsApp message to a real person: text, image, video, audio, document, sticker, location, reply buttons, list or reaction, optionally quoting a message. Use it to reply within 24 hours of their last message; returns the message ID.',
				action: actionName('Send WhatsApp message'),
			},
			{
				name: 'Send OTP',
				value: 'sendOtp',
				description:
					"Send a one-time code to a real person through NXCloud's WhatsApp OTP service, which picks the template. Returns the message ID.",
				action: actionName('Send WhatsApp OTP'),
			},
			{
				name: 'Send Template',
				value: 'sendTemplate',
				description:
					'Send an approved WhatsApp template message to a real person, with its variables filled in. Works at any time, also after the 24-hour window; returns the message ID.',
				action: actionName('Send WhatsApp template'),
			},
		],
		default: 'send',
	},
	...send.description,
	...sendTemplate.description,
	...markAsRead.description,
	...sendOtp.description,
];
