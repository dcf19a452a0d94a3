import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { downloadLink } from '../../transport/download';
import { fileNameWithExtension } from '../whatsAppMedia/mediaRules';
import { asNodeError, errorJson } from './errors';
import { readOptions } from './options';

export const DOWNLOAD_RECORDING_OPTION: INodeProperties = {
	displayName: 'Download Recording',
	name: 'downloadRecording',
	type: 'boolean',
	default: false,
	description:
		'Whether to attach the call recording as binary data (field "recording"). Calls without a recording get recordingDownload.ok false.',
};

const RECORDING_FIELD = 'recording';
const MAX_RECORDING_BYTES = 200 * 1024 * 1024;

function lastPathPart(url: string): string {
	try {
		const part = new URL(url).pathname.split('/').filter(Boolean).pop();
		return part ? decodeURIComponent(part) : 'recording';
	} catch {
		return 'recording';
	}
}

/**
 * With the Download Recording option on, fetches the recording each output item links to
 * (`urlOf`) and attaches it as binary data. An item without a recording (an unanswered call)
 * says so in `recordingDownload`; a download that fails fails that item, as any request does.
 */
export async function attachRecordings(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	urlOf: (json: IDataObject) => unknown,
): Promise<INodeExecutionData[]> {
	const out: INodeExecutionData[] = [];
	for (const item of items) {
		const itemIndex =
			typeof item.pairedItem === 'object' && !Array.isArray(item.pairedItem)
				? item.pairedItem.item
				: 0;
		const options = readOptions(ctx, itemIndex);
		if (options.downloadRecording !== true || item.json.error !== undefined) {
			out.push(item);
			continue;
		}
		const url = urlOf(item.json);
		if (typeof url !== 'string' || url === '') {
			out.push({
				...item,
				json: {
					...item.json,
					recordingDownload: { ok: false, error: 'this call has no recording' },
				},
			});
			continue;
		}
		try {
			const timeout = Number(options.timeout ?? 30);
			const file = await downloadLink(ctx, url, {
				maxBytes: MAX_RECORDING_BYTES,
				timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout * 1000 : 30_000,
			});
			const fileName = fileNameWithExtension(file.fileName ?? lastPathPart(url), file.contentType);
			const binary = await ctx.helpers.prepareBinaryData(file.data, fileName, file.contentType);
			out.push({
				...item,
				json: {
					...item.json,
					recordingDownload: {
						ok: true,
						fileName,
						mimeType: binary.mimeType,
						fileSize: file.data.length,
						binaryProperty: RECORDING_FIELD,
					},
				},
				binary: { ...(item.binary ?? {}), [RECORDING_FIELD]: binary },
			});
		} catch (error) {
			const failure = new NodeOperationError(
				ctx.getNode(),
				`Could not download the recording: ${(error as Error).message}`,
				{ itemIndex },
			);
			if (!ctx.continueOnFail()) throw asNodeError(ctx, failure, itemIndex);
			out.push({ json: errorJson(failure), pairedItem: item.pairedItem });
		}
	}
	return out;
}
