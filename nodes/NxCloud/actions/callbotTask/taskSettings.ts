import type { IDataObject } from 'n8n-workflow';

import {
	callbackUrl,
	toInteger,
	toList,
	toNumber,
	toText,
	toUnixSeconds,
} from '../../shared/values';

/**
 * Task settings (taskCreateSetting) and functions (funcFlag) of createTask, createAndCall and
 * updateTask (docs/vendor-api.md §6). NXCloud publishes the field names and JSON types (the updateTask example) but
 * not the formats of dialAtWeekDay/dialAtUpHour/dialAtDownHour or the enums of startupType and
 * dispatchType, so those pass through as given. Only fields the user set are sent.
 */
const TEXT_SETTINGS = [
	'taskName',
	'strategyName',
	'dialAtWeekDay',
	'dialAtUpHour',
	'dialAtDownHour',
	'routeID',
];
const INTEGER_SETTINGS = ['startupType', 'zoneSecond', 'maxRingTime', 'maxCall'];
const MANUAL_TEXT = ['agentGroup'];
const MANUAL_INTEGER = ['dispatchType'];
const MANUAL_NUMBER = ['ratioCallRate', 'predictCallRate'];
const FLAGS = ['taskKeep', 'roundRedial', 'wholeTTS', 'smsEnable', 'phoneEncrypt'];

const has = (obj: IDataObject, key: string): boolean => obj[key] !== undefined && obj[key] !== null;

/** taskCreateSetting from the "Task Settings" and "Manual Call Settings" collections. */
export function taskCreateSetting(
	settings: IDataObject,
	manual: IDataObject = {},
): IDataObject | undefined {
	const out: IDataObject = {};
	for (const key of TEXT_SETTINGS) if (has(settings, key)) out[key] = toText(settings[key], key);
	for (const key of INTEGER_SETTINGS)
		if (has(settings, key)) out[key] = toInteger(settings[key], key);
	if (has(settings, 'startupAt'))
		out.startupAt = toUnixSeconds(settings.startupAt, 'startupAt') ?? 0;
	if (has(settings, 'taskCallbackUrl'))
		out.taskCallbackUrl = callbackUrl(settings.taskCallbackUrl, 'taskCallbackUrl');
	const manualOut: IDataObject = {};
	for (const key of MANUAL_TEXT) if (has(manual, key)) manualOut[key] = toText(manual[key], key);
	for (const key of MANUAL_INTEGER)
		if (has(manual, key)) manualOut[key] = toInteger(manual[key], key);
	for (const key of MANUAL_NUMBER)
		if (has(manual, key)) manualOut[key] = toNumber(manual[key], key);
	if (Object.keys(manualOut).length > 0) out.manualCallSetting = manualOut;
	return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The SMS rules' key spelling differs between the vendor's pages: createTask writes
 * `smsId/intentId`, createAndCall and updateTask write `smsID/intentID`. Each endpoint gets its own.
 */
export type SmsSpelling = 'createTask' | 'createAndCall';

export interface SmsRuleInput {
	smsId?: unknown;
	intentIds?: unknown;
	intentNames?: unknown;
}

/** funcFlag from the "Functions" collection (booleans) and the SMS rules. */
export function funcFlag(
	functions: IDataObject,
	smsRules: SmsRuleInput[],
	spelling: SmsSpelling,
): IDataObject | undefined {
	const out: IDataObject = {};
	for (const key of FLAGS) {
		if (!has(functions, key)) continue;
		if (typeof functions[key] !== 'boolean')
			throw new Error(`${key} must be true or false, got ${JSON.stringify(functions[key])}`);
		out[key] = functions[key];
	}
	if (smsRules.length > 0) {
		const [idKey, intentKey] =
			spelling === 'createTask' ? ['smsId', 'intentId'] : ['smsID', 'intentID'];
		out.smsFuncFlag = smsRules.map((rule, i) => {
			const smsId = toText(rule.smsId, `SMS rule ${i + 1} SMS ID`).trim();
			if (smsId === '') throw new Error(`SMS rule ${i + 1}: SMS ID is empty`);
			return {
				[idKey]: smsId,
				[intentKey]: toList(rule.intentIds, `SMS rule ${i + 1} intent IDs`),
				intentName: toList(rule.intentNames, `SMS rule ${i + 1} intent names`),
			};
		});
	}
	return Object.keys(out).length > 0 ? out : undefined;
}
