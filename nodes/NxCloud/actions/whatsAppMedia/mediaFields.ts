import type { INodeProperties } from 'n8n-workflow';

import { requirePhone } from '../../shared/phone';
import { toText } from '../../shared/values';
import { locatorValue } from '../common/locator';

export const MEDIA_ID_FIELD: INodeProperties = {
	displayName: 'Media ID',
	name: 'mediaId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 5867096a-a9be-4a56-94d6-89377623b4ac',
	description:
		'ID of the media: from an upload, or the ID of an image, voice note, video, document or sticker in an inbound message',
};

export function binaryPropertyField(description: string): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to be uploaded',
		description,
	};
}

export function outputBinaryField(): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
	};
}

/** The Business Phone of an item, from the picker or a plain value, checked (6–20 digits). */
export function businessPhoneOf(raw: unknown): string {
	return requirePhone(locatorValue(raw), 'Business Phone');
}

export function mediaIdOf(raw: unknown): string {
	const id = toText(raw, 'Media ID').trim();
	if (id === '')
		throw new Error(
			'Media ID is empty: give the ID from an upload or from an inbound media message',
		);
	return id;
}
