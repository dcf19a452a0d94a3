import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_REDELIVERY_WINDOW, MAX_REDELIVERY_WINDOW } from './redelivery';
import { mediaProperties } from './media';

/** The trigger's parameters, in panel order. */
export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			"NXCloud has no API to register webhooks, and its console keeps one webhook URL per WhatsApp application (WhatsApp → application management → your application). To try the trigger, paste the Test URL above there and click Listen for test event; the Test URL answers only while the editor listens. When the workflow is ready, replace it with the Production URL and activate the workflow. Pushes are signed only when a receipt-signing algorithm is chosen in that application's settings; the trigger checks them with the Access Key and Access Secret of the credential.",
		name: 'whatsappSetupNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { source: ['whatsapp'] } },
	},
	{
		displayName:
			'NXCloud has no API to register webhooks: each Callbot task or import carries its own callback URLs (taskCallbackUrl, orderCallbackUrl, callCallbackUrl), and keeps calling the URL it was given. Give the Test URL above only to a test task while the editor listens (Listen for test event); give the Production URL to real tasks and activate the workflow. NXCloud signs callbacks with the algorithm chosen in the console (AI outbound call → Developer); set the same algorithm, UUID and Secret Key in the credential.',
		name: 'callbotSetupNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { source: ['callbot'] } },
	},
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'WhatsApp Webhook',
				value: 'whatsapp',
				description: 'Status, inbound message, template, account and call pushes',
			},
			{
				name: 'Callbot Callback',
				value: 'callbot',
				description: 'Task, order and call callbacks of the AI outbound-call robot',
			},
		],
		default: 'whatsapp',
		description:
			'Which NXCloud product posts to this URL. They are set up separately and sign differently.',
	},
	{
		displayName: 'Events to Emit',
		name: 'events',
		type: 'multiOptions',
		// Values are the `filterKey`s of events/whatsapp.ts. Same order as the outputs (events/outputs.ts).
		options: [
			{
				name: 'Account and Account Review Updates',
				value: 'account',
				description: 'To the Account output',
			},
			{
				name: 'Call Records',
				value: 'call',
				description: 'One record per finished WhatsApp call, to the Call output',
			},
			{
				name: 'Inbound Messages',
				value: 'message',
				description:
					'Text, media, location, interactive, order, reaction and other messages users send to your number, to the Message output',
			},
			{
				name: 'Phone Number Events',
				value: 'phone',
				description:
					'Display-name and quality-rating changes of a business number, to the Phone Number output',
			},
			{
				name: 'Status: Delivered',
				value: 'status.delivered',
				description: 'To the Delivered output',
			},
			{ name: 'Status: Failed', value: 'status.failed', description: 'To the Failed output' },
			{ name: 'Status: Read', value: 'status.read', description: 'To the Read output' },
			{ name: 'Status: Sent', value: 'status.sent', description: 'To the Sent output' },
			{
				name: 'Template Status, Quality and Category Updates',
				value: 'template',
				description: 'To the Template output',
			},
		],
		default: [
			'account',
			'call',
			'message',
			'phone',
			'status.delivered',
			'status.failed',
			'status.read',
			'status.sent',
			'template',
		],
		description:
			'Events that start the workflow; others are answered and dropped. Events the trigger does not recognise always go to the Other output.',
		displayOptions: { show: { source: ['whatsapp'] } },
	},
	{
		displayName: 'Events to Emit',
		name: 'callbotEvents',
		type: 'multiOptions',
		// Values are the `filterKey`s of events/callbot.ts. Same order as the outputs (events/outputs.ts).
		options: [
			{ name: 'Call Finished', value: 'call', description: 'To the Call output' },
			{ name: 'Order Finished', value: 'order', description: 'To the Order output' },
			{ name: 'Task Status', value: 'task', description: 'To the Task output' },
		],
		default: ['call', 'order', 'task'],
		description:
			'Callbacks that start the workflow; others are answered and dropped. Callbacks of an unknown shape always go to the Other output.',
		displayOptions: { show: { source: ['callbot'] } },
	},
	{
		displayName: 'Signature Check',
		name: 'signatureCheck',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Required',
				value: 'required',
				description: 'Refuse (401) anything unsigned or wrongly signed',
			},
			{
				name: 'Verify If Present',
				value: 'ifPresent',
				description: 'Refuse wrong signatures, let unsigned requests through',
			},
			{ name: 'Off', value: 'off', description: 'Accept everything posted to the URL' },
		],
		default: 'required',
	},
	{
		displayName:
			'Unsigned requests are accepted: anyone who learns this URL can start the workflow with made-up events. Turn on signing in the NXCloud console, then set this back to Required.',
		name: 'ifPresentWarning',
		type: 'notice',
		default: '',
		displayOptions: { show: { signatureCheck: ['ifPresent'] } },
	},
	{
		displayName:
			'Signatures are not checked: anyone who learns this URL can start the workflow with made-up events. Use this only for a first test.',
		name: 'offWarning',
		type: 'notice',
		default: '',
		displayOptions: { show: { signatureCheck: ['off'] } },
	},
	{
		displayName: 'Max Timestamp Age (Seconds)',
		name: 'maxTimestampAge',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'Refuse signed requests whose timestamp (ts, or createTs for Callbot) is more than this many seconds from now. 0 turns the check off: NXCloud does not say whether it re-signs retried pushes, so a window could refuse late retries after an outage. Exact replays are stopped by Drop Redeliveries either way.',
		displayOptions: { hide: { signatureCheck: ['off'] } },
	},
	{
		displayName: 'Business Phones',
		name: 'businessPhones',
		type: 'string',
		default: '',
		placeholder: 'e.g. 85266123456, +86 176 0000 0819',
		description:
			'Only emit events for these business numbers (comma-separated). Leave empty for all numbers.',
		displayOptions: { show: { source: ['whatsapp'] } },
	},
	{
		displayName: 'Events Without a Business Number',
		name: 'unknownPhoneEvents',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Emit',
				value: 'emit',
				description: 'Emit them: the filter cannot tell whose they are, so nothing is lost',
			},
			{
				name: 'Drop',
				value: 'drop',
				description: 'Answer and drop them: only events that name a listed number are emitted',
			},
		],
		default: 'emit',
		description:
			'What Business Phones does with events that name no business number (many status pushes carry none). Their count is in the log line of each push.',
		displayOptions: { show: { source: ['whatsapp'] } },
	},
	{
		displayName: 'Output Routing',
		name: 'outputRouting',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'One Output per Event Type', value: 'perType' },
			{ name: 'Single Output', value: 'single' },
		],
		default: 'perType',
	},
	{
		// Off by default, and it must stay so: a saved workflow lacks this parameter and n8n fills
		// in the default, so a default of true would change what every saved trigger emits. The
		// usual way out (a new typeVersion whose default is true) is closed to this node: n8n skips
		// its own body parsing only for typeVersion 1 (see the hidden "options" parameter below).
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description:
			'Whether to emit a flat item per event with the fields a workflow usually maps (for a message: from, name, type, text, messageId, replyToId, mediaId, time, businessPhone) instead of the raw event with its envelope',
	},
	{
		displayName: 'Drop Redeliveries',
		name: 'dropRedeliveries',
		type: 'boolean',
		default: true,
		description:
			'Whether to answer, but not emit, an event that was already received (same message ID and status, template event, order, call or task report)',
	},
	{
		displayName: 'Redelivery Window (Events)',
		name: 'redeliveryWindow',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_REDELIVERY_WINDOW },
		default: DEFAULT_REDELIVERY_WINDOW,
		description:
			'How many of the most recent events to remember for Drop Redeliveries: a count of events, not a time span. A redelivery older than this many events is emitted again.',
		displayOptions: { show: { dropRedeliveries: [true] } },
	},
	...mediaProperties,
	{
		// Not a user setting. n8n pre-parses the body of a version-1 webhook node unless its
		// `options.binaryData` is true, and answers malformed JSON with its own 422 before the node
		// runs. With this flag the trigger reads the raw bytes itself, so it can answer 400 with a
		// reason and JSON is parsed once, after the signature check.
		displayName: 'Raw Body',
		name: 'options',
		type: 'hidden',
		default: { binaryData: true },
	},
];
