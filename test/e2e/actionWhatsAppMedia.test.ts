// WhatsApp media, templates, business phones, pickers and recordings inside a real n8n, against
// the strict stand-in (signatures, multipart signed without body, required fields, codes).
import { randomUUID } from 'node:crypto';

import { nodeOutputs } from '../support/e2e/executionData';
import { http } from '../support/e2e/http';
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

const n8n = getN8n();
let e2e: ActionE2e;
beforeAll(async () => {
	e2e = await setUpActionE2e();
});
afterAll(async () => {
	await e2e?.close();
	await n8n.cleanup();
});
beforeEach(() => e2e.standIn.reset());

/** A JPEG-looking file: the stand-in checks type and size, not pixels. */
const JPEG = Buffer.concat([
	Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
	Buffer.from(randomUUID().repeat(40)),
]);
const phonePicker = {
	__rl: true,
	mode: 'list',
	value: BUSINESS_PHONE,
	cachedResultName: 'Stand-in',
};

describe('Business Phone and Templates', () => {
	it('Get Many phones uses the App Key of the credential when the node leaves it empty', async () => {
		e2e.standIn.state.calling.bindPhone({ business_phone: '85266123456', appkey: APP_KEY });
		e2e.standIn.state.whatsApp.phones.set(BUSINESS_PHONE, { verified_name: 'ACME Support' });
		const withoutKey = await e2e.run({
			resource: 'whatsAppBusinessPhone',
			operation: 'getAll',
			options: QUICK,
		});
		expect(withoutKey.error?.message).toMatch(
			/^App Key is empty: .* or set WhatsApp App Key in the NXCloud credential/,
		);
		expect(e2e.standIn.requestsTo('/getPhone')).toHaveLength(0);

		const credential = await e2e.credentialWith({ appKey: APP_KEY });
		const run = await e2e.runWith(credential, {
			resource: 'whatsAppBusinessPhone',
			operation: 'getAll',
			options: QUICK,
		});
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.business_phone)).toEqual([BUSINESS_PHONE, '85266123456']);
		expect(run.items[0]).toMatchObject({ verified_name: 'ACME Support', status: 'CONNECTED' });
		expect(e2e.standIn.lastRequest('/getPhone')!.json()).toEqual({
			appkey: APP_KEY,
			messaging_product: 'whatsapp',
		});
		expect(e2e.standIn.lastRequest('/getPhone')!.headers.action).toBe('getPhone');
	});

	it('Template Create, Get Many (cursor paging), Get, Update, Delete', async () => {
		for (let i = 0; i < 5; i++)
			e2e.standIn.state.whatsApp.templates.add(BUSINESS_PHONE, { name: `seed_${i}` });
		const base = { resource: 'whatsAppTemplate', appKey: APP_KEY, businessPhone: phonePicker };
		const created = await e2e.run({
			...base,
			operation: 'create',
			name: 'order_shipped',
			category: 'UTILITY',
			language: 'en_US',
			components: JSON.stringify([
				{
					type: 'BODY',
					text: 'Hi {{1}}, order {{2}} shipped',
					example: { body_text: [['Ana', 'A-1']] },
				},
			]),
			options: QUICK,
		});
		expect(created.error).toBeUndefined();
		expect(created.items[0]).toMatchObject({
			id: expect.any(String),
			name: 'order_shipped',
			language: 'en_US',
			category: 'UTILITY',
		});
		const id = created.items[0].id as string;

		const all = await e2e.run({
			...base,
			operation: 'getAll',
			returnAll: true,
			options: { ...QUICK, pageSize: 2 },
		});
		expect(all.items.map((t) => t.name)).toEqual([
			'seed_0',
			'seed_1',
			'seed_2',
			'seed_3',
			'seed_4',
			'order_shipped',
		]);
		expect(
			e2e.standIn
				.requestsTo('/getTemplate')
				.map((r) => (r.json() as { after?: string }).after !== undefined),
		).toEqual([false, true, true]);
		const limited = await e2e.run({
			...base,
			operation: 'getAll',
			returnAll: false,
			limit: 3,
			options: QUICK,
		});
		expect(limited.items).toHaveLength(3);
		const named = await e2e.run({
			...base,
			operation: 'getAll',
			returnAll: true,
			filters: { name: 'order_shipped' },
			options: QUICK,
		});
		expect(named.items.map((t) => [t.name, t.status])).toEqual([['order_shipped', 'PENDING']]);

		const one = await e2e.run({
			...base,
			operation: 'get',
			template: { __rl: true, mode: 'id', value: id },
			options: QUICK,
		});
		expect(one.items[0]).toMatchObject({
			id,
			name: 'order_shipped',
			components: [expect.objectContaining({ type: 'BODY' })],
		});

		const updated = await e2e.run({
			...base,
			operation: 'update',
			template: { __rl: true, mode: 'list', value: id },
			components: '[{"type":"BODY","text":"Shipped"}]',
			options: QUICK,
		});
		expect(updated.items[0]).toEqual({ id, updated: true });
		expect(e2e.standIn.state.whatsApp.templates.find(BUSINESS_PHONE, id)?.components).toEqual([
			{ type: 'BODY', text: 'Shipped' },
		]);

		const deleted = await e2e.run({
			...base,
			operation: 'delete',
			templateName: { __rl: true, mode: 'name', value: 'order_shipped' },
			options: QUICK,
		});
		expect(deleted.items[0]).toEqual({ name: 'order_shipped', success: true });
		expect(
			e2e.standIn.state.whatsApp.templates.list(BUSINESS_PHONE).map((t) => t.name),
		).not.toContain('order_shipped');
	});

	it('bad template input fails before any request, naming the field', async () => {
		const run = await e2e.run({
			resource: 'whatsAppTemplate',
			appKey: APP_KEY,
			businessPhone: BUSINESS_PHONE,
			operation: 'create',
			name: 'Order Shipped',
			category: 'UTILITY',
			language: 'en_US',
			components: '[{"type":"BODY","text":"x"}]',
			options: QUICK,
		});
		expect(run.error?.message).toBe(
			'Name "Order Shipped" may contain only lower-case letters, digits and underscores (at most 512)',
		);
		expect(e2e.standIn.requestsTo('/createTemplate')).toHaveLength(0);
	});
});

