import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { BUSINESS_PHONE_FIELD } from '../common/fields';
import { optionsCollection, readOptions, retryPolicy } from '../common/options';
import { asNodeError, errorJson } from '../common/errors';
import { DownloadError } from '../../transport/download';
import { fetchMedia } from './fetchMedia';
import { MEDIA_ID_FIELD, businessPhoneOf, mediaIdOf, outputBinaryField } from './mediaFields';

export const MAX_DOWNLOAD_OPTION: INodeProperties = {
	displayName: 'Max File Size (MB)',
	name: 'maxFileSizeMb',
	type: 'number',
	typeOptions: { minValue: 0.1 },
	default: 100,
	description:
		'Larger files are not downloaded (WhatsApp media is at most 100 MB); keeps memory bounded',
};

const properties: INodeProperties[] = [
	BUSINESS_PHONE_FIELD,
	MEDIA_ID_FIELD,
	outputBinaryField(),
	optionsCollection([MAX_DOWNLOAD_OPTION], false),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['whatsAppMedia'], operation: ['download'] } },
	properties,
);

/** getMedia, then the file behind its URL, as binary data with the MIME type and a file name. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const options = readOptions(this, i);
			const property = String(this.getNodeParameter('binaryPropertyName', i, 'data')).trim();
			const maxMb = Number(options.maxFileSizeMb ?? 100);
			const fetched = await fetchMedia(this, {
				businessPhone: businessPhoneOf(this.getNodeParameter('businessPhone', i)),
				mediaId: mediaIdOf(this.getNodeParameter('mediaId', i, '')),
				maxBytes: Math.round((Number.isFinite(maxMb) && maxMb > 0 ? maxMb : 100) * 1024 * 1024),
				policy: retryPolicy(options, i, { retryAmbiguous: true }),
			});
			out.push({
				json: {
					...fetched.info,
					fileName: fetched.binary.fileName,
					mimeType: fetched.binary.mimeType,
					fileSize: fetched.size,
				},
				binary: { [property]: fetched.binary },
				pairedItem: { item: i },
			});
		} catch (error) {
			const failure =
				error instanceof DownloadError
					? new NodeOperationError(
							this.getNode(),
							`Could not download the media: ${error.message}`,
							{ itemIndex: i },
						)
					: error;
			if (this.continueOnFail()) {
				out.push({ json: errorJson(failure), pairedItem: { item: i } });
				continue;
			}
			throw asNodeError(this, failure, i);
		}
	}
	return out;
}
