// WhatsApp Message operations without n8n: bodies per message type, checks that fail before any
// request (naming the field), template variables from a template definition, the send-once
// retry rule, and Meta errors with what to do.
import { NxCloud } from '../../../nodes/NxCloud/NxCloud.node';
import { failureDetails } from '../../../nodes/NxCloud/transport/nxCloudRequest';
import { markAsReadBody } from '../../../nodes/NxCloud/actions/whatsAppMessage/markAsRead.operation';
import {
	sendBody,
	type SendInput,
} from '../../../nodes/NxCloud/actions/whatsAppMessage/messageBody';
import { otpBody } from '../../../nodes/NxCloud/actions/whatsAppMessage/sendOtp.operation';
import {
	placeholders,
	slotFromId,
	templateComponents,
	templateSlots,
} from '../../../nodes/NxCloud/actions/whatsAppMessage/templateSlots';
import { charCount } from '../../../nodes/NxCloud/actions/whatsAppMessage/limits';
import { TEST_CREDENTIALS, mockExecute, networkError, type HttpAnswer } from './mockExecute';

const BASE: SendInput = {
	appKey: 'pem28kje',
	businessPhone: '+86 133 0000 0000',
	to: '86 138-0000-0001',
	type: 'text',
	text: 'Hi',
};
const HEAD = {
	appkey: 'pem28kje',
	business_phone: '8613300000000',
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to: '8613800000001',
};

