import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { APP_KEY_FIELD, BUSINESS_PHONE_FIELD } from '../common/fields';
import { optionsCollection } from '../common/options';
import { DOWNLOAD_RECORDING_OPTION, attachRecordings } from '../common/recording';
import { runPhoneRequest } from './phoneRequest';

const properties: INodeProperties[] = [
	APP_KEY_FIELD,
	BUSINESS_PHONE_FIELD,
	{
		displayName: 'Call ID',
		name: 'callId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. outgoing:wacid.HBgN…',
		description:
			'The call_id of the call, as the NXCloud calls webhook (NXCloud Trigger) delivers it',
	},
	optionsCollection([DOWNLOAD_RECORDING_OPTION]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppCalling'], operation: ['getCallRecord'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const records = await runPhoneRequest(this, items, 'query');
	// `calls` holds the one record asked for (§3.4); with Full Response it sits under `data`.
	return await attachRecordings(this, records, (json) => {
		const data = (json.calls ? json : (json.data ?? {})) as IDataObject;
		const calls = Array.isArray(data.calls) ? (data.calls as IDataObject[]) : [];
		return calls[0]?.record;
	});
}
