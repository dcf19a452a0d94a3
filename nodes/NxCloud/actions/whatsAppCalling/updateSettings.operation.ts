import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { phoneRef } from './callingBody';
import { sendKeptSettings } from './keptSettingsRequest';
import { businessHoursFields, settingsToChangeField } from './settingsFields';
import { openPlatformOutput } from '../../transport/envelope';
import { actionAppKey } from '../common/appKey';
import { APP_KEY_FIELD, BUSINESS_PHONE_FIELD, cautionNotice } from '../common/fields';
import { optionsCollection, readOptions } from '../common/options';
import { locatorValue } from '../common/locator';
import { forEachItem } from '../common/perItem';

const properties: INodeProperties[] = [
	cautionNotice(
		'Caution: the settings you set here change live on the business phone at once; the others are read from NXCloud just before and sent back as they are. Calling stays on; a phone whose calling is off is refused (use Enable).',
	),
	APP_KEY_FIELD,
	BUSINESS_PHONE_FIELD,
	settingsToChangeField(),
	...businessHoursFields(true),
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppCalling'], operation: ['updateSettings'] } },
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
		const envelope = await sendKeptSettings(this, i, ref, options, 'update');
		return openPlatformOutput(envelope, options.fullResponse === true) as IDataObject;
	});
}
