import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { changeStatus, statusChangeDescription } from './statusChange';

export const description = statusChangeDescription('pause');

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await changeStatus(this, items, 'pause');
}
