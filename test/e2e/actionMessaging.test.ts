// WhatsApp Message operations of the NXCloud node inside a real n8n, against the strict stand-in:
// every operation, the template pickers and generated variables through n8n's own editor
// endpoints, the send-once rule, and a trigger → reply → status-push round trip joined by id.
import { randomUUID } from 'node:crypto';

import { executionError, nodeOutputs } from '../support/e2e/executionData';
import { getN8n, uniqueName } from '../support/e2e/n8nClient';
import { NODE_TYPES } from '../support/e2e/paths';
import type { WorkflowJson } from '../support/e2e/types';
import {
	APP_KEY,
	BUSINESS_PHONE,
	QUICK,
	setUpActionE2e,
	type ActionE2e,
} from '../support/e2e/actionContext';

jest.setTimeout(180_000);

const USER = '8613800000001';
const n8n = getN8n();
let e2e: ActionE2e;
beforeAll(async () => {
	e2e = await setUpActionE2e({ pushStatuses: true });
});
afterAll(async () => {
	await e2e?.close();
	await n8n.cleanup();
});
beforeEach(() => {
	e2e.standIn.reset();
});

const base = {
	resource: 'whatsAppMessage',
	appKey: APP_KEY,
	businessPhone: '+86 133 0000 0000',
	to: '+86 138 0000 0001',
};
const openWindow = () =>
	e2e.standIn.state.messaging.inboundText({
		from: USER,
		business_phone: BUSINESS_PHONE,
		text: 'hi',
		secondsAgo: 60,
	});
const sentBodies = () =>
	e2e.standIn.requestsTo('/api/wa/mt').map((r) => r.json() as Record<string, unknown>);

const ORDER_TEMPLATE = {
	name: 'order_update',
	language: 'en_US',
	category: 'UTILITY',
	components: [
		{
			type: 'HEADER' as const,
			format: 'TEXT' as const,
			text: 'Order {{1}}',
			example: { header_text: ['A-1'] },
		},
		{
			type: 'BODY' as const,
			text: 'Hi {{1}}, your order {{2}} ships today.',
			example: { body_text: [['Ana', 'A-1']] },
		},
		{
			type: 'BUTTONS' as const,
			buttons: [
				{
					type: 'URL',
					text: 'Track',
					url: 'https://shop.example.com/t/{{1}}',
					example: ['https://shop.example.com/t/A-1'],
				},
			],
		},
	],
};