describe('message bodies (§12)', () => {
	it('text: phones normalised, preview flag, options as top-level fields, context for a quote', () => {
		const body = sendBody(
			{ ...BASE, previewUrl: true },
			{
				replyTo: 'wamid.Q',
				cusMessageId: 'c-1',
				drWebhook: 'https://n8n.example.com/webhook/x',
				bizOpaqueCallbackData: 'crm-1',
			},
		);
		expect(body).toEqual({
			...HEAD,
			context: { message_id: 'wamid.Q' },
			cus_message_id: 'c-1',
			dr_webhook: 'https://n8n.example.com/webhook/x',
			biz_opaque_callback_data: 'crm-1',
			type: 'text',
			text: { body: 'Hi', preview_url: true },
		});
	});

	it.each([
		[
			'image',
			{ source: 'link' as const, link: 'https://e.com/a.png', caption: 'A' },
			{ link: 'https://e.com/a.png', caption: 'A' },
		],
		['audio', { source: 'id' as const, id: 'm-1', caption: 'dropped' }, { id: 'm-1' }],
		[
			'document',
			{ source: 'id' as const, id: 'm-2', fileName: 'a.pdf', caption: 'Invoice' },
			{ id: 'm-2', filename: 'a.pdf', caption: 'Invoice' },
		],
		[
			'sticker',
			{ source: 'link' as const, link: 'https://e.com/s.webp' },
			{ link: 'https://e.com/s.webp' },
		],
	])('%s by link or id', (type, media, object) => {
		expect(sendBody({ ...BASE, type: type as SendInput['type'], media }, {})).toEqual({
			...HEAD,
			type,
			[type]: object,
		});
	});

	it('location, reply buttons (id defaults to the title), list grouped by section, reaction', () => {
		expect(
			sendBody(
				{ ...BASE, type: 'location', location: { latitude: '22.5', longitude: 114, name: 'HQ' } },
				{},
			),
		).toMatchObject({
			type: 'location',
			location: { latitude: 22.5, longitude: 114, name: 'HQ' },
		});
		expect(
			sendBody(
				{
					...BASE,
					type: 'buttons',
					interactive: { body: 'Come?', buttons: [{ title: 'Yes' }, { id: 'n', title: 'No' }] },
				},
				{},
			).interactive,
		).toEqual({
			type: 'button',
			body: { text: 'Come?' },
			action: {
				buttons: [
					{ type: 'reply', reply: { id: 'Yes', title: 'Yes' } },
					{ type: 'reply', reply: { id: 'n', title: 'No' } },
				],
			},
		});
		const list = sendBody(
			{
				...BASE,
				type: 'list',
				interactive: {
					header: 'Menu',
					body: 'Pick',
					listButton: 'Open',
					rows: [
						{ section: 'Noodles', title: 'Beef', description: 'Braised' },
						{ section: 'Rice', id: 'r1', title: 'Fried' },
						{ section: 'Noodles', title: 'Pork' },
					],
				},
			},
			{},
		).interactive;
		expect(list).toEqual({
			type: 'list',
			header: { type: 'text', text: 'Menu' },
			body: { text: 'Pick' },
			action: {
				button: 'Open',
				sections: [
					{
						title: 'Noodles',
						rows: [
							{ id: 'Beef', title: 'Beef', description: 'Braised' },
							{ id: 'Pork', title: 'Pork' },
						],
					},
					{ title: 'Rice', rows: [{ id: 'r1', title: 'Fried' }] },
				],
			},
		});
		expect(
			sendBody({ ...BASE, type: 'reaction', reaction: { messageId: 'wamid.X', emoji: '❤️' } }, {})
				.reaction,
		).toEqual({ message_id: 'wamid.X', meta_message_id: 'wamid.X', emoji: '❤️' });
	});

	it.each([
		[
			'a short phone',
			{ to: '12345' },
			'Recipient Phone: phone "12345" has 5 digits; expected 6 to 20 (country code and number)',
		],
		[
			'letters in the phone',
			{ businessPhone: '86133abc' },
			/^Business Phone: phone "86133abc" contains characters/,
		],
		['empty text', { text: '  ' }, 'Text is empty: give the message to send'],
		[
			'text over 4096',
			{ text: 'x'.repeat(4097) },
			'Text is 4097 characters long; WhatsApp allows at most 4096',
		],
		['no app key', { appKey: '' }, /^App Key is empty/],
		[
			'media with no link',
			{ type: 'image', media: { source: 'link', link: '' } },
			/^Media Link is empty/,
		],
		['media with no id', { type: 'video', media: { source: 'id', id: ' ' } }, /^Media ID is empty/],
		[
			'media link not http',
			{ type: 'image', media: { source: 'link', link: 'file:///etc/passwd' } },
			/^Media Link must be an http\(s\) URL/,
		],
		[
			'latitude out of range',
			{ type: 'location', location: { latitude: 91, longitude: 0 } },
			'Latitude must be between -90 and 90, got 91',
		],
		[
			'four buttons',
			{
				type: 'buttons',
				interactive: {
					body: 'b',
					buttons: [{ title: 'a' }, { title: 'b' }, { title: 'c' }, { title: 'd' }],
				},
			},
			'Buttons: give 1 to 3 reply buttons, got 4',
		],
		[
			'a long button title',
			{ type: 'buttons', interactive: { body: 'b', buttons: [{ title: 'x'.repeat(21) }] } },
			'Button 1 Title is 21 characters long; WhatsApp allows at most 20',
		],
		[
			'duplicate button ids',
			{
				type: 'buttons',
				interactive: {
					body: 'b',
					buttons: [
						{ title: 'a', id: '1' },
						{ title: 'b', id: '1' },
					],
				},
			},
			/^Button ID "1" is used twice/,
		],
		[
			'eleven rows',
			{
				type: 'list',
				interactive: {
					body: 'b',
					listButton: 'o',
					rows: Array.from({ length: 11 }, (_, n) => ({ title: `r${n}` })),
				},
			},
			'Rows: give 1 to 10 list rows, got 11',
		],
		[
			'a reaction without emoji',
			{ type: 'reaction', reaction: { messageId: 'wamid.X', emoji: '' } },
			/^Emoji is empty/,
		],
	])('%s fails before sending, naming the field', (_name, override, message) => {
		expect(() => sendBody({ ...BASE, ...(override as Partial<SendInput>) }, {})).toThrow(message);
	});

	it('emoji count once toward limits; a bad status webhook and an oversized tracking string are refused', () => {
		expect(charCount('👍👍')).toBe(2);
		expect(() => sendBody({ ...BASE, text: '👍'.repeat(4096) }, {})).not.toThrow();
		expect(() => sendBody(BASE, { drWebhook: 'my trigger' })).toThrow(
			'Status Webhook URL must be an http(s) URL, got "my trigger"',
		);
		expect(() => sendBody(BASE, { bizOpaqueCallbackData: 'x'.repeat(513) })).toThrow(
			/Tracking Data is 513 characters/,
		);
		expect(() =>
			sendBody(
				{ ...BASE, type: 'reaction', reaction: { messageId: 'a', emoji: '👍' } },
				{ replyTo: 'b' },
			),
		).toThrow(/a reaction cannot quote/);
	});

	it('mark as read and OTP bodies (§14, §20)', () => {
		expect(markAsReadBody('+86 133 0000 0000', ' ABGH ')).toEqual({
			business_phone: '8613300000000',
			messaging_product: 'whatsapp',
			message_id: 'ABGH',
			status: 'read',
		});
		expect(() => markAsReadBody('8613300000000', '')).toThrow(/^Message ID is empty/);
		const otp = {
			appKey: 'k',
			businessPhone: '',
			to: '8613800000001',
			code: '189384',
			languageCode: 'en',
			category: 'AUTHENTICATION',
			options: {},
		};
		expect(otpBody(otp)).toEqual({
			appkey: 'k',
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '8613800000001',
			category: 'AUTHENTICATION',
			content: '189384',
			language_code: 'en',
		});
		expect(
			otpBody({ ...otp, businessPhone: '8613300000000', options: { cusMessageId: 'otp-1' } }),
		).toMatchObject({ business_phone: '8613300000000', cus_message_id: 'otp-1' });
		expect(() => otpBody({ ...otp, code: '12ab' })).toThrow(
			'Code must be 4 to 8 digits, got "12ab"',
		);
		expect(() => otpBody({ ...otp, languageCode: 'English' })).toThrow(
			/^Language Code must look like/,
		);
	});
});

