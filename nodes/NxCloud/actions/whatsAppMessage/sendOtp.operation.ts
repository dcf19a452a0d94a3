import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { normalisePhone, requirePhone } from '../../shared/phone';
import { toText } from '../../shared/values';
import { actionAppKey } from '../common/appKey';
import { APP_KEY_FIELD, cautionNotice } from '../common/fields';
import { optionsCollection } from '../common/options';
import { sendExtras } from './messageBody';
import { CUSTOM_ID_OPTION, RECIPIENT_FIELD, STATUS_WEBHOOK_OPTION, runSend } from './sending';

const properties: INodeProperties[] = [
	cautionNotice('Caution: this sends a one-time code to a real person on WhatsApp at once.'),
	APP_KEY_FIELD,
	{
		displayName: 'Business Phone',
		name: 'businessPhone',
		type: 'string',
		default: '',
		placeholder: 'e.g. 8613300000000',
		description:
			"Sender number, with country code. May stay empty: NXCloud's OTP number pool then picks the sender.",
	},
	RECIPIENT_FIELD,
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 189384',
		description: 'The one-time code: 4 to 8 digits',
	},
	{
		displayName: 'Language Code',
		name: 'languageCode',
		type: 'string',
		required: true,
		default: 'en',
		placeholder: 'e.g. en, en_US, zh_CN',
		description: 'Language of the message NXCloud sends the code in',
	},
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		options: [
			{ name: 'Authentication', value: 'AUTHENTICATION' },
			{ name: 'Utility', value: 'UTILITY' },
		],
		default: 'AUTHENTICATION',
		description: 'Template category NXCloud sends the code with',
	},
	optionsCollection([CUSTOM_ID_OPTION, STATUS_WEBHOOK_OPTION]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppMessage'], operation: ['sendOtp'] } },
	properties,
);

/** Body of /api/wa/otp (§20). NXCloud picks the template; no template name is sent. */
export function otpBody(input: {
	appKey: unknown;
	businessPhone: unknown;
	to: unknown;
	code: unknown;
	languageCode: unknown;
	category: unknown;
	options: IDataObject;
}): IDataObject {
	const appkey = toText(input.appKey, 'App Key').trim();
	if (appkey === '')
		throw new Error('App Key is empty: give the NXCloud WhatsApp application key (e.g. pem28kje)');
	const body: IDataObject = { appkey };
	// The 2025 page leaves business_phone out (the number pool picks it); the English page requires it.
	if (normalisePhone(input.businessPhone) !== '')
		body.business_phone = requirePhone(input.businessPhone, 'Business Phone');
	body.messaging_product = 'whatsapp';
	body.recipient_type = 'individual';
	body.to = requirePhone(input.to, 'Recipient Phone');
	const category = toText(input.category, 'Category').trim() || 'AUTHENTICATION';
	if (category !== 'AUTHENTICATION' && category !== 'UTILITY') {
		throw new Error(`Category must be AUTHENTICATION or UTILITY, got "${category}"`);
	}
	body.category = category;
	const code = toText(input.code, 'Code').trim();
	if (!/^\d{4,8}$/.test(code)) throw new Error(`Code must be 4 to 8 digits, got "${code}"`);
	body.content = code;
	const language = toText(input.languageCode, 'Language Code').trim();
	if (!/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/.test(language)) {
		throw new Error(`Language Code must look like en, en_US or zh_CN, got "${language}"`);
	}
	body.language_code = language;
	const extras = sendExtras({
		cusMessageId: input.options.cusMessageId,
		drWebhook: input.options.drWebhook,
	});
	return { ...body, ...extras };
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const appKey = actionAppKey(this);
	return await runSend(this, items, 'otp', async (i, options) =>
		otpBody({
			appKey: await appKey(i),
			businessPhone: this.getNodeParameter('businessPhone', i, ''),
			to: this.getNodeParameter('to', i),
			code: this.getNodeParameter('code', i),
			languageCode: this.getNodeParameter('languageCode', i),
			category: this.getNodeParameter('category', i, 'AUTHENTICATION'),
			options,
		}),
	);
}