describe('Send', () => {
	it('a text reply with every option: stand-in accepts it, the output carries the message id', async () => {
		openWindow();
		const run = await e2e.run(
			{
				...base,
				operation: 'send',
				messageType: 'text',
				text: '={{ "Hello " + $json.name }}',
				previewUrl: true,
				options: {
					...QUICK,
					replyTo: 'wamid.HBgQUOTED',
					cusMessageId: '={{ "order-" + $json.order }}',
					bizOpaqueCallbackData: 'crm-7',
				},
			},
			[
				{ name: 'Ana', order: 1 },
				{ name: 'Bo', order: 2 },
			],
		);
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.messageId)).toEqual(['order-1', 'order-2']);
		expect(run.items[0]).toMatchObject({
			to: USER,
			type: 'text',
			businessPhone: BUSINESS_PHONE,
			messages: [{ id: 'order-1' }],
		});
		const [first] = e2e.standIn.requestsTo('/api/wa/mt');
		expect(first.code).toBe(0);
		expect(first.headers).toMatchObject({ biztype: '2', action: 'mt' });
		expect(first.json()).toEqual({
			appkey: APP_KEY,
			business_phone: BUSINESS_PHONE,
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: USER,
			context: { message_id: 'wamid.HBgQUOTED' },
			cus_message_id: 'order-1',
			biz_opaque_callback_data: 'crm-7',
			type: 'text',
			text: { body: 'Hello Ana', preview_url: true },
		});
		expect(e2e.standIn.state.messaging.firstStatus('order-2')).toBe('sent');
	});

	it('image by media id, document by link, a list and a reaction go out in the documented shapes', async () => {
		openWindow();
		const runs = [
			{
				messageType: 'image',
				mediaSource: 'id',
				mediaId: '5867096a-a9be-4a56-94d6-89377623b4ac',
				caption: 'Your receipt',
			},
			{
				messageType: 'document',
				mediaSource: 'link',
				mediaLink: 'https://files.example.com/invoice.pdf',
				fileName: 'invoice.pdf',
			},
			{
				messageType: 'list',
				bodyText: 'What would you like?',
				listButton: 'Menu',
				listRows: {
					row: [
						{ section: 'Noodles', title: 'Beef', description: 'Braised' },
						{ section: 'Rice', title: 'Fried', id: 'rice-1' },
					],
				},
			},
			{ messageType: 'reaction', reactionMessageId: 'wamid.HBgINBOUND', emoji: '👍' },
		];
		for (const parameters of runs) {
			const run = await e2e.run({ ...base, operation: 'send', ...parameters, options: QUICK });
			expect({ type: parameters.messageType, error: run.error?.message }).toEqual({
				type: parameters.messageType,
				error: undefined,
			});
		}
		const bodies = sentBodies();
		expect(e2e.standIn.requestsTo('/api/wa/mt').map((r) => r.code)).toEqual([0, 0, 0, 0]);
		expect(bodies[0].image).toEqual({
			id: '5867096a-a9be-4a56-94d6-89377623b4ac',
			caption: 'Your receipt',
		});
		expect(bodies[1].document).toEqual({
			link: 'https://files.example.com/invoice.pdf',
			filename: 'invoice.pdf',
		});
		expect(bodies[2].interactive).toEqual({
			type: 'list',
			body: { text: 'What would you like?' },
			action: {
				button: 'Menu',
				sections: [
					{ title: 'Noodles', rows: [{ id: 'Beef', title: 'Beef', description: 'Braised' }] },
					{ title: 'Rice', rows: [{ id: 'rice-1', title: 'Fried' }] },
				],
			},
		});
		expect(bodies[3]).toMatchObject({
			type: 'reaction',
			reaction: {
				message_id: 'wamid.HBgINBOUND',
				meta_message_id: 'wamid.HBgINBOUND',
				emoji: '👍',
			},
		});
	});

	it('bad input fails that item before any request, naming the field; the good item still goes out', async () => {
		openWindow();
		const run = await e2e.run(
			{
				...base,
				operation: 'send',
				messageType: 'text',
				to: '={{ $json.to }}',
				text: '={{ $json.text }}',
				options: QUICK,
			},
			[
				{ to: '123', text: 'a' },
				{ to: USER, text: '' },
				{ to: USER, text: 'ok' },
			],
			{ onError: 'continueRegularOutput' },
		);
		expect(run.items.map((item) => item.error ?? item.messageId)).toEqual([
			'Recipient Phone: phone "123" has 3 digits; expected 6 to 20 (country code and number)',
			'Text is empty: give the message to send',
			expect.stringMatching(/^wamid\./),
		]);
		expect(sentBodies().map((b) => (b.text as { body: string }).body)).toEqual(['ok']);
	});

	it('a timeout after the body went out is reported, not resent', async () => {
		e2e.standIn.failNext({ match: '/api/wa/mt', kind: 'timeout', afterHandling: true });
		openWindow();
		const run = await e2e.run({
			...base,
			operation: 'send',
			messageType: 'text',
			text: 'once',
			options: { tries: 3, timeout: 2 },
		});
		expect(run.error?.message).toMatch(/^Could not reach NXCloud/);
		expect(run.error?.description).toMatch(
			/Not retried: NXCloud may already have received this request/,
		);
		expect(e2e.standIn.requestsTo('/api/wa/mt')).toHaveLength(1);
		expect(e2e.standIn.state.messaging.messages()).toHaveLength(1);
	});

	it('an over-long caption is refused before sending; a business code stops the node with its advice', async () => {
		const run = await e2e.run({
			...base,
			operation: 'send',
			messageType: 'image',
			mediaSource: 'link',
			mediaLink: 'https://e.example.com/a.png',
			caption: 'x'.repeat(1000) + 'é'.repeat(30),
			options: QUICK,
		});
		expect(run.error?.message).toMatch(
			/^Caption is 1030 characters long; WhatsApp allows at most 1024$/,
		);
		expect(e2e.standIn.requestsTo('/api/wa/mt')).toHaveLength(0);
		e2e.standIn.failNext({
			match: '/api/wa/mt',
			kind: 'code',
			code: 9005,
			message: 'Insufficient balance',
		});
		const broke = await e2e.run({
			...base,
			operation: 'send',
			messageType: 'text',
			text: 'x',
			options: QUICK,
		});
		expect(broke.error?.message).toBe(
			'NXCloud refused the request (code 9005): Insufficient balance',
		);
		expect(broke.error?.description).toMatch(/Top up/);
	});
});

