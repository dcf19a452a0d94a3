import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { type SipAddressInput, enableBody, phoneRef } from './callingBody';
import { sendKeptSettings } from './keptSettingsRequest';
import {
	businessHoursFields,
	fullSettingsFields,
	readCustomHours,
	settingsToChangeField,
} from './settingsFields';
import { openPlatformOutput } from '../../transport/envelope';
import { actionAppKey } from '../common/appKey';
import { APP_KEY_FIELD, BUSINESS_PHONE_FIELD, cautionNotice } from '../common/fields';
import { optionsCollection, readOptions, retryPolicy } from '../common/options';
import { locatorValue } from '../common/locator';
import { forEachItem } from '../common/perItem';
import { callingRequest } from '../../transport/requests';

/**
 * Node versions from which Keep Current Settings is on by default. Version 1 nodes keep sending
 * every setting (their saved workflows mean exactly that); they can switch it on.
 */
export const KEEP_SETTINGS_SINCE = 1.1;

const KEEP_CURRENT_SETTINGS: INodeProperties = {
	displayName: 'Keep Current Settings',
	name: 'keepCurrentSettings',
	type: 'boolean',
	default: true,
	description:
		'Whether settings you do not set here keep their current values, read from NXCloud just before the change. Off: every setting is sent, and one left at its default replaces the current value (e.g. turns recording off, drops business hours).',
};

const keep = { keepCurrentSettings: [true] };
const sendAll = { keepCurrentSettings: [false] };

const properties: INodeProperties[] = [
	cautionNotice(
		'Caution: this changes the live WhatsApp calling settings of the business phone (SIP routing, call icon, call-back prompt, recording, business hours). Calls follow the new settings at once.',
	),
	APP_KEY_FIELD,
	BUSINESS_PHONE_FIELD,
	{
		...KEEP_CURRENT_SETTINGS,
		displayOptions: { show: { '@version': [{ _cnd: { gte: KEEP_SETTINGS_SINCE } }] } },
	},
	{
		...KEEP_CURRENT_SETTINGS,
		default: false,
		displayOptions: { show: { '@version': [{ _cnd: { lt: KEEP_SETTINGS_SINCE } }] } },
	},
	...fullSettingsFields(sendAll),
	settingsToChangeField(keep),
	...businessHoursFields(false, sendAll),
	...businessHoursFields(true, keep).slice(0, 1),
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
		const ref = phoneRef(await appKey(i), locatorValue(this.getNodeParameter('businessPhone', i)));
		if (this.getNodeParameter('keepCurrentSettings', i, false) === true) {
			const envelope = await sendKeptSettings(this, i, ref, options, 'enable');
			return openPlatformOutput(envelope, options.fullResponse === true) as IDataObject;
		}
		const body = enableBody({
			appKey: ref.appkey,
			businessPhone: ref.business_phone,
			region: this.getNodeParameter('region', i),
			regionCode: this.getNodeParameter('regionCode', i, ''),
			showCallIcon: this.getNodeParameter('showCallIcon', i, true) as boolean,
			callbackPermission: this.getNodeParameter('callbackPermission', i, false) as boolean,
			recording: this.getNodeParameter('recording', i, false) as boolean,
			sip: this.getNodeParameter('sipAddresses.address', i, []) as SipAddressInput[],
			hours: readCustomHours(this, i),
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
