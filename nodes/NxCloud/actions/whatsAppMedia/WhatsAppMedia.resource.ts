import type { INodeProperties } from 'n8n-workflow';

import { actionName } from '../common/actionName';
import * as deleteMedia from './delete.operation';
import * as download from './download.operation';
import * as upload from './upload.operation';

export { download, upload };
// "delete" is a reserved word, so the module is exported under the option value by hand.
export { deleteMedia as delete };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['whatsAppMedia'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete an uploaded media file from NXCloud by its media ID',
				action: actionName('Delete WhatsApp media'),
			},
			{
				name: 'Download',
				value: 'download',
				description:
					'Download a media file (for example an image or voice note a user sent) by its media ID, as binary data with its MIME type and file name. Read-only.',
				action: actionName('Download WhatsApp media'),
			},
			{
				name: 'Upload',
				value: 'upload',
				description:
					'Upload a file from binary data to NXCloud and get the media ID to send it with. Type and size are checked first.',
				action: actionName('Upload WhatsApp media'),
			},
		],
		default: 'upload',
	},
	...upload.description,
	...download.description,
	...deleteMedia.description,
];
