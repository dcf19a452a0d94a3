import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	DAYS_OF_WEEK,
	type BusinessHoursInput,
	type SipAddressInput,
	enableBody,
} from './callingBody';
import { openPlatformOutput } from '../../transport/envelope';
import { actionAppKey } from '../common/appKey';
import { APP_KEY_FIELD, BUSINESS_PHONE_FIELD, cautionNotice } from '../common/fields';
import { optionsCollection, readOptions, retryPolicy } from '../common/options';
import { locatorValue } from '../common/locator';
import { forEachItem } from '../common/perItem';
import { callingRequest } from '../../transport/requests';

const toTitle = (day: string): string => day.charAt(0) + day.slice(1).toLowerCase();

const properties: INodeProperties[] = [
	cautionNotice(
		'Caution: this changes the live WhatsApp calling settings of the business phone (SIP routing, call icon, call-back prompt, recording, business hours). Calls follow the new settings at once.',
	),
	APP_KEY_FIELD,
	BUSINESS_PHONE_FIELD,
	{
		displayName: 'Region',
		name: 'region',
		type: 'string',
		required: true,
		default: 'SG',
		placeholder: 'e.g. SG',
		description: "Region of NXCloud's SIP servers that bridge the calls (NXCloud documents SG)",
	},
	{
		displayName: 'SIP Addresses',
		name: 'sipAddresses',
		type: 'fixedCollection',
		required: true,
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add SIP Address' },
		default: { address: [{ host: '', port: 5060, type: 1 }] },
		description:
			'Your SIP servers that calls are bridged to: 1 to 5, each host and port only once. NXCloud takes IP addresses only.',
		options: [
			{
				displayName: 'Address',
				name: 'address',
				values: [
					{
						displayName: 'Host',
						name: 'host',
						type: 'string',
						default: '',
						placeholder: 'e.g. 34.56.78.90',
						description: 'IP address of the SIP server (no domain names)',
					},
					{
						displayName: 'Port',
						name: 'port',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 65535 },
						default: 5060,
					},
					{
						displayName: 'Direction',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Inbound and Outbound', value: 1 },
							{ name: 'Inbound Only', value: 2 },
							{ name: 'Outbound Only', value: 3 },
						],
						default: 1,
						description: 'Which calls this SIP address handles',
					},
				],
			},
		],
	},
	{
		displayName: 'Show Call Icon',
		name: 'showCallIcon',
		type: 'boolean',
		default: true,
		description: 'Whether WhatsApp shows the call button in chats with this business phone',
	},
	{
		displayName: 'Ask for Call-Back Permission',
		name: 'callbackPermission',
		type: 'boolean',
		default: false,
		description: 'Whether WhatsApp asks users for permission to be called back',
	},
	{
		displayName: 'Record Calls',
		name: 'recording',
		type: 'boolean',
		default: false,
		description: 'Whether NXCloud records the calls',
	},
	{
		displayName: 'Business Hours',
		name: 'businessHours',
		type: 'options',
		options: [
			{ name: 'No Custom Hours', value: 'none', description: 'Calls are possible at any time' },
			{
				name: 'Custom Hours',
				value: 'custom',
				description: 'Calls only in the weekly hours, except on holidays',
			},
		],
		default: 'none',
	},
	{
		displayName: 'Time Zone',
		name: 'timezoneId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Etc/GMT-8',
		description: 'Meta time zone ID the business hours are in',
		displayOptions: { show: { businessHours: ['custom'] } },
	},
	{
		displayName: 'Weekly Hours',
		name: 'weeklyHours',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Opening Hours' },
		default: {},
		description: 'When calls are possible, per day of the week (at least one entry)',
		displayOptions: { show: { businessHours: ['custom'] } },
		options: [
			{
				displayName: 'Hours',
				name: 'hours',
				values: [
					{
						displayName: 'Day',
						name: 'day',
						type: 'options',
						options: DAYS_OF_WEEK.map((day) => ({ name: toTitle(day), value: day })),
						default: 'MONDAY',
					},
					{
						displayName: 'Open Time',
						name: 'openTime',
						type: 'string',
						default: '09:00',
						placeholder: 'e.g. 09:00',
						description: 'HH:MM or HHMM, 24-hour clock',
					},
					{
						displayName: 'Close Time',
						name: 'closeTime',
						type: 'string',
						default: '18:00',
						placeholder: 'e.g. 18:00',
						description: 'HH:MM or HHMM, 24-hour clock, after the open time',
					},
				],
			},
		],
	},
	{
		displayName: 'Holidays',
		name: 'holidays',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Holiday' },
		default: {},
		description: 'Dates and times when calls are not possible although the weekly hours say so',
		displayOptions: { show: { businessHours: ['custom'] } },
		options: [
			{
				displayName: 'Holiday',
				name: 'holiday',
				values: [
					{
						displayName: 'Date',
						name: 'date',
						type: 'string',
						default: '',
						placeholder: 'e.g. 2026-01-01',
						description: 'YYYY-MM-DD',
					},
					{
						displayName: 'Start Time',
						name: 'startTime',
						type: 'string',
						default: '00:00',
						description: 'HH:MM or HHMM, 24-hour clock',
					},
					{
						displayName: 'End Time',
						name: 'endTime',
						type: 'string',
						default: '23:59',
						description: 'HH:MM or HHMM, 24-hour clock, after the start time',
					},
				],
			},
		],
	},
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppCalling'], operation: ['enable'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const appKey = actionAppKey(this);
	return await forEachItem(this, items, async (i) => {
		const options = readOptions(this, i);
		const custom = this.getNodeParameter('businessHours', i) === 'custom';
		const hours: BusinessHoursInput | undefined = custom
			? {
					timezoneId: this.getNodeParameter('timezoneId', i, ''),
					weekly: this.getNodeParameter('weeklyHours.hours', i, []) as BusinessHoursInput['weekly'],
					holidays: this.getNodeParameter(
						'holidays.holiday',
						i,
						[],
					) as BusinessHoursInput['holidays'],
				}
			: undefined;
		const body = enableBody({
			appKey: await appKey(i),
			businessPhone: locatorValue(this.getNodeParameter('businessPhone', i)),
			region: this.getNodeParameter('region', i),
			showCallIcon: this.getNodeParameter('showCallIcon', i, true) as boolean,
			callbackPermission: this.getNodeParameter('callbackPermission', i, false) as boolean,
			recording: this.getNodeParameter('recording', i, false) as boolean,
			sip: this.getNodeParameter('sipAddresses.address', i, []) as SipAddressInput[],
			hours,
		});
		// Same settings twice end in the same state, so a lost answer may be retried.
		const envelope = await callingRequest(
			this,
			'enable',
			body,
			retryPolicy(options, i, { retryAmbiguous: true }),
		);
		return openPlatformOutput(envelope, options.fullResponse === true) as IDataObject;
	});
}
