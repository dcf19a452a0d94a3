import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toText } from '../../shared/values';
import { type SmsRuleInput, type SmsSpelling, funcFlag, taskCreateSetting } from './taskSettings';
import { DISPATCH_TYPE_OPTIONS, STARTUP_TYPE_OPTIONS, TIME_ZONE_OPTIONS } from './taskOptions';

/**
 * Task settings shared by Create, Create and Call and Update. Field names and JSON types are the
 * vendor's (docs/vendor-api.md §6, updateTask example); formats NXCloud does not publish pass through as typed.
 */
function settingsOptions(withCallOnlyFields: boolean): INodeProperties[] {
	const options: INodeProperties[] = [
		{
			displayName: 'Dial Days of Week',
			name: 'dialAtWeekDay',
			type: 'string',
			default: '',
			description:
				'Days the task may dial (dialAtWeekDay). Sent as typed: NXCloud does not publish the format, so there is no day picker; copy the value of a task set up in the NXCloud console.',
		},
		{
			displayName: 'Dial From Hour',
			name: 'dialAtUpHour',
			type: 'string',
			default: '',
			description:
				'Start of the daily dialling window, in the task time zone (dialAtUpHour). Sent as typed: NXCloud does not publish the format, so there is no hour picker; copy the value of a task set up in the NXCloud console.',
		},
		{
			displayName: 'Dial Until Hour',
			name: 'dialAtDownHour',
			type: 'string',
			default: '',
			description:
				'End of the daily dialling window, in the task time zone (dialAtDownHour). Sent as typed: NXCloud does not publish the format, so there is no hour picker; copy the value of a task set up in the NXCloud console.',
		},
		{
			displayName: 'Max Ring Time (Seconds)',
			name: 'maxRingTime',
			type: 'number',
			default: 30,
			description: 'How long a call may ring before it counts as unanswered (maxRingTime)',
		},
		{
			displayName: 'Route ID',
			name: 'routeID',
			type: 'string',
			default: '',
			description: 'Line route to dial through (routeID)',
		},
		{
			displayName: 'Startup At',
			name: 'startupAt',
			type: 'dateTime',
			default: '',
			description: 'When a scheduled task starts (startupAt, sent as Unix seconds)',
		},
		{
			displayName: 'Startup Type',
			name: 'startupType',
			type: 'options',
			options: STARTUP_TYPE_OPTIONS,
			default: 1,
			description:
				'How the task starts (startupType). The Callbot pages do not list the values; these are the ones NXCloud documents for the same field of its NXCC AI outbound API. Another number can be given as an expression.',
		},
		{
			displayName: 'Strategy Name',
			name: 'strategyName',
			type: 'string',
			default: '',
			description: 'Dialling strategy (strategyName)',
		},
		{
			displayName: 'Task Name',
			name: 'taskName',
			type: 'string',
			default: '',
			description: 'Name shown in the NXCloud console (taskName)',
		},
		{
			displayName: 'Time Zone',
			name: 'zoneSecond',
			type: 'options',
			options: TIME_ZONE_OPTIONS,
			default: 0,
			description:
				'Time zone of the dialling window (Dial From Hour, Dial Until Hour, Dial Days of Week). Sent as its offset from UTC in seconds (zoneSecond, e.g. 28800 for UTC+08:00); daylight saving time is not applied, so pick the offset in force. Another offset in seconds can be given as an expression.',
		},
	];
	if (withCallOnlyFields) {
		options.push(
			{
				displayName: 'Max Calls',
				name: 'maxCall',
				type: 'number',
				default: 1,
				description: 'Most calls per number (maxCall)',
			},
			{
				displayName: 'Task Callback URL',
				name: 'taskCallbackUrl',
				type: 'string',
				default: '',
				description: 'Where NXCloud posts task status changes (taskCallbackUrl)',
			},
		);
	}
	return options.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export function taskSettingFields(
	withCallOnlyFields: boolean,
	withPhoneEncrypt: boolean,
): INodeProperties[] {
	const functions: INodeProperties[] = [
		{
			displayName: 'Keep Task',
			name: 'taskKeep',
			type: 'boolean',
			default: false,
			description: 'Whether the task stays open after its numbers are done (taskKeep)',
		},
		{
			displayName: 'Round Redial',
			name: 'roundRedial',
			type: 'boolean',
			default: false,
			description: 'Whether unanswered numbers are redialled in rounds (roundRedial)',
		},
		{
			displayName: 'SMS Enabled',
			name: 'smsEnable',
			type: 'boolean',
			default: false,
			description: 'Whether SMS follow-ups are sent (smsEnable)',
		},
		{
			displayName: 'Whole TTS',
			name: 'wholeTTS',
			type: 'boolean',
			default: false,
			description: 'Whether the whole script is spoken by text-to-speech (wholeTTS)',
		},
	];
	if (withPhoneEncrypt) {
		functions.push({
			displayName: 'Encrypt Phone Numbers',
			name: 'phoneEncrypt',
			type: 'boolean',
			default: false,
			description: 'Whether phone numbers are masked in NXCloud (phoneEncrypt)',
		});
		functions.sort((a, b) => a.displayName.localeCompare(b.displayName));
	}
	return [
		{
			displayName: 'Task Settings',
			name: 'taskSettings',
			type: 'collection',
			placeholder: 'Add Setting',
			default: {},
			options: settingsOptions(withCallOnlyFields),
		},
		{
			displayName: 'Manual Call Settings',
			name: 'manualCallSettings',
			type: 'collection',
			placeholder: 'Add Setting',
			default: {},
			description: 'Hand-over to human agents (manualCallSetting)',
			options: [
				{ displayName: 'Agent Group', name: 'agentGroup', type: 'string', default: '' },
				{
					displayName: 'Dispatch Type',
					name: 'dispatchType',
					type: 'options',
					options: DISPATCH_TYPE_OPTIONS,
					default: 0,
					description:
						'How calls are handed to agents (dispatchType). The Callbot pages do not list the values; these are the ones NXCloud documents for the same field of its NXCC AI outbound API. Another number can be given as an expression.',
				},
				{
					displayName: 'Predict Call Rate',
					name: 'predictCallRate',
					type: 'number',
					typeOptions: { numberPrecision: 2 },
					default: 1,
				},
				{
					displayName: 'Ratio Call Rate',
					name: 'ratioCallRate',
					type: 'number',
					typeOptions: { numberPrecision: 1 },
					default: 1,
				},
			],
		},
		{
			displayName: 'Functions',
			name: 'functions',
			type: 'collection',
			placeholder: 'Add Function',
			default: {},
			description: 'Task switches (funcFlag)',
			options: functions,
		},
		{
			displayName: 'SMS Rules',
			name: 'smsRules',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, multipleValueButtonText: 'Add SMS Rule' },
			default: {},
			description: 'Which SMS to send after calls with given intents (smsFuncFlag)',
			options: [
				{
					displayName: 'Rule',
					name: 'rule',
					values: [
						{ displayName: 'SMS ID', name: 'smsId', type: 'string', default: '' },
						{
							displayName: 'Intent IDs',
							name: 'intentIds',
							type: 'string',
							default: '',
							description: 'Comma-separated',
						},
						{
							displayName: 'Intent Names',
							name: 'intentNames',
							type: 'string',
							default: '',
							description: 'Comma-separated',
						},
					],
				},
			],
		},
	];
}

