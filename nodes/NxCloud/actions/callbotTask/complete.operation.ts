import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { changeStatus, statusChangeDescription } from './statusChange';

export const description = statusChangeDescription('complete');

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await changeStatus(this, items, 'complete');
}