/** Webhook → Split Out → NXCloud (Download) → NXCloud (Upload): binary from one op into the next. */
function downloadThenUpload(
	webhookPath: string,
	credentialId: string,
	mediaId: string,
): WorkflowJson {
	const credentials = { nxCloudApi: { id: credentialId, name: 'e2e' } };
	return {
		name: uniqueName('NXCloud media round trip'),
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				name: 'Receive',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: webhookPath,
				parameters: {
					httpMethod: 'POST',
					path: webhookPath,
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
			},
			{
				name: 'Download',
				type: NODE_TYPES.action,
				typeVersion: 1,
				position: [240, 0],
				credentials,
				parameters: {
					resource: 'whatsAppMedia',
					operation: 'download',
					businessPhone: phonePicker,
					mediaId,
					binaryPropertyName: 'photo',
					options: QUICK,
				},
			},
			{
				name: 'Upload',
				type: NODE_TYPES.action,
				typeVersion: 1,
				position: [480, 0],
				credentials,
				parameters: {
					resource: 'whatsAppMedia',
					operation: 'upload',
					businessPhone: BUSINESS_PHONE,
					binaryPropertyName: 'photo',
					options: QUICK,
				},
			},
		],
		connections: {
			Receive: { main: [[{ node: 'Download', type: 'main', index: 0 }]] },
			Download: { main: [[{ node: 'Upload', type: 'main', index: 0 }]] },
		},
	};
}

