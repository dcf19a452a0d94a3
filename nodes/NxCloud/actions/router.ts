import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as callbot from './callbot/Callbot.resource';
import * as callbotCallList from './callbotCallList/CallbotCallList.resource';
import * as callbotTask from './callbotTask/CallbotTask.resource';
import type { OperationModule } from './common/types';
import * as whatsAppBusinessPhone from './whatsAppBusinessPhone/WhatsAppBusinessPhone.resource';
import * as whatsAppCalling from './whatsAppCalling/WhatsAppCalling.resource';
import * as whatsAppMedia from './whatsAppMedia/WhatsAppMedia.resource';
import * as whatsAppTemplate from './whatsAppTemplate/WhatsAppTemplate.resource';

const RESOURCES: Record<string, Record<string, unknown>> = {
	callbot,
	callbotCallList,
	callbotTask,
	whatsAppCalling,
	whatsAppBusinessPhone,
	whatsAppMedia,
	whatsAppTemplate,
};

function isOperation(value: unknown): value is OperationModule {
	return typeof value === 'object' && value !== null && typeof (value as OperationModule).execute === 'function';
}

/** Runs the chosen resource's operation on all input items (one output, paired items). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = Object.prototype.hasOwnProperty.call(RESOURCES, resource) ? RESOURCES[resource][operation] : undefined;
	if (!isOperation(module)) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of resource "${resource}" is not supported`);
	}
	return [await module.execute.call(this, items)];
}
