import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { openPlatformOutput } from '../../transport/envelope';
import { requirePhone } from '../../shared/phone';
import { toText } from '../../shared/values';
import { BUSINESS_PHONE_FIELD } from '../common/fields';
import { locatorValue } from '../common/locator';
import { optionsCollection, readOptions, retryPolicy } from '../common/options';
import { forEachItem } from '../common/perItem';
import { messagingRequest } from './requests';

const properties: INodeProperties[] = [
	{
		...BUSINESS_PHONE_FIELD,
		description:
			'Your WhatsApp business number that received the message, with country code (6 to 20 digits)',
	},
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ABGHhhdgYFCBnwIQNkLO2ipL1_ZpZ41mwgMHEg',
		description:
			'ID of the inbound message to mark as read (data.ID of an NXCloud Trigger message). WhatsApp marks the earlier messages of the chat read too and shows the sender blue ticks.',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppMessage'], operation: ['markAsRead'] } },
	properties,
);

/** Body of markMessageAsRead (§14): no appkey, status fixed "read". */
export function markAsReadBody(businessPhone: unknown, messageId: unknown) {
	const id = toText(messageId, 'Message ID').trim();
	if (id === '')
		throw new Error(
			'Message ID is empty: give the ID of the inbound message (data.id of the trigger item)',
		);
	return {
		business_phone: requirePhone(businessPhone, 'Business Phone'),
		messaging_product: 'whatsapp',
		message_id: id,
		status: 'read',
	};
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const options = readOptions(this, i);
		const body = markAsReadBody(
			locatorValue(this.getNodeParameter('businessPhone', i)),
			this.getNodeParameter('messageId', i),
		);
		// Marking read twice changes nothing, so a lost answer may be retried.
		const envelope = await messagingRequest(
			this,
			'markAsRead',
			body,
			retryPolicy(options, i, { retryAmbiguous: true }),
		);
		if (options.fullResponse === true) return openPlatformOutput(envelope, true);
		return { messageId: body.message_id, status: 'read', businessPhone: body.business_phone };
	});
}