describe('Media', () => {
	it('Download gives binary with MIME type and file name; Upload sends it back signed without body; Delete removes it', async () => {
		const seeded = e2e.standIn.state.whatsApp.media.add(BUSINESS_PHONE, JPEG, 'image/jpeg');
		const path = randomUUID();
		const id = await n8n.createWorkflow(downloadThenUpload(path, e2e.credentialId, seeded.id));
		let newId = '';
		try {
			await n8n.activateWorkflow(id);
			await n8n.waitForWebhook(n8n.webhookUrl(path));
			await http(n8n.webhookUrl(path), { method: 'POST', body: { run: 1 } });
			const [execution] = await n8n.waitForExecutions(id, 1, 30_000);
			const downloaded = nodeOutputs(execution, 'Download')[0][0];
			expect(downloaded.json).toMatchObject({
				id: seeded.id,
				mime_type: 'image/jpeg',
				mimeType: 'image/jpeg',
				fileName: `${seeded.fileName}.jpg`,
				fileSize: JPEG.length,
			});
			expect(downloaded.binary?.photo).toMatchObject({
				mimeType: 'image/jpeg',
				fileName: `${seeded.fileName}.jpg`,
			});
			const uploaded = nodeOutputs(execution, 'Upload')[0][0].json;
			expect(uploaded).toMatchObject({
				id: expect.any(String),
				type: 'image/jpeg',
				kind: 'image',
				fileSize: JPEG.length,
			});
			newId = uploaded.id as string;
			expect(e2e.standIn.state.whatsApp.media.get(newId)!.data.equals(JPEG)).toBe(true);
			const upload = e2e.standIn.lastRequest('/uploadMedia')!;
			expect(upload.code).toBe(0);
			expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
			const link = e2e.standIn.requests.find((r) => r.path.startsWith('/oss/media/'))!;
			expect(link.status).toBe(200);
			expect(link.headers.accesskey).toBeUndefined();
		} finally {
			await n8n.deleteWorkflow(id);
		}

		const deleted = await e2e.run({
			resource: 'whatsAppMedia',
			operation: 'delete',
			businessPhone: BUSINESS_PHONE,
			mediaId: newId,
			options: QUICK,
		});
		expect(deleted.items[0]).toEqual({ id: newId, success: true });
		expect(e2e.standIn.state.whatsApp.media.get(newId)).toBeUndefined();
	});

	it('a file WhatsApp refuses is stopped before any request; a missing media ID is named', async () => {
		const path = randomUUID();
		const workflow = downloadThenUpload(path, e2e.credentialId, 'x');
		const seeded = e2e.standIn.state.whatsApp.media.add(
			BUSINESS_PHONE,
			Buffer.from('GIF89a....'),
			'image/gif',
		);
		workflow.nodes[1].parameters.mediaId = seeded.id;
		const id = await n8n.createWorkflow(workflow);
		try {
			await n8n.activateWorkflow(id);
			await n8n.waitForWebhook(n8n.webhookUrl(path));
			await http(n8n.webhookUrl(path), { method: 'POST', body: { run: 1 } });
			const [execution] = await n8n.waitForExecutions(id, 1, 30_000);
			expect(JSON.stringify(execution.data)).toContain(
				'Input Binary Field \\"photo\\": MIME type \\"image/gif\\" is not accepted by WhatsApp',
			);
			expect(e2e.standIn.requestsTo('/uploadMedia')).toHaveLength(0);
		} finally {
			await n8n.deleteWorkflow(id);
		}
		const noId = await e2e.run({
			resource: 'whatsAppMedia',
			operation: 'download',
			businessPhone: BUSINESS_PHONE,
			mediaId: '={{ "" }}',
			options: QUICK,
		});
		expect(noId.error?.message).toMatch(/^Media ID is empty/);
	});
});

/** NXCloud Trigger (Download Media) → NXCloud Upload of the attached file. */
function triggerThenUpload(webhookId: string, credentialId: string): WorkflowJson {
	const credentials = { nxCloudApi: { id: credentialId, name: 'e2e' } };
	return {
		name: uniqueName('NXCloud inbound media'),
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				name: 'Trigger',
				type: NODE_TYPES.trigger,
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				credentials,
				parameters: {
					source: 'whatsapp',
					outputRouting: 'single',
					downloadMedia: true,
					maxMediaSizeMb: 1,
				},
			},
			{
				name: 'Upload',
				type: NODE_TYPES.action,
				typeVersion: 1,
				position: [300, 0],
				credentials,
				onError: 'continueRegularOutput',
				parameters: {
					resource: 'whatsAppMedia',
					operation: 'upload',
					businessPhone: '={{ $json.businessPhone }}',
					binaryPropertyName: 'data',
					options: QUICK,
				},
			},
		],
		connections: { Trigger: { main: [[{ node: 'Upload', type: 'main', index: 0 }]] } },
	};
}

