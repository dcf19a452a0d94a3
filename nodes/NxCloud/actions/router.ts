import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as callbot from './callbot/Callbot.resource';
import * as callbotCallList from './callbotCallList/CallbotCallList.resource';
import * as callbotTask from './callbotTask/CallbotTask.resource';
import type { OperationModule } from './common/types';
import * as whatsAppBusinessPhone from './whatsAppBusinessPhone/WhatsAppBusinessPhone.resource';
import * as whatsAppCalling from './whatsAppCalling/WhatsAppCalling.resource';
import * as whatsAppMedia from './whatsAppMedia/WhatsAppMedia.resource';
import * as whatsAppMessage from './whatsAppMessage/WhatsAppMessage.resource';
import * as whatsAppTemplate from './whatsAppTemplate/WhatsAppTemplate.resource';

/** The values of the Resource parameter. */
export type Resource =
	| 'callbot'
	| 'callbotCallList'
	| 'callbotTask'
	| 'whatsAppBusinessPhone'
	| 'whatsAppCalling'
	| 'whatsAppMedia'
	| 'whatsAppMessage'
	| 'whatsAppTemplate';

/**
 * Every operation of every resource, keyed by the option values saved in workflows (file name =
 * option value = export). The compiler checks each entry is an OperationModule; a unit test
 * checks every Operation option of the node resolves to one.
 */
export const OPERATIONS = {
	callbot: { ping: callbot.ping },
	callbotCallList: {
		addNumbers: callbotCallList.addNumbers,
		exportBatch: callbotCallList.exportBatch,
		getAllCalls: callbotCallList.getAllCalls,
		getAllNumbers: callbotCallList.getAllNumbers,
		getNumberDetails: callbotCallList.getNumberDetails,
		importBatch: callbotCallList.importBatch,
		stopNumbers: callbotCallList.stopNumbers,
	},
	callbotTask: {
		complete: callbotTask.complete,
		create: callbotTask.create,
		createAndCall: callbotTask.createAndCall,
		getAll: callbotTask.getAll,
		pause: callbotTask.pause,
		start: callbotTask.start,
		update: callbotTask.update,
	},
	whatsAppBusinessPhone: { getAll: whatsAppBusinessPhone.getAll },
	whatsAppCalling: {
		disable: whatsAppCalling.disable,
		enable: whatsAppCalling.enable,
		getCallRecord: whatsAppCalling.getCallRecord,
		getSettings: whatsAppCalling.getSettings,
		updateSettings: whatsAppCalling.updateSettings,
	},
	whatsAppMessage: {
		markAsRead: whatsAppMessage.markAsRead,
		send: whatsAppMessage.send,
		sendOtp: whatsAppMessage.sendOtp,
		sendTemplate: whatsAppMessage.sendTemplate,
	},
	whatsAppMedia: {
		delete: whatsAppMedia.delete,
		download: whatsAppMedia.download,
		upload: whatsAppMedia.upload,
	},
	whatsAppTemplate: {
		create: whatsAppTemplate.create,
		delete: whatsAppTemplate.delete,
		get: whatsAppTemplate.get,
		getAll: whatsAppTemplate.getAll,
		update: whatsAppTemplate.update,
	},
} satisfies Record<Resource, Record<string, OperationModule>>;

export type Operation<R extends Resource = Resource> = keyof (typeof OPERATIONS)[R];

const has = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

/** The module of a resource's operation, or undefined for values no option offers. */
export function operationModule(resource: string, operation: string): OperationModule | undefined {
	if (!has(OPERATIONS, resource)) return undefined;
	const operations: Record<string, OperationModule> = OPERATIONS[resource as Resource];
	return has(operations, operation) ? operations[operation] : undefined;
}

/** Runs the chosen resource's operation on all input items (one output, paired items). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = operationModule(resource, operation);
	if (!module) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported`,
		);
	}
	return [await module.execute.call(this, items)];
}
