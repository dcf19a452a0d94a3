import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { actionAppKey } from '../common/appKey';
import { APP_KEY_FIELD, BUSINESS_PHONE_FIELD, cautionNotice } from '../common/fields';
import { locatorValue } from '../common/locator';
import { optionsCollection } from '../common/options';
import { type MediaInput, type MessageType, sendBody } from './messageBody';
import { RECIPIENT_FIELD, SEND_OPTIONS, runSend, sendOptionsOf } from './sending';

const MEDIA = ['image', 'video', 'audio', 'document', 'sticker'];
const INTERACTIVE = ['buttons', 'list'];
const show = (...messageType: string[]) => ({ show: { messageType } });

const properties: INodeProperties[] = [
	cautionNotice(
		'Caution: this sends a WhatsApp message to a real person at once. Outside 24 hours after their last message only templates arrive (use Send Template).',
	),
	APP_KEY_FIELD,
	BUSINESS_PHONE_FIELD,
	RECIPIENT_FIELD,
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Audio', value: 'audio', description: 'A voice or audio file' },
			{
				name: 'Document',
				value: 'document',
				description: 'A file such as a PDF, with a file name',
			},
			{ name: 'Image', value: 'image', description: 'A picture with an optional caption' },
			{
				name: 'List',
				value: 'list',
				description: 'A menu of up to 10 rows the user picks one from',
			},
			{ name: 'Location', value: 'location', description: 'A pin on the map' },
			{
				name: 'Reaction',
				value: 'reaction',
				description: 'An emoji on one of the messages of the chat',
			},
			{
				name: 'Reply Buttons',
				value: 'buttons',
				description: 'Text with up to 3 buttons the user can tap',
			},
			{ name: 'Sticker', value: 'sticker', description: 'A WebP sticker' },
			{
				name: 'Text',
				value: 'text',
				description: 'A text message, optionally with a link preview',
			},
			{ name: 'Video', value: 'video', description: 'A video with an optional caption' },
		],
		default: 'text',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description:
			'The message, up to 4096 characters. WhatsApp formatting works: *bold*, _italic_, ~strike~.',
		displayOptions: show('text'),
	},
	{
		displayName: 'Link Preview',
		name: 'previewUrl',
		type: 'boolean',
		default: false,
		description:
			'Whether WhatsApp shows a preview of the first http(s) link in the text (links to IP addresses get none)',
		displayOptions: show('text'),
	},
	{
		displayName: 'Media Source',
		name: 'mediaSource',
		type: 'options',
		options: [
			{ name: 'Link', value: 'link', description: 'A public http(s) URL of the file' },
			{
				name: 'Media ID',
				value: 'id',
				description: "The ID of a file uploaded to NXCloud, or of an inbound message's media",
			},
		],
		default: 'link',
		displayOptions: show(...MEDIA),
	},
	{
		displayName: 'Media Link',
		name: 'mediaLink',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/brochure.pdf',
		displayOptions: { show: { messageType: MEDIA, mediaSource: ['link'] } },
	},
	{
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5867096a-a9be-4a56-94d6-89377623b4ac',
		displayOptions: { show: { messageType: MEDIA, mediaSource: ['id'] } },
	},
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		default: '',
		description: 'Text shown under the media, up to 1024 characters',
		displayOptions: show('image', 'video', 'document'),
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'e.g. invoice-1234.pdf',
		description: 'Name the recipient sees for the document',
		displayOptions: show('document'),
	},
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		typeOptions: { minValue: -90, maxValue: 90, numberPrecision: 8 },
		required: true,
		default: 0,
		displayOptions: show('location'),
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		typeOptions: { minValue: -180, maxValue: 180, numberPrecision: 8 },
		required: true,
		default: 0,
		displayOptions: show('location'),
	},
	{
		displayName: 'Location Name',
		name: 'locationName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Head office',
		displayOptions: show('location'),
	},
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		displayOptions: show('location'),
	},
	{
		displayName: 'Header Text',
		name: 'headerText',
		type: 'string',
		default: '',
		description: 'Optional bold line above the body, up to 60 characters',
		displayOptions: show(...INTERACTIVE),
	},
	{
		displayName: 'Body Text',
		name: 'bodyText',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description: 'The question or text above the choices, up to 1024 characters',
		displayOptions: show(...INTERACTIVE),
	},
	{
		displayName: 'Footer Text',
		name: 'footerText',
		type: 'string',
		default: '',
		description: 'Optional small grey line below the body, up to 60 characters',
		displayOptions: show(...INTERACTIVE),
	},
	{
		displayName: 'Buttons',
		name: 'replyButtons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Button' },
		default: {},
		description:
			"1 to 3 buttons. A tap comes back to the NXCloud Trigger as an interactive button_reply with the button's ID.",
		displayOptions: show('buttons'),
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						description: 'Label of the button, up to 20 characters',
					},
					{
						displayName: 'ID',
						name: 'id',
						type: 'string',
						default: '',
						description: 'Returned when tapped, up to 256 characters; empty: the title',
					},
				],
			},
		],
	},
	{
		displayName: 'List Button Text',
		name: 'listButton',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Choose a dish',
		description: 'Label of the button that opens the list, up to 20 characters',
		displayOptions: show('list'),
	},
	{
		displayName: 'Rows',
		name: 'listRows',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Row' },
		default: {},
		description:
			"1 to 10 rows. Rows with the same section title form one section. A pick comes back as an interactive list_reply with the row's ID.",
		displayOptions: show('list'),
		options: [
			{
				displayName: 'Row',
				name: 'row',
				values: [
					{
						displayName: 'Section Title',
						name: 'section',
						type: 'string',
						default: '',
						description: 'Up to 24 characters; may stay empty when there is one section',
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						description: 'Up to 24 characters',
					},
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
						description: 'Optional, up to 72 characters',
					},
					{
						displayName: 'ID',
						name: 'id',
						type: 'string',
						default: '',
						description: 'Returned when picked, up to 200 characters; empty: the title',
					},
				],
			},
		],
	},
	{
		displayName: 'Message ID',
		name: 'reactionMessageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. wamid.HBgLODUy…',
		description:
			'ID of the message to react to (for an inbound message: its data.ID from the NXCloud Trigger)',
		displayOptions: show('reaction'),
	},
	{
		displayName: 'Emoji',
		name: 'emoji',
		type: 'string',
		required: true,
		default: '👍',
		displayOptions: show('reaction'),
	},
	{
		displayName: 'Meta Message ID',
		name: 'reactionMetaMessageId',
		type: 'string',
		default: '',
		description:
			"Meta's ID of that message (meta_message_id) when NXCloud gave one; empty: the Message ID",
		displayOptions: show('reaction'),
	},
	optionsCollection(SEND_OPTIONS),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppMessage'], operation: ['send'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const type = this.getNodeParameter('messageType', 0) as MessageType;
	const appKey = actionAppKey(this);
	return await runSend(this, items, 'send', async (i, options) => {
		const param = (name: string, fallback: unknown = '') =>
			this.getNodeParameter(name, i, fallback);
		const media: MediaInput | undefined = MEDIA.includes(type)
			? {
					source: param('mediaSource', 'link') === 'id' ? 'id' : 'link',
					link: param('mediaLink'),
					id: param('mediaId'),
					caption: param('caption'),
					fileName: param('fileName'),
				}
			: undefined;
		return sendBody(
			{
				appKey: await appKey(i),
				businessPhone: locatorValue(param('businessPhone')),
				to: param('to'),
				type,
				text: type === 'text' ? param('text') : undefined,
				previewUrl: type === 'text' ? (param('previewUrl', false) as boolean) : undefined,
				media,
				location:
					type === 'location'
						? {
								latitude: param('latitude', 0),
								longitude: param('longitude', 0),
								name: param('locationName'),
								address: param('address'),
							}
						: undefined,
				interactive: INTERACTIVE.includes(type)
					? {
							header: param('headerText'),
							body: param('bodyText'),
							footer: param('footerText'),
							buttons: type === 'buttons' ? (param('replyButtons.button', []) as []) : undefined,
							listButton: type === 'list' ? param('listButton') : undefined,
							rows: type === 'list' ? (param('listRows.row', []) as []) : undefined,
						}
					: undefined,
				reaction:
					type === 'reaction'
						? {
								messageId: param('reactionMessageId'),
								metaMessageId: param('reactionMetaMessageId'),
								emoji: param('emoji'),
							}
						: undefined,
			},
			sendOptionsOf(options),
		);
	});
}