describe('Mark as Read and Send OTP', () => {
	it('Mark as Read reaches markMessageAsRead with action "read"', async () => {
		const run = await e2e.run({
			resource: 'whatsAppMessage',
			operation: 'markAsRead',
			businessPhone: BUSINESS_PHONE,
			messageId: 'ABGHhhdgYFCBnwIQNkLO2ipL1_ZpZ41mwgMHEg',
			options: QUICK,
		});
		expect(run.error).toBeUndefined();
		expect(run.items).toEqual([
			{
				messageId: 'ABGHhhdgYFCBnwIQNkLO2ipL1_ZpZ41mwgMHEg',
				status: 'read',
				businessPhone: BUSINESS_PHONE,
			},
		]);
		expect(e2e.standIn.lastRequest('/markMessageAsRead')).toMatchObject({
			code: 0,
			headers: { action: 'read' },
		});
		expect(e2e.standIn.state.messaging.readMarks().map((m) => m.message_id)).toEqual([
			'ABGHhhdgYFCBnwIQNkLO2ipL1_ZpZ41mwgMHEg',
		]);
	});

	it('Send OTP reaches /api/wa/otp (action mt) without a business phone and returns the message id', async () => {
		const run = await e2e.run({
			resource: 'whatsAppMessage',
			operation: 'sendOtp',
			appKey: APP_KEY,
			businessPhone: '',
			to: USER,
			code: '482913',
			languageCode: 'en',
			category: 'AUTHENTICATION',
			options: QUICK,
		});
		expect(run.error).toBeUndefined();
		const request = e2e.standIn.lastRequest('/api/wa/otp')!;
		expect(request).toMatchObject({ code: 0, headers: { action: 'mt' } });
		expect(request.json()).toEqual({
			appkey: APP_KEY,
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: USER,
			category: 'AUTHENTICATION',
			content: '482913',
			language_code: 'en',
		});
		expect(run.items[0].messageId).toEqual(expect.stringMatching(/^wamid\./));
	});
});