/** taskCreateSetting and funcFlag of item `itemIndex`, each only when something was set. */
export function readTaskSettings(
	ctx: IExecuteFunctions,
	itemIndex: number,
	spelling: SmsSpelling,
): IDataObject {
	const out: IDataObject = {};
	const setting = taskCreateSetting(
		ctx.getNodeParameter('taskSettings', itemIndex, {}) as IDataObject,
		ctx.getNodeParameter('manualCallSettings', itemIndex, {}) as IDataObject,
	);
	if (setting) out.taskCreateSetting = setting;
	const flags = funcFlag(
		ctx.getNodeParameter('functions', itemIndex, {}) as IDataObject,
		ctx.getNodeParameter('smsRules.rule', itemIndex, []) as SmsRuleInput[],
		spelling,
	);
	if (flags) out.funcFlag = flags;
	return out;
}

export const SCENE_ID_FIELD: INodeProperties = {
	displayName: 'Scene ID',
	name: 'sceneId',
	type: 'string',
	required: true,
	default: '',
	description: 'ID of the script template: console → Script Management (sceneID)',
};

export const NEW_TASK_ID_FIELD: INodeProperties = {
	displayName: 'User Task ID',
	name: 'userTaskId',
	type: 'string',
	default: '',
	description:
		'Your own unique ID for the new task (userTaskID). Leave empty to have a UUID generated; it is returned on the output.',
};

/** The Scene ID of item `itemIndex`; throws naming the field when empty. */
export function requireSceneId(ctx: IExecuteFunctions, itemIndex: number): string {
	const sceneID = toText(ctx.getNodeParameter('sceneId', itemIndex, ''), 'Scene ID').trim();
	if (sceneID === '')
		throw new Error(
			'Scene ID is empty: give the ID of the script template (console → Script Management)',
		);
	return sceneID;
}

/** The new task's userTaskID (given or generated) and sceneID of item `itemIndex`. */
export function readNewTaskIds(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { userTaskID: string; generated: boolean; sceneID: string } {
	const given = toText(ctx.getNodeParameter('userTaskId', itemIndex, ''), 'User Task ID').trim();
	return {
		userTaskID: given || randomUUID(),
		generated: given === '',
		sceneID: requireSceneId(ctx, itemIndex),
	};
}