function inbound(messages: object[]): object {
	return {
		contacts: [{ profile: { name: 'Jay' }, wa_id: '85290000705' }],
		messages,
		merchant_phone: BUSINESS_PHONE,
		messaging_product: 'whatsapp',
	};
}

describe('Trigger option Download Media', () => {
	it('an inbound image arrives as binary and is uploaded back; a failed download still emits its event', async () => {
		const media = e2e.standIn.state.whatsApp.media.add(BUSINESS_PHONE, JPEG, 'image/jpeg');
		const big = e2e.standIn.state.whatsApp.media.add(
			BUSINESS_PHONE,
			Buffer.alloc(2 * 1024 * 1024, 1),
			'video/mp4',
		);
		const webhookId = randomUUID();
		const id = await n8n.createWorkflow(triggerThenUpload(webhookId, e2e.credentialId));
		try {
			await n8n.activateWorkflow(id);
			const url = n8n.webhookUrl(`${webhookId}/webhook`);
			await n8n.waitForWebhook(url, 401);
			const ts = '1663053029';
			const answer = await e2e.standIn.sender.pushWhatsApp(
				url,
				inbound([
					{
						from: '85290000705',
						id: 'wamid.in-1',
						type: 'image',
						timestamp: ts,
						image: { id: media.id, mime_type: 'image/jpeg', sha256: 'x' },
					},
					{
						from: '85290000705',
						id: 'wamid.in-2',
						type: 'video',
						timestamp: ts,
						video: { id: big.id, mime_type: 'video/mp4', sha256: 'y' },
					},
					{
						from: '85290000705',
						id: 'wamid.in-3',
						type: 'sticker',
						timestamp: ts,
						sticker: { id: 'no-such-media', mime_type: 'image/webp', sha256: 'z' },
					},
					{
						from: '85290000705',
						id: 'wamid.in-4',
						type: 'text',
						timestamp: ts,
						text: { body: 'hello' },
					},
				]),
			);
			expect(answer.status).toBe(200);
			const [execution] = await n8n.waitForExecutions(id, 1, 30_000);
			const events = nodeOutputs(execution, 'Trigger')[0];
			expect(events.map((e) => e.json.event)).toEqual([
				'message.image',
				'message.video',
				'message.sticker',
				'message.text',
			]);
			expect(events[0].json.mediaDownload).toMatchObject({
				ok: true,
				mediaId: media.id,
				mimeType: 'image/jpeg',
				fileSize: JPEG.length,
				binaryProperty: 'data',
			});
			expect(events[0].binary?.data).toMatchObject({ mimeType: 'image/jpeg' });
			expect(events[1].json.mediaDownload).toEqual({
				ok: false,
				mediaId: big.id,
				error: expect.stringMatching(/over the limit of 1 MB/),
			});
			expect(events[1].binary).toBeUndefined();
			expect(events[2].json.mediaDownload).toEqual({
				ok: false,
				mediaId: 'no-such-media',
				error: expect.stringMatching(/code 9001/),
			});
			expect(events[3].json.mediaDownload).toBeUndefined();

			const uploads = nodeOutputs(execution, 'Upload')[0];
			expect(uploads[0].json).toMatchObject({ type: 'image/jpeg', fileSize: JPEG.length });
			expect(
				e2e.standIn.state.whatsApp.media.get(uploads[0].json.id as string)!.data.equals(JPEG),
			).toBe(true);
			expect(uploads.slice(1).every((item) => typeof item.json.error === 'string')).toBe(true);
		} finally {
			await n8n.deleteWorkflow(id);
		}
	});
});