describe('template variables (§12.4, §16)', () => {
	const TEMPLATE = {
		name: 'order_update',
		language: 'en_US',
		components: [
			{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['A-1'] } },
			{
				type: 'BODY',
				text: 'Hi {{1}}, order {{2}} ships {{2}} on {{10}}.',
				example: { body_text: [['Ana', 'A-1', 'Monday']] },
			},
			{ type: 'FOOTER', text: 'Thanks' },
			{
				type: 'BUTTONS',
				buttons: [
					{ type: 'QUICK_REPLY', text: 'Stop' },
					{
						type: 'URL',
						text: 'Track',
						url: 'https://e.com/t/{{1}}',
						example: ['https://e.com/t/A-1'],
					},
					{ type: 'URL', text: 'Home', url: 'https://e.com' },
				],
			},
		],
	};

	it('one slot per placeholder (numbered in order, repeats once), URL buttons with a placeholder, quick replies optional', () => {
		expect(placeholders('{{2}} {{10}} {{1}} {{2}}')).toEqual(['1', '2', '10']);
		expect(templateSlots(TEMPLATE).map((s) => [s.id, s.label, s.required])).toEqual([
			['header_text_1', 'Header {{1}} (e.g. A-1)', true],
			['body_1', 'Body {{1}} (e.g. Ana)', true],
			['body_2', 'Body {{2}} (e.g. A-1)', true],
			['body_10', 'Body {{10}} (e.g. Monday)', true],
			['button_0_payload', 'Button "Stop" Payload', false],
			['button_1_url', 'Button "Track" URL Suffix (e.g. https://e.com/t/A-1)', true],
		]);
	});

	it('components from the values; the field ids alone rebuild the slots', () => {
		const values = {
			header_text_1: 'A-9',
			body_1: 'Bo',
			body_2: 'A-9',
			body_10: 7,
			button_1_url: 'A-9',
		};
		const slots = templateSlots(TEMPLATE);
		const components = templateComponents(slots, values);
		expect(components).toEqual([
			{ type: 'header', parameters: [{ type: 'text', text: 'A-9' }] },
			{
				type: 'body',
				parameters: [
					{ type: 'text', text: 'Bo' },
					{ type: 'text', text: 'A-9' },
					{ type: 'text', text: '7' },
				],
			},
			{ type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'A-9' }] },
		]);
		const rebuilt = slots.map((s) => slotFromId(s.id, s.label, s.required)!);
		expect(templateComponents(rebuilt, { ...values, button_0_payload: 'STOP' })).toContainEqual({
			type: 'button',
			sub_type: 'quick_reply',
			index: '0',
			parameters: [{ type: 'payload', payload: 'STOP' }],
		});
	});

	it('media headers take a link or a media ID; OTP buttons become url buttons', () => {
		const slots = templateSlots({
			components: [
				{ type: 'HEADER', format: 'DOCUMENT' },
				{ type: 'BODY', text: '{{1}} is your code.' },
				{ type: 'BUTTONS', buttons: [{ type: 'OTP', text: 'Copy code' }] },
			],
		});
		expect(slots.map((s) => s.id)).toEqual(['header_media_document', 'body_1', 'button_0_url']);
		expect(
			templateComponents(slots, {
				header_media_document: 'https://e.com/a.pdf',
				body_1: '1234',
				button_0_url: '1234',
			})[0],
		).toEqual({
			type: 'header',
			parameters: [{ type: 'document', document: { link: 'https://e.com/a.pdf' } }],
		});
		expect(
			templateComponents(slots, {
				header_media_document: 'media-1',
				body_1: '1',
				button_0_url: '1',
			})[0],
		).toEqual({ type: 'header', parameters: [{ type: 'document', document: { id: 'media-1' } }] });
	});

	it('missing variables are named, all of them, before anything is sent', () => {
		expect(() =>
			templateComponents(templateSlots(TEMPLATE), { header_text_1: 'x', body_2: ' ' }),
		).toThrow(
			'Template variables missing: "Body {{1}} (e.g. Ana)", "Body {{2}} (e.g. A-1)", "Body {{10}} (e.g. Monday)", "Button "Track" URL Suffix (e.g. https://e.com/t/A-1)". Fill them in (or map them from the input) before sending.',
		);
	});
});