describe('Send Template with variables generated from the template', () => {
	const nodeTypeAndVersion = { name: NODE_TYPES.action, version: 1 };
	const current = {
		...base,
		operation: 'sendTemplate',
		templateName: 'order_update',
		templateLanguage: 'en_US',
		variablesMode: 'fields',
	};

	async function editorCall(endpoint: string, body: Record<string, unknown>) {
		const response = await n8n.rest('POST', `/dynamic-node-parameters/${endpoint}`, {
			nodeTypeAndVersion,
			currentNodeParameters: current,
			credentials: { nxCloudApi: { id: e2e.credentialId, name: 'e2e' } },
			...body,
		});
		expect({
			status: response.status,
			body: response.status === 200 ? 'ok' : response.text,
		}).toEqual({ status: 200, body: 'ok' });
		return (response.json as { data: unknown }).data;
	}

	it('the pickers list the templates and languages, the variables come as fields, and the filled template is sent', async () => {
		e2e.standIn.state.whatsApp.templates.add(BUSINESS_PHONE, ORDER_TEMPLATE);
		e2e.standIn.state.whatsApp.templates.add(BUSINESS_PHONE, {
			...ORDER_TEMPLATE,
			language: 'zh_CN',
		});
		e2e.standIn.state.whatsApp.templates.add(BUSINESS_PHONE, {
			name: 'welcome',
			components: [{ type: 'BODY', text: 'Welcome!' }],
		});

		const names = (await editorCall('options', {
			path: 'parameters.templateName',
			methodName: 'getMessageTemplateNames',
		})) as Array<{ value: string }>;
		expect(names.map((o) => o.value)).toEqual(['order_update', 'welcome']);
		const languages = (await editorCall('options', {
			path: 'parameters.templateLanguage',
			methodName: 'getMessageTemplateLanguages',
		})) as Array<{ value: string }>;
		expect(languages.map((o) => o.value)).toEqual(['en_US', 'zh_CN']);
		const mapper = (await editorCall('resource-mapper-fields', {
			path: 'parameters.templateVariables',
			methodName: 'getMessageTemplateVariables',
		})) as {
			fields: Array<{ id: string; displayName: string; required: boolean }>;
		};
		expect(mapper.fields.map((f) => [f.id, f.displayName, f.required])).toEqual([
			['header_text_1', 'Header {{1}} (e.g. A-1)', true],
			['body_1', 'Body {{1}} (e.g. Ana)', true],
			['body_2', 'Body {{2}} (e.g. A-1)', true],
			['button_0_url', 'Button "Track" URL Suffix (e.g. https://shop.example.com/t/A-1)', true],
		]);
		expect(
			e2e.standIn
				.requestsTo('/getTemplate')
				.every((r) => r.code === 0 && r.headers.action === 'getTemplate'),
		).toBe(true);

		// What the editor saves: the value per field and the field list (schema) it showed.
		const templateVariables = {
			mappingMode: 'defineBelow',
			value: {
				header_text_1: '={{ $json.order }}',
				body_1: '={{ $json.name }}',
				body_2: '={{ $json.order }}',
				button_0_url: '={{ $json.order }}',
			},
			matchingColumns: [],
			schema: mapper.fields.map((f) => ({
				...f,
				defaultMatch: false,
				display: true,
				type: 'string',
				canBeUsedToMatch: false,
			})),
		};
		const requestsBefore = e2e.standIn.requestsTo('/getTemplate').length;
		const run = await e2e.run(
			{ ...current, templateVariables, options: QUICK },
			[
				{ name: 'Ana', order: 'A-9' },
				{ name: 'Bo', order: '' },
			],
			{ onError: 'continueRegularOutput' },
		);
		expect(run.items[1]).toEqual({
			error:
				'Template variables missing: "Header {{1}} (e.g. A-1)", "Body {{2}} (e.g. A-1)", "Button "Track" URL Suffix (e.g. https://shop.example.com/t/A-1)". Fill them in (or map them from the input) before sending.',
			details: {},
		});
		expect(e2e.standIn.requestsTo('/getTemplate')).toHaveLength(requestsBefore);
		const [sent] = sentBodies();
		expect(sent).toMatchObject({
			to: USER,
			type: 'template',
			template: {
				name: 'order_update',
				language: { code: 'en_US', policy: 'deterministic' },
				components: [
					{ type: 'header', parameters: [{ type: 'text', text: 'A-9' }] },
					{
						type: 'body',
						parameters: [
							{ type: 'text', text: 'Ana' },
							{ type: 'text', text: 'A-9' },
						],
					},
					{
						type: 'button',
						sub_type: 'url',
						index: '0',
						parameters: [{ type: 'text', text: 'A-9' }],
					},
				],
			},
		});
		// No inbound message ever: a template still goes out (the stand-in's status would be "sent").
		expect(e2e.standIn.state.messaging.firstStatus(String(run.items[0].messageId))).toBe('sent');
	});

	it('the JSON mode sends the components as written', async () => {
		e2e.standIn.state.whatsApp.templates.add(BUSINESS_PHONE, {
			name: 'welcome',
			components: [{ type: 'BODY', text: 'Welcome {{1}}!' }],
		});
		const components = [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] }];
		const run = await e2e.run({
			...current,
			templateName: 'welcome',
			variablesMode: 'json',
			componentsJson: JSON.stringify(components),
			options: QUICK,
		});
		expect(run.error).toBeUndefined();
		expect(sentBodies()[0].template).toEqual({
			name: 'welcome',
			language: { code: 'en_US', policy: 'deterministic' },
			components,
		});
		expect(e2e.standIn.state.messaging.firstStatus(String(run.items[0].messageId))).toBe('sent');
	});
});

