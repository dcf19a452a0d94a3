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
import { MESSAGING_PRODUCT, whatsAppUpload } from '../../transport/whatsApp';
import { binaryPropertyField, businessPhoneOf } from './mediaFields';
import { checkUpload } from './mediaRules';

const properties: INodeProperties[] = [
	BUSINESS_PHONE_FIELD,
	binaryPropertyField(
		'Name of the binary field holding the file. JPEG/PNG images up to 5 MB, AAC/MP4/MPEG/AMR/OGG (opus) audio and MP4/3GP video up to 16 MB, PDF, text and Office documents up to 100 MB, WebP stickers up to 100 KB.',
	),
	optionsCollection([
		{
			displayName: 'MIME Type',
			name: 'mimeType',
			type: 'string',
			default: '',
			placeholder: 'e.g. image/jpeg',
			description:
				"Upload the file as this type instead of the binary data's own MIME type (for files that arrive as application/octet-stream)",
		},
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			description: "Name to upload the file under instead of the binary data's own file name",
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppMedia'], operation: ['upload'] } },
	properties,
);

/**
 * uploadMedia (§17): multipart form with business_phone, messaging_product, type and file,
 * signed without the body. The type and size are checked against §17.3 first, so a file NXCloud
 * would refuse is never sent. Output: the media ID to send the file with.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem(this, items, async (i) => {
		const options = readOptions(this, i);
		const businessPhone = businessPhoneOf(this.getNodeParameter('businessPhone', i));
		const property = String(this.getNodeParameter('binaryPropertyName', i, 'data')).trim();
		const binary = this.helpers.assertBinaryData(i, property);
		const field = `Input Binary Field "${property}"`;
		const mimeType = String(options.mimeType ?? '').trim() || binary.mimeType || '';
		// The declared size is checked before the bytes are read; the real size after.
		const declared = Number(binary.fileSize ?? 0);
		if (Number.isFinite(declared) && declared > 0) checkUpload(mimeType, declared, field);
		const data = await this.helpers.getBinaryDataBuffer(i, property);
		const { type, kind } = checkUpload(mimeType, data.length, field);
		const fileName =
			String(options.fileName ?? '').trim() || binary.fileName || `upload.${type.split('/')[1]}`;
		// A second upload after a lost answer only leaves an unused copy at NXCloud; nobody sees it.
		const envelope = await whatsAppUpload(
			this,
			'uploadMedia',
			'uploadMedia',
			[
				{ field: 'business_phone', value: businessPhone },
				{ field: 'messaging_product', value: MESSAGING_PRODUCT },
				{ field: 'type', value: type },
				{ field: 'file', fileName, contentType: type, data },
			],
			retryPolicy(options, i, { retryAmbiguous: true }),
		);
		const answer = (envelope.data ?? {}) as IDataObject;
		const out: IDataObject = {
			id: answer.id ?? null,
			business_phone: businessPhone,
			type,
			kind,
			fileName,
			fileSize: data.length,
		};
		if (options.fullResponse === true) out.response = envelope;
		return out;
	});
}
