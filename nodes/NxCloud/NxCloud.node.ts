import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties } from './actions/properties';
import { router } from './actions/router';
import { timeZoneOptions } from './actions/whatsAppCalling/pickers';
import { subtitleExpression } from './actions/subtitle';
import * as whatsAppMessageMethods from './actions/whatsAppMessage/methods';
import * as listSearch from './methods/listSearch';

export class NxCloud implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NXCloud',
		name: 'nxCloud',
		icon: { light: 'file:nxcloud.svg', dark: 'file:nxcloud.dark.svg' },
		group: ['transform'],
		// 1.1, the default for new nodes; nodes saved at 1 keep their old behaviour:
		// - WhatsApp Calling → Enable keeps current settings by default (see enable.operation.ts);
		// - Simplify (Output when used as an AI tool) is on by default (actions/common/outputShape.ts).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: subtitleExpression(nodeProperties),
		description:
			'WhatsApp messages, media, templates and business phones, WhatsApp Calling settings and call records, and the Callbot AI outbound-call API of NXCloud: tasks, number lists (batch import and export) and calls',
		defaults: { name: 'NXCloud' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'nxCloudApi', required: true }],
		properties: nodeProperties,
	};

	methods = {
		loadOptions: {
			getMessageTemplateNames: whatsAppMessageMethods.getMessageTemplateNames,
			getMessageTemplateLanguages: whatsAppMessageMethods.getMessageTemplateLanguages,
			getCallingTimeZones: async () => timeZoneOptions(),
		},
		resourceMapping: {
			getMessageTemplateVariables: whatsAppMessageMethods.getMessageTemplateVariables,
		},
		listSearch: {
			searchBusinessPhones: listSearch.searchBusinessPhones,
			searchCallbotTasks: listSearch.searchCallbotTasks,
			searchTemplateNames: listSearch.searchTemplateNames,
			searchTemplates: listSearch.searchTemplates,
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
