import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { APP_KEY_FIELD, BUSINESS_PHONE_FIELD } from '../common/fields';
import { optionsCollection } from '../common/options';
import { outputShapeProperties, shapeOutput } from '../common/outputShape';
import { runPhoneRequest } from './phoneRequest';

/** Simplify: the calling switches flat; business hours and SIP addresses only in the raw answer. */
export const SETTINGS_FIELDS = [
	'businessPhone',
	'status',
	'region',
	'iconStatus',
	'permissionStatus',
	'recordingStatus',
	'hoursStatus',
] as const;

const SETTINGS_RAW_FIELDS = [
	'business_phone',
	'customer_sip_addr',
	'hours_customize',
	'hours_status',
	'icon_status',
	'nx_sip_addr',
	'permission_status',
	'recording_status',
	'region',
	'status',
] as const;

/** Get Settings' answer (docs/vendor-api.md §3.3), flat; null where NXCloud sent nothing. */
export function simplifySettings(data: IDataObject): IDataObject {
	const values: IDataObject = {
		businessPhone: data.business_phone,
		status: data.status,
		region: data.region,
		iconStatus: data.icon_status,
		permissionStatus: data.permission_status,
		recordingStatus: data.recording_status,
		hoursStatus: data.hours_status,
	};
	const json: IDataObject = {};
	for (const key of SETTINGS_FIELDS) json[key] = values[key] ?? null;
	return json;
}

const properties: INodeProperties[] = [
	APP_KEY_FIELD,
	BUSINESS_PHONE_FIELD,
	...outputShapeProperties(SETTINGS_FIELDS, SETTINGS_RAW_FIELDS),
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppCalling'], operation: ['getSettings'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return shapeOutput(this, await runPhoneRequest(this, items, 'get'), simplifySettings);
}
