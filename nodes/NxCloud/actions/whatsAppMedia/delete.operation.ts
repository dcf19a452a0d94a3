import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { BUSINESS_PHONE_FIELD } from '../common/fields';
import { optionsCollection, readOptions, retryPolicy } from '../common/options';
import { forEachItem } from '../common/perItem';
import { MESSAGING_PRODUCT, whatsAppRequest } from '../../transport/whatsApp';
import { MEDIA_ID_FIELD, businessPhoneOf, mediaIdOf } from './mediaFields';

const properties: INodeProperties[] = [BUSINESS_PHONE_FIELD, MEDIA_ID_FIELD, optionsCollection()];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppMedia'], operation: ['delete'] } },
	properties,
);

/** deleteMedia (§19). Deleting twice ends in the same state, so a lost answer may be retried. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const options = readOptions(this, i);
		const businessPhone = businessPhoneOf(this.getNodeParameter('businessPhone', i));
		const mediaId = mediaIdOf(this.getNodeParameter('mediaId', i, ''));
		const envelope = await whatsAppRequest(
			this,
			'deleteMedia',
			'deleteMedia',
			{ business_phone: businessPhone, 'Media-ID': mediaId, messaging_product: MESSAGING_PRODUCT },
			retryPolicy(options, i, { retryAmbiguous: true }),
		);
		if (options.fullResponse === true) return envelope;
		const data = (envelope.data ?? {}) as IDataObject;
		return { id: mediaId, success: data.success ?? null };
	});
}
