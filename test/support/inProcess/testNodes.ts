// Two tiny node types that exist only in the harness: the start node that feeds a workflow its
// items (as a manual trigger followed by pinned data would), and a node that reads back the binary
// data of its input, so binary written by one node can be checked after n8n stored it.
import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { createHash } from 'node:crypto';

/** A binary property given to the Input node: its bytes and how n8n should label them. */
export interface InputBinary {
	data: Buffer;
	fileName?: string;
	mimeType?: string;
}

export interface InputItem {
	json: IDataObject;
	binary?: Record<string, InputBinary>;
}

export const INPUT_NODE_TYPE = 'nxcloudHarness.input';
export const BINARY_READER_NODE_TYPE = 'nxcloudHarness.binaryReader';

/** Items travel to the node as base64 inside one JSON parameter (node parameters are JSON). */
export function encodeInputItems(items: InputItem[]): string {
	return JSON.stringify(
		items.map(({ json, binary }) => ({
			json,
			binary:
				binary &&
				Object.fromEntries(
					Object.entries(binary).map(([key, b]) => [
						key,
						{ ...b, data: b.data.toString('base64') },
					]),
				),
		})),
	);
}

export class InputNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Input',
		name: INPUT_NODE_TYPE,
		group: ['input'],
		version: 1,
		description:
			"Outputs the items given by the test; binary goes through n8n's binary data service",
		defaults: { name: 'Input' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'string', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const given = JSON.parse(
			this.getNodeParameter('items', 0, '[]', { rawExpressions: true }) as string,
		) as Array<{
			json: IDataObject;
			binary?: Record<string, { data: string; fileName?: string; mimeType?: string }>;
		}>;
		const items: INodeExecutionData[] = [];
		for (const [index, item] of given.entries()) {
			let binary: IBinaryKeyData | undefined;
			for (const [key, b] of Object.entries(item.binary ?? {})) {
				binary ??= {};
				binary[key] = await this.helpers.prepareBinaryData(
					Buffer.from(b.data, 'base64'),
					b.fileName,
					b.mimeType,
				);
			}
			items.push({ json: item.json, binary, pairedItem: { item: index } });
		}
		return [items];
	}
}

export class BinaryReaderNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Binary Reader',
		name: BINARY_READER_NODE_TYPE,
		group: ['transform'],
		version: 1,
		description:
			'Reads every binary property of its input through n8n and outputs bytes, size and SHA-256',
		defaults: { name: 'Binary Reader' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		for (const [index, item] of this.getInputData().entries()) {
			const json: IDataObject = {};
			for (const [key, meta] of Object.entries(item.binary ?? {})) {
				const buffer = await this.helpers.getBinaryDataBuffer(index, key);
				json[key] = {
					base64: buffer.toString('base64'),
					bytes: buffer.length,
					sha256: createHash('sha256').update(buffer).digest('hex'),
					fileName: meta.fileName,
					mimeType: meta.mimeType,
					storedById: meta.id !== undefined,
				};
			}
			out.push({ json, pairedItem: { item: index } });
		}
		return [out];
	}
}
