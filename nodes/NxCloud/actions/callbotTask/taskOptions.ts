import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Pickers for Callbot task settings whose wire values are numbers. The option values ARE the wire
 * values, so a picked option sends exactly what a number typed into the old field did, and a
 * saved workflow's number shows as its option (a number outside the list, or an expression, is
 * still sent as it is: n8n checks options only in the editor).
 */

/** Standard UTC offsets in minutes, with places that use them (standard time). */
const OFFSETS: ReadonlyArray<[number, string]> = [
	[-720, 'Baker Island'],
	[-660, 'American Samoa'],
	[-600, 'Hawaii'],
	[-570, 'Marquesas Islands'],
	[-540, 'Alaska'],
	[-480, 'Los Angeles, Vancouver'],
	[-420, 'Denver, Phoenix'],
	[-360, 'Mexico City, Chicago'],
	[-300, 'New York, Bogotá, Lima'],
	[-240, 'Santiago, Caracas, Halifax'],
	[-210, 'Newfoundland'],
	[-180, 'São Paulo, Buenos Aires'],
	[-120, 'South Georgia'],
	[-60, 'Azores, Cape Verde'],
	[60, 'Lagos, Berlin, Paris'],
	[120, 'Cairo, Johannesburg, Athens'],
	[180, 'Riyadh, Istanbul, Moscow, Nairobi'],
	[210, 'Tehran'],
	[240, 'Dubai, Baku'],
	[270, 'Kabul'],
	[300, 'Karachi, Tashkent'],
	[330, 'India, Sri Lanka'],
	[345, 'Nepal'],
	[360, 'Dhaka, Almaty'],
	[390, 'Myanmar'],
	[420, 'Jakarta, Bangkok, Ho Chi Minh City'],
	[480, 'China, Hong Kong, Singapore, Manila, Kuala Lumpur'],
	[540, 'Tokyo, Seoul'],
	[570, 'Darwin, Adelaide'],
	[600, 'Sydney, Guam'],
	[630, 'Lord Howe Island'],
	[660, 'Solomon Islands, New Caledonia'],
	[720, 'Auckland, Fiji'],
	[765, 'Chatham Islands'],
	[780, 'Tonga, Samoa'],
	[840, 'Kiribati (Line Islands)'],
];

/** "UTC+05:30" for 330 minutes. */
export function utcOffsetLabel(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	const hh = String(Math.floor(abs / 60)).padStart(2, '0');
	const mm = String(abs % 60).padStart(2, '0');
	return `UTC${sign}${hh}:${mm}`;
}

/**
 * Time Zone (zoneSecond): the offset from UTC in seconds. UTC comes first (value 0, the old
 * default), then west to east.
 */
export const TIME_ZONE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'UTC+00:00 (UTC, London, Lisbon, Accra)', value: 0 },
	...OFFSETS.map(([minutes, places]) => ({
		name: `${utcOffsetLabel(minutes)} (${places})`,
		value: minutes * 60,
	})),
];

/**
 * Startup Type (startupType). The Callbot pages do not list the values; NXCloud's NXCC API
 * documents the same field of its AI outbound tasks as 0 none, 1 manual, 2 scheduled, 3 immediate
 * (docs/vendor-api.md §6).
 */
export const STARTUP_TYPE_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Manual',
		value: 1,
		description: 'The task waits for Start Callbot task (or a start in the console)',
	},
	{ name: 'Scheduled', value: 2, description: 'The task starts by itself at Startup At' },
	{ name: 'Immediate', value: 3, description: 'The task starts dialling as soon as it is created' },
	{ name: 'None', value: 0, description: "NXCloud's value 0: no startup type" },
];

/**
 * Dispatch Type (manualCallSetting.dispatchType): how calls are handed to human agents. As for
 * startupType, the values are those NXCloud's NXCC API documents: 0 none, 1 proportional,
 * 2 predictive.
 */
export const DISPATCH_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'None', value: 0, description: 'No hand-over to agents' },
	{
		name: 'Proportional',
		value: 1,
		description: 'Calls per free agent set by Ratio Call Rate',
	},
	{
		name: 'Predictive',
		value: 2,
		description: 'Dialling paced by the predicted agent availability (Predict Call Rate)',
	},
];