describe('Pickers', () => {
	it('the editor loads business phones, templates and Callbot tasks live from NXCloud', async () => {
		const credential = await e2e.credentialWith({ appKey: APP_KEY });
		e2e.standIn.state.whatsApp.phones.set(BUSINESS_PHONE, { verified_name: 'ACME Support' });
		e2e.standIn.state.whatsApp.templates.add(BUSINESS_PHONE, {
			name: 'welcome',
			language: 'en_US',
		});
		e2e.standIn.state.whatsApp.templates.add(BUSINESS_PHONE, {
			name: 'welcome',
			language: 'pt_BR',
		});
		const ask = async (
			methodName: string,
			currentNodeParameters: Record<string, unknown>,
			filter?: string,
		) => {
			const response = await n8n.rest('POST', '/dynamic-node-parameters/resource-locator-results', {
				nodeTypeAndVersion: { name: NODE_TYPES.action, version: 1 },
				path: 'parameters.x',
				methodName,
				filter,
				currentNodeParameters,
				credentials: { nxCloudApi: { id: credential, name: 'e2e' } },
			});
			expect(response.status).toBe(200);
			return (response.json as { data: { results: Array<{ name: string; value: string }> } }).data
				.results;
		};
		const phones = await ask('searchBusinessPhones', {
			resource: 'whatsAppTemplate',
			operation: 'getAll',
			appKey: '',
		});
		expect(phones).toEqual([
			{ name: expect.stringContaining('ACME Support'), value: BUSINESS_PHONE },
		]);

		const params = {
			resource: 'whatsAppTemplate',
			operation: 'get',
			appKey: APP_KEY,
			businessPhone: phonePicker,
		};
		const templates = await ask('searchTemplates', params);
		expect(templates.map((t) => t.name)).toEqual([
			'welcome (en_US) · APPROVED',
			'welcome (pt_BR) · APPROVED',
		]);
		expect(await ask('searchTemplateNames', params, 'wel')).toEqual([
			{ name: 'welcome (en_US, pt_BR)', value: 'welcome' },
		]);
		expect(await ask('searchTemplates', params, 'nothing')).toEqual([]);

		const created = await e2e.run({
			resource: 'callbotTask',
			operation: 'create',
			userTaskId: 'picker-task-1',
			sceneId: 'scene-1',
			taskSettings: { taskName: 'Picker Task' },
			options: QUICK,
		});
		expect(created.error).toBeUndefined();
		const tasks = await ask(
			'searchCallbotTasks',
			{ resource: 'callbotTask', operation: 'start' },
			'picker',
		);
		expect(tasks).toEqual([
			{ name: expect.stringContaining('picker-task-1'), value: 'picker-task-1' },
		]);
	});
});

describe('Download Recording', () => {
	it('Get Call Record with Download Recording attaches the WhatsApp call recording as binary', async () => {
		const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(2000, 3)]);
		const recording = e2e.standIn.files.put('wacid.REC.wav', wav, 'audio/wav');
		e2e.standIn.state.calling.addCallRecord(BUSINESS_PHONE, {
			call_id: 'wacid.REC',
			record: recording,
		});
		const run = await e2e.run({
			resource: 'whatsAppCalling',
			operation: 'getCallRecord',
			appKey: APP_KEY,
			businessPhone: BUSINESS_PHONE,
			callId: 'wacid.REC',
			options: { ...QUICK, downloadRecording: true },
		});
		expect(run.error).toBeUndefined();
		expect(run.items[0].recordingDownload).toEqual({
			ok: true,
			fileName: 'wacid.REC.wav',
			mimeType: 'audio/wav',
			fileSize: wav.length,
			binaryProperty: 'recording',
		});
		expect(run.outputs[0][0].binary?.recording).toMatchObject({
			mimeType: 'audio/wav',
			fileName: 'wacid.REC.wav',
		});
		const get = e2e.standIn.requests.find((r) => r.path.startsWith('/files/'))!;
		expect(get.status).toBe(200);
		expect(get.headers.sign).toBeUndefined();
	});
});
