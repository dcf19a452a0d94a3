import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DAYS_OF_WEEK, type BusinessHoursInput } from './callingBody';
import { REGION_OPTIONS } from './pickers';

/**
 * The calling settings fields Enable and Update Settings share. Enable shows them two ways: the
 * full form (every setting sent, as before) and, with Keep Current Settings, only the settings to
 * change (the rest read from Get Settings). Parameter names are those workflows already store.
 */

const toTitle = (day: string): string => day.charAt(0) + day.slice(1).toLowerCase();

const withShow = (property: INodeProperties, show?: IDisplayOptions['show']): INodeProperties =>
	show
		? { ...property, displayOptions: { show: { ...property.displayOptions?.show, ...show } } }
		: property;

export const REGION_FIELD: INodeProperties = {
	displayName: 'Region',
	name: 'region',
	type: 'options',
	options: REGION_OPTIONS,
	default: 'SG',
	description: "Region of NXCloud's SIP servers that bridge the calls",
};

/** Shown for Region "Other Region Code" (at the top level and inside Settings to Change). */
export const REGION_CODE_FIELD: INodeProperties = {
	displayName: 'Region Code',
	name: 'regionCode',
	type: 'string',
	default: '',
	placeholder: 'e.g. SG',
	description:
		'Region code as NXCloud gave it to you. NXCloud publishes no list of regions; it documents SG.',
};

export const SIP_ADDRESSES_FIELD: INodeProperties = {
	displayName: 'SIP Addresses',
	name: 'sipAddresses',
	type: 'fixedCollection',
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
};

export const SHOW_CALL_ICON_FIELD: INodeProperties = {
	displayName: 'Show Call Icon',
	name: 'showCallIcon',
	type: 'boolean',
	default: true,
	description: 'Whether WhatsApp shows the call button in chats with this business phone',
};

export const CALLBACK_PERMISSION_FIELD: INodeProperties = {
	displayName: 'Ask for Call-Back Permission',
	name: 'callbackPermission',
	type: 'boolean',
	default: false,
	description: 'Whether WhatsApp asks users for permission to be called back',
};

export const RECORDING_FIELD: INodeProperties = {
	displayName: 'Record Calls',
	name: 'recording',
	type: 'boolean',
	default: false,
	description: 'Whether NXCloud records the calls',
};

/** The full form: every setting is sent, as Enable always did. */
export function fullSettingsFields(show?: IDisplayOptions['show']): INodeProperties[] {
	return [
		{ ...REGION_FIELD, required: true },
		{ ...REGION_CODE_FIELD, displayOptions: { show: { region: ['other'] } } },
		{ ...SIP_ADDRESSES_FIELD, required: true },
		SHOW_CALL_ICON_FIELD,
		CALLBACK_PERMISSION_FIELD,
		RECORDING_FIELD,
	].map((property) => withShow(property, show));
}

/** Only what the user adds is sent; everything else keeps the value Get Settings reads. */
export function settingsToChangeField(show?: IDisplayOptions['show']): INodeProperties {
	return withShow(
		{
			displayName: 'Settings to Change',
			name: 'settingsToChange',
			type: 'collection',
			placeholder: 'Add Setting',
			default: {},
			description:
				'Add only the settings to change. The others keep their current values, read from NXCloud (Get Settings) just before the change.',
			options: [
				CALLBACK_PERMISSION_FIELD,
				RECORDING_FIELD,
				REGION_FIELD,
				{
					...REGION_CODE_FIELD,
					description: `${REGION_CODE_FIELD.description} Used when Region is "Other Region Code".`,
				},
				SHOW_CALL_ICON_FIELD,
				{
					...SIP_ADDRESSES_FIELD,
					description: `${SIP_ADDRESSES_FIELD.description} Replaces all current SIP addresses.`,
				},
			],
		},
		show,
	);
}

const HOURS_CHOICES = {
	keep: {
		name: 'Keep Current Hours',
		value: 'keep',
		description: 'Business hours stay as they are now (read with Get Settings)',
	},
	none: { name: 'No Custom Hours', value: 'none', description: 'Calls are possible at any time' },
	custom: {
		name: 'Custom Hours',
		value: 'custom',
		description: 'Calls only in the weekly hours, except on holidays',
	},
};

/**
 * Business Hours and its details. `keepable` adds "Keep Current Hours" (the default there); the
 * full form keeps its old choices and default, so saved workflows read the same.
 */
export function businessHoursFields(
	keepable: boolean,
	show?: IDisplayOptions['show'],
): INodeProperties[] {
	const choice: INodeProperties = keepable
		? {
				displayName: 'Business Hours',
				name: 'businessHours',
				type: 'options',
				options: [HOURS_CHOICES.keep, HOURS_CHOICES.none, HOURS_CHOICES.custom],
				default: 'keep',
			}
		: {
				displayName: 'Business Hours',
				name: 'businessHours',
				type: 'options',
				options: [HOURS_CHOICES.none, HOURS_CHOICES.custom],
				default: 'none',
			};
	const custom = { show: { businessHours: ['custom'] } };
	const details: INodeProperties[] = [
		{
			displayName: 'Time Zone Name or ID',
			name: 'timezoneId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getCallingTimeZones' },
			required: true,
			default: '',
			description:
				'Time zone the business hours are in. Fixed offsets are sent as Meta\'s Etc/GMT IDs (UTC+08:00 is Etc/GMT-8); an expression may also give an offset such as UTC+8. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: custom,
		},
		{
			displayName: 'Weekly Hours',
			name: 'weeklyHours',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Opening Hours' },
			default: {},
			description: 'When calls are possible, per day of the week (at least one entry)',
			displayOptions: custom,
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
			displayOptions: custom,
			options: [
				{
					displayName: 'Holiday',
					name: 'holiday',
					values: [
						{
							displayName: 'Date',
							name: 'date',
							type: 'dateTime',
							default: '',
							description: 'The day (its time of day is ignored); YYYY-MM-DD also works',
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
	];
	return [withShow(choice, show), ...details];
}

/** The custom business hours as entered, or undefined when Business Hours is not "Custom Hours". */
export function readCustomHours(ctx: IExecuteFunctions, i: number): BusinessHoursInput | undefined {
	if (ctx.getNodeParameter('businessHours', i) !== 'custom') return undefined;
	return {
		timezoneId: ctx.getNodeParameter('timezoneId', i, ''),
		weekly: ctx.getNodeParameter('weeklyHours.hours', i, []) as BusinessHoursInput['weekly'],
		holidays: ctx.getNodeParameter('holidays.holiday', i, []) as BusinessHoursInput['holidays'],
	};
}
