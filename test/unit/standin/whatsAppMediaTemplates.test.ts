// The stand-in's WhatsApp media, template and phone endpoints over HTTP: the documented success
// shapes, the multipart signing rule, and each refusal a node could run into.
import type { StandIn } from '../../support/standin';
import { post } from '../../support/standin';
import { APPKEY, PHONE, start } from './client';
import { callWa, uploadWa, type FormField } from './whatsAppClient';

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1000, 7)]);
const fields = (data = jpeg, type = 'image/jpeg'): FormField[] => [
	{ name: 'business_phone', value: PHONE },
	{ name: 'messaging_product', value: 'whatsapp' },
	{ name: 'type', value: type },
	{ name: 'file', file: { fileName: 'photo.jpg', contentType: type, data } },
];
const get = (url: string, headers: Record<string, string> = {}) =>
	post(url, '', { method: 'GET', headers });

let standIn: StandIn;
beforeAll(async () => {
	standIn = await start();
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

describe('media', () => {
	it('upload → getMedia link → the same bytes → delete → gone', async () => {
		const up = await uploadWa(standIn, fields());
		expect(up.json()).toMatchObject({
			code: 0,
			data: { id: expect.stringMatching(/^[0-9a-f-]{36}$/) },
		});
		const id = up.json().data.id as string;
		expect(standIn.state.whatsApp.media.get(id)?.uploadedName).toBe('photo.jpg');

		const info = await callWa(standIn, 'getMedia', {
			business_phone: PHONE,
			'Media-ID': id,
			messaging_product: 'whatsapp',
		});
		expect(info.json().data).toEqual({
			mime_type: 'image/jpeg',
			file_name: expect.stringMatching(/^[0-9a-f]{24}$/),
			url: expect.stringContaining('/oss/media/'),
		});
		const file = await get(info.json().data.url);
		expect(file.status).toBe(200);
		expect(file.headers['content-type']).toBe('image/jpeg');
		expect(file.body.equals(jpeg)).toBe(true);

		const del = await callWa(standIn, 'deleteMedia', {
			business_phone: PHONE,
			'Media-ID': id,
			messaging_product: 'whatsapp',
		});
		expect(del.json()).toMatchObject({ code: 0, data: { success: true } });
		const again = await callWa(standIn, 'getMedia', {
			business_phone: PHONE,
			'Media-ID': id,
			messaging_product: 'whatsapp',
		});
		expect(again.json()).toMatchObject({ code: 9001 });
	});

	it('a multipart upload signed over its body (the JSON rule) is refused with 1003', async () => {
		const res = await uploadWa(standIn, fields(), { signBody: true });
		expect(res.json()).toMatchObject({ code: 1003 });
		expect(standIn.lastRequest()!.reason).toMatch(/headers \(multipart: no body\)/);
	});

	it('an upload sent as JSON, or with the wrong action, is refused', async () => {
		expect((await callWa(standIn, 'uploadMedia', { business_phone: PHONE })).json()).toMatchObject({
			code: 1003,
		});
		expect((await uploadWa(standIn, fields(), { action: 'mt' })).json()).toMatchObject({
			code: 1002,
		});
	});

	it.each([
		['a GIF', fields(jpeg, 'image/gif'), 9000, /type: "image\/gif" is not a supported media type/],
		[
			'an image over 5 MiB',
			fields(Buffer.alloc(5 * 1024 * 1024 + 1), 'image/jpeg'),
			9000,
			/over the 5242880-byte limit/,
		],
		[
			'a sticker over 100 KiB',
			fields(Buffer.alloc(100 * 1024 + 1), 'image/webp'),
			9000,
			/over the 102400-byte limit/,
		],
		['no file', fields().slice(0, 3), 9000, /file is missing/],
		[
			'a bad phone',
			[{ name: 'business_phone', value: '12' }, ...fields().slice(1)],
			9002,
			/not 6–20 digits/,
		],
		[
			'an unbound phone',
			[{ name: 'business_phone', value: '8613311111111' }, ...fields().slice(1)],
			9006,
			/bound to no app/,
		],
	])('upload of %s → %i', async (_name, form, code, reason) => {
		const res = await uploadWa(standIn, form as FormField[]);
		expect(res.json()).toMatchObject({ code });
		expect(standIn.lastRequest()!.reason).toMatch(reason);
	});

	it('the download link refuses a forged signature, an expired link and NXCloud headers', async () => {
		const media = standIn.state.whatsApp.media.add(PHONE, jpeg, 'image/jpeg');
		const info = await callWa(standIn, 'getMedia', {
			business_phone: PHONE,
			'Media-ID': media.id,
			messaging_product: 'whatsapp',
		});
		const url = new URL(info.json().data.url);
		expect((await get(url.toString(), { accessKey: 'x', sign: 'y' })).status).toBe(400);
		const forged = new URL(url);
		forged.searchParams.set('Signature', 'forged');
		expect((await get(forged.toString())).status).toBe(403);
		const expired = new URL(url);
		const past = Math.floor(Date.now() / 1000) - 10;
		expired.searchParams.set('Expires', String(past));
		expired.searchParams.set('Signature', standIn.state.whatsApp.media.signature(media.id, past));
		const res = await get(expired.toString());
		expect(res.status).toBe(403);
		expect(res.text()).toMatch(/Request has expired/);
	});

	it('getMedia needs Media-ID with its odd key, and the right action', async () => {
		expect(
			(
				await callWa(standIn, 'getMedia', {
					business_phone: PHONE,
					media_id: 'x',
					messaging_product: 'whatsapp',
				})
			).json(),
		).toMatchObject({ code: 9000, message: 'Request parameter error: Media-ID is required' });
		expect(
			(
				await callWa(
					standIn,
					'getMedia',
					{ business_phone: PHONE, 'Media-ID': 'x', messaging_product: 'whatsapp' },
					{ action: 'mt' },
				)
			).json(),
		).toMatchObject({ code: 1002 });
	});
});

describe('templates', () => {
	const scope = { appkey: APPKEY, business_phone: PHONE, messaging_product: 'whatsapp' };

	it('create (PENDING) → list with cursor paging → update → delete all languages', async () => {
		for (let i = 0; i < 5; i++) standIn.state.whatsApp.templates.add(PHONE, { name: `seed_${i}` });
		const created = await callWa(standIn, 'createTemplate', {
			...scope,
			name: 'order_update',
			category: 'UTILITY',
			language: 'en_US',
			components: [{ type: 'BODY', text: 'Hi {{1}}', example: { body_text: [['Ana']] } }],
		});
		expect(created.json()).toMatchObject({ code: 0, data: { id: expect.any(String) } });
		await callWa(standIn, 'createTemplate', {
			...scope,
			name: 'order_update',
			category: 'UTILITY',
			language: 'pt_BR',
			components: [{ type: 'BODY', text: 'Oi' }],
		});

		const first = (await callWa(standIn, 'getTemplate', { ...scope, limit: 4 })).json().data;
		expect(first.data).toHaveLength(4);
		expect(first.paging.next).toEqual(expect.any(String));
		const second = (
			await callWa(standIn, 'getTemplate', {
				...scope,
				limit: 4,
				after: first.paging.cursors.after,
			})
		).json().data;
		expect(second.data.map((t: { name: string }) => t.name)).toEqual([
			'seed_4',
			'order_update',
			'order_update',
		]);
		expect(second.paging.next).toBeUndefined();
		const byName = (await callWa(standIn, 'getTemplate', { ...scope, name: 'order_update' })).json()
			.data.data;
		expect(byName.map((t: { language: string; status: string }) => [t.language, t.status])).toEqual(
			[
				['en_US', 'PENDING'],
				['pt_BR', 'PENDING'],
			],
		);

		const id = created.json().data.id;
		const updated = await callWa(standIn, 'updateTemplate', {
			...scope,
			template_id: id,
			components: [{ type: 'BODY', text: 'Hello' }],
		});
		expect(updated.json()).toMatchObject({ code: 0, data: { id } });
		const refusedCategory = await callWa(standIn, 'updateTemplate', {
			...scope,
			template_id: id,
			category: 'MARKETING',
			components: [{ type: 'BODY', text: 'Hello' }],
		});
		expect(refusedCategory.json()).toMatchObject({ code: 9000 });

		expect(
			(await callWa(standIn, 'deleteTemplate', { ...scope, name: 'order_update' })).json(),
		).toMatchObject({ code: 0, data: { success: true } });
		expect(standIn.state.whatsApp.templates.list(PHONE).map((t) => t.name)).toEqual([
			'seed_0',
			'seed_1',
			'seed_2',
			'seed_3',
			'seed_4',
		]);
		expect(
			(await callWa(standIn, 'deleteTemplate', { ...scope, name: 'order_update' })).json(),
		).toMatchObject({ code: 9001 });
	});

	it.each([
		['no appkey', { business_phone: PHONE, messaging_product: 'whatsapp' }, 9000],
		['another app', { ...scope, appkey: 'other' }, 9006],
		['limit 0', { ...scope, limit: 0 }, 9000],
		['a foreign cursor', { ...scope, after: '!!' }, 9000],
	])('getTemplate with %s → %i', async (_name, body, code) => {
		expect((await callWa(standIn, 'getTemplate', body)).json()).toMatchObject({ code });
	});

	it.each([
		[
			'a variable without example',
			[{ type: 'BODY', text: 'Hi {{1}}' }],
			/components\[0\].example is missing/,
		],
		[
			'two bodies',
			[
				{ type: 'BODY', text: 'a' },
				{ type: 'BODY', text: 'b' },
			],
			/2 BODY components/,
		],
		['an unknown type', [{ type: 'CAROUSEL' }], /CAROUSEL/],
	])('createTemplate with %s → 9000', async (_name, components, reason) => {
		const res = await callWa(standIn, 'createTemplate', {
			...scope,
			name: 'x_1',
			category: 'UTILITY',
			language: 'en_US',
			components,
		});
		expect(res.json()).toMatchObject({ code: 9000 });
		expect(standIn.lastRequest()!.reason).toMatch(reason);
	});
});

describe('getPhone', () => {
	it('answers every number of the app, keyed by number (the vendor example shape)', async () => {
		standIn.state.calling.bindPhone({ business_phone: '85266123456', appkey: APPKEY });
		standIn.state.calling.bindPhone({ business_phone: '8613399999999', appkey: 'other' });
		standIn.state.whatsApp.phones.set(PHONE, { verified_name: 'ACME', quality_rating: 'YELLOW' });
		const all = (
			await callWa(standIn, 'getPhone', { appkey: APPKEY, messaging_product: 'whatsapp' })
		).json();
		expect(Object.keys(all.data)).toEqual([PHONE, '85266123456']);
		expect(all.data[PHONE]).toEqual([
			expect.objectContaining({
				verified_name: 'ACME',
				quality_rating: 'YELLOW',
				status: 'CONNECTED',
			}),
		]);
		const one = (
			await callWa(standIn, 'getPhone', {
				appkey: APPKEY,
				business_phones: '85266123456',
				messaging_product: 'whatsapp',
			})
		).json();
		expect(Object.keys(one.data)).toEqual(['85266123456']);
		expect(
			(
				await callWa(standIn, 'getPhone', {
					appkey: APPKEY,
					business_phones: '8613399999999',
					messaging_product: 'whatsapp',
				})
			).json(),
		).toMatchObject({ code: 9006 });
		expect(
			(await callWa(standIn, 'getPhone', { appkey: APPKEY, messaging_product: 'sms' })).json(),
		).toMatchObject({ code: 9000 });
	});
});