const SEND_PARAMS = {
	resource: 'whatsAppMessage',
	operation: 'send',
	appKey: 'pem28kje',
	businessPhone: '8613300000000',
	to: '8613800000001',
	messageType: 'text',
	text: 'Hi',
	options: { tries: 3 },
};
const OK = {
	body: {
		code: 0,
		message: 'Request successful',
		data: { messaging_product: 'whatsapp', messages: [{ id: 'wamid.1' }] },
		traceId: 't1',
	},
};

async function run(
	params: Record<string, unknown>,
	http: (index: number) => HttpAnswer | Error,
	extra: { items?: object[]; continueOnFail?: boolean; credentials?: typeof TEST_CREDENTIALS } = {},
) {
	const mock = mockExecute({
		params,
		credentials: extra.credentials,
		items: extra.items as never,
		continueOnFail: extra.continueOnFail,
		http: (_request, index) => {
			const answer = http(index);
			if (answer instanceof Error) throw answer;
			return answer;
		},
	});
	try {
		return {
			output: (await new NxCloud().execute.call(mock.ctx))[0],
			requests: mock.requests,
			error: undefined,
		};
	} catch (error) {
		return {
			output: undefined,
			requests: mock.requests,
			error: error as Error & { description?: string },
		};
	}
}

describe('Send through the node', () => {
	it('signs for /api/wa/mt with action mt and outputs the message id to join status pushes on', async () => {
		const { output, requests } = await run(SEND_PARAMS, () => OK);
		expect(requests[0].url).toBe('https://api.test/api/wa/mt');
		expect(requests[0].headers).toMatchObject({ bizType: '2', action: 'mt' });
		expect(output).toEqual([
			{
				json: {
					messageId: 'wamid.1',
					to: '8613800000001',
					type: 'text',
					businessPhone: '8613300000000',
					traceId: 't1',
					messaging_product: 'whatsapp',
					messages: [{ id: 'wamid.1' }],
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it.each([
		['a timeout', networkError('ECONNABORTED', 'timeout of 30000ms exceeded')],
		['a reset', networkError('ECONNRESET', 'socket hang up')],
		['HTTP 502', { statusCode: 502, body: 'Bad Gateway' }],
		['a cut-off answer', { statusCode: 200, body: '{"code":0,"data":{' }],
	])(
		'after %s the message is NOT sent again: the item fails as ambiguous',
		async (_name, failure) => {
			const { requests, error } = await run(SEND_PARAMS, (index) =>
				index === 0 ? (failure as HttpAnswer | Error) : OK,
			);
			expect(requests).toHaveLength(1);
			expect(failureDetails(error)?.ambiguous).toBe(true);
			expect(error?.description).toMatch(
				/Not retried: NXCloud may already have received this request/,
			);
		},
	);

	it.each([
		['connection refused', networkError('ECONNREFUSED')],
		['HTTP 429', { statusCode: 429, body: 'slow down' }],
		['HTTP 503', { statusCode: 503, body: 'unavailable' }],
	])('after %s (nothing accepted) it is retried and sent once', async (_name, failure) => {
		const { output, requests } = await run(SEND_PARAMS, (index) =>
			index === 0 ? (failure as HttpAnswer | Error) : OK,
		);
		expect(requests).toHaveLength(2);
		expect(output?.[0].json.messageId).toBe('wamid.1');
	});

	it('bad input fails that item before any request; with continueOnFail the other items go out', async () => {
		const params = {
			...SEND_PARAMS,
			to: (i: number) => ['8613800000001', '123', '8613800000003'][i],
		};
		const { output, requests } = await run(params, () => OK, {
			items: [{}, {}, {}],
			continueOnFail: true,
		});
		expect(requests.map((r) => r.json.to)).toEqual(['8613800000001', '8613800000003']);
		expect(output?.[1].json).toEqual({
			error:
				'Recipient Phone: phone "123" has 3 digits; expected 6 to 20 (country code and number)',
			details: {},
		});
	});

	it("a Meta error (9099) names Meta's code and says what to do; 131047 points to templates", async () => {
		const meta = {
			body: {
				code: 9099,
				message: 'WhatsApp error',
				data: {
					error: {
						code: 131047,
						message: '(#131047) Re-engagement message',
						type: 'OAuthException',
						error_data: { messaging_product: 'whatsapp', details: 'More than 24 hours' },
					},
				},
			},
		};
		const { error, requests } = await run(SEND_PARAMS, () => meta);
		expect(requests).toHaveLength(1);
		expect(error?.message).toBe(
			'NXCloud refused the request (code 9099): WhatsApp error (Meta error 131047: (#131047) Re-engagement message: More than 24 hours)',
		);
		expect(error?.description).toMatch(/Send a template \(Send Template\) instead/);
		expect(failureDetails(error)).toMatchObject({ code: 9099, metaCode: 131047, ambiguous: false });
	});

	it.each([
		[9005, /Top up/],
		[9006, /not bound to this WhatsApp application/],
		[9004, /no price/],
	])('business code %i carries its hint', async (code, hint) => {
		const { error } = await run(SEND_PARAMS, () => ({ body: { code, message: 'no', data: null } }));
		expect(error?.description).toMatch(hint);
	});

	it("Business Phone from the picker ({__rl, mode, value}) and an empty App Key taking the credential's", async () => {
		const picked = { __rl: true, mode: 'list', value: '+86 133 0000 0000' };
		const params = { ...SEND_PARAMS, appKey: '', businessPhone: picked, options: {} };
		const { output, requests } = await run(params, () => OK, {
			credentials: { ...TEST_CREDENTIALS, appKey: 'credkey1' },
		});
		expect(requests[0].json).toMatchObject({ appkey: 'credkey1', business_phone: '8613300000000' });
		expect(output?.[0].json).toMatchObject({
			messageId: 'wamid.1',
			businessPhone: '8613300000000',
		});
		const read = await run(
			{
				resource: 'whatsAppMessage',
				operation: 'markAsRead',
				businessPhone: picked,
				messageId: 'ABGH',
				options: {},
			},
			() => ({ body: { code: 0, data: null } }),
		);
		expect(read.requests[0].json).toMatchObject({
			business_phone: '8613300000000',
			message_id: 'ABGH',
		});
		const neither = await run(params, () => OK);
		expect(neither.requests).toHaveLength(0);
		expect(neither.error?.message).toMatch(
			/^App Key is empty: .*WhatsApp App Key in the NXCloud credential/,
		);
	});

	it('Mark as Read sends action "read" to markMessageAsRead and may retry a lost answer', async () => {
		const params = {
			resource: 'whatsAppMessage',
			operation: 'markAsRead',
			businessPhone: '8613300000000',
			messageId: 'ABGH',
			options: {},
		};
		const { output, requests } = await run(params, (index) =>
			index === 0 ? networkError('ECONNRESET') : { body: { code: 0, data: null } },
		);
		expect(requests.map((r) => [r.url, r.headers.action])).toEqual([
			['https://api.test/api/wa/markMessageAsRead', 'read'],
			['https://api.test/api/wa/markMessageAsRead', 'read'],
		]);
		expect(output?.[0].json).toEqual({
			messageId: 'ABGH',
			status: 'read',
			businessPhone: '8613300000000',
		});
	});

	it('Send Template without a saved field list reads the template once per run and fills it', async () => {
		const template = {
			name: 'hello',
			language: 'en_US',
			status: 'APPROVED',
			components: [{ type: 'BODY', text: 'Hi {{1}}' }],
		};
		const params = {
			...SEND_PARAMS,
			operation: 'sendTemplate',
			templateName: 'hello',
			templateLanguage: 'en_US',
			variablesMode: 'fields',
			templateVariables: (i: number) => ({
				mappingMode: 'defineBelow',
				value: { body_1: `User ${i}` },
				schema: [],
			}),
		};
		const { output, requests } = await run(
			params,
			(index) =>
				index === 0
					? { body: { code: 0, data: { data: [template], paging: { cursors: {} } } } }
					: OK,
			{ items: [{}, {}] },
		);
		expect(requests.map((r) => r.headers.action)).toEqual(['getTemplate', 'mt', 'mt']);
		expect(requests[2].json.template).toEqual({
			name: 'hello',
			language: { code: 'en_US', policy: 'deterministic' },
			components: [{ type: 'body', parameters: [{ type: 'text', text: 'User 1' }] }],
		});
		expect(output).toHaveLength(2);
	});
});