describe('trigger → reply → status push, joined by message id', () => {
	it('an inbound message is answered quoting it; the status of the answer comes back to the trigger with the same id', async () => {
		const webhookId = randomUUID();
		const triggerUrl = n8n.webhookUrl(`${webhookId}/webhook`);
		const workflow: WorkflowJson = {
			name: uniqueName('NXCloud reply round trip'),
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					name: 'NXCloud Trigger',
					type: NODE_TYPES.trigger,
					typeVersion: 1,
					position: [0, 0],
					webhookId,
					parameters: {
						source: 'whatsapp',
						events: ['message', 'status.sent', 'status.failed'],
						signatureCheck: 'required',
						outputRouting: 'perType',
					},
					credentials: { nxCloudApi: { id: e2e.credentialId, name: 'e2e' } },
				},
				{
					name: 'Reply',
					type: NODE_TYPES.action,
					typeVersion: 1,
					position: [300, 0],
					parameters: {
						resource: 'whatsAppMessage',
						operation: 'send',
						appKey: APP_KEY,
						businessPhone: '={{ $json.businessPhone }}',
						to: '={{ $json.data.from }}',
						messageType: 'text',
						text: '=You wrote: {{ $json.data.text.body }}',
						options: {
							replyTo: '={{ $json.data.meta_message_id || $json.data.id }}',
							drWebhook: triggerUrl,
							...QUICK,
						},
					},
					credentials: { nxCloudApi: { id: e2e.credentialId, name: 'e2e' } },
				},
				{
					name: 'Status',
					type: 'n8n-nodes-base.noOp',
					typeVersion: 1,
					position: [300, 200],
					parameters: {},
				},
			],
			connections: {
				// Outputs: Account, Call, Message (2), Phone, Delivered, Failed (5), Read, Sent (7), Template, Other.
				'NXCloud Trigger': {
					main: [
						[],
						[],
						[{ node: 'Reply', type: 'main', index: 0 }],
						[],
						[],
						[{ node: 'Status', type: 'main', index: 0 }],
						[],
						[{ node: 'Status', type: 'main', index: 0 }],
					],
				},
			},
		};
		const id = await n8n.createWorkflow(workflow);
		await n8n.activateWorkflow(id);
		await n8n.waitForWebhook(triggerUrl, 401);

		const inbound = e2e.standIn.state.messaging.inboundText({
			from: USER,
			business_phone: BUSINESS_PHONE,
			text: 'Is my order ready?',
		});
		const inboundId = (inbound.messages as Array<{ id: string }>)[0].id;
		expect((await e2e.standIn.sender.pushWhatsApp(triggerUrl, inbound)).status).toBe(200);

		const executions = await n8n.waitForExecutions(id, 2, 30_000);
		for (const execution of executions)
			expect({ status: execution.status, error: executionError(execution)?.message }).toEqual({
				status: 'success',
				error: undefined,
			});
		const replyRun = executions.find((e) => nodeOutputs(e, 'Reply')[0]?.length)!;
		const statusRun = executions.find((e) => nodeOutputs(e, 'Status')[0]?.length)!;
		const reply = nodeOutputs(replyRun, 'Reply')[0][0].json;
		const status = nodeOutputs(statusRun, 'NXCloud Trigger')[7][0].json as {
			event: string;
			data: Record<string, unknown>;
		};

		const sent = e2e.standIn.lastRequest('/api/wa/mt')!;
		expect(sent.json()).toMatchObject({
			to: USER,
			context: { message_id: inboundId },
			dr_webhook: triggerUrl,
			text: { body: 'You wrote: Is my order ready?' },
		});
		expect(status.event).toBe('status.sent');
		expect(status.data.id).toBe(reply.messageId);
		expect(status.data.recipient_id).toBe(USER);
		expect(e2e.standIn.state.messaging.deliveries).toEqual([
			{ url: triggerUrl, messageId: reply.messageId, status: 'sent', httpStatus: 200 },
		]);
	});
});
