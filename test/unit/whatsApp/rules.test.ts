// Pure checks of the new WhatsApp operations: media types and sizes (§17.3), template names and
// components (§18.1), getPhone's two answer shapes (§15), picker values in both saved shapes.
import { chooseAppKey } from '../../../nodes/NxCloud/actions/common/appKey';
import { locatorValue } from '../../../nodes/NxCloud/actions/common/locator';
import { flattenPhones } from '../../../nodes/NxCloud/actions/whatsAppBusinessPhone/phoneList';
import {
	checkUpload,
	fileNameWithExtension,
	mediaKindOf,
} from '../../../nodes/NxCloud/actions/whatsAppMedia/mediaRules';
import { createBody } from '../../../nodes/NxCloud/actions/whatsAppTemplate/create.operation';
import {
	componentsOf,
	templateNameOf,
} from '../../../nodes/NxCloud/actions/whatsAppTemplate/templateFields';
import { mediaRefOf } from '../../../nodes/NxCloud/trigger/media';

const MB = 1024 * 1024;

describe('checkUpload', () => {
	it.each([
		['image/jpeg', 5 * MB, 'image'],
		['audio/ogg; codecs=opus', 16 * MB, 'audio'],
		['video/mp4', 16 * MB, 'video'],
		['application/pdf', 100 * MB, 'document'],
		['image/webp', 100 * 1024, 'sticker'],
	])('%s up to %i bytes is a %s', (type, size, kind) => {
		expect(checkUpload(type, size, 'F')).toEqual({ type: type.split(';')[0], kind });
		expect(() => checkUpload(type, size + 1, 'F')).toThrow(
			new RegExp(`^F: the file is .*; WhatsApp takes ${kind} files`),
		);
	});

	it('refuses a type WhatsApp does not take, naming the field and the accepted types', () => {
		expect(() => checkUpload('image/gif', 10, 'Input Binary Field "data"')).toThrow(
			/^Input Binary Field "data": MIME type "image\/gif" is not accepted by WhatsApp; use one of image\/jpeg, image\/png/,
		);
		expect(() => checkUpload('', 10, 'F')).toThrow(/no MIME type/);
		expect(() => checkUpload('image/png', 0, 'F')).toThrow(/empty/);
	});

	it('tells a sticker from an image by type', () => {
		expect(mediaKindOf('image/webp')).toBe('sticker');
		expect(mediaKindOf('IMAGE/PNG')).toBe('image');
		expect(mediaKindOf('application/zip')).toBeUndefined();
	});

	it('adds the extension getMedia file names lack', () => {
		expect(fileNameWithExtension('c5e744fab2a3b69941ed3c64', 'image/webp')).toBe(
			'c5e744fab2a3b69941ed3c64.webp',
		);
		expect(fileNameWithExtension('voice.ogg', 'audio/ogg; codecs=opus')).toBe('voice.ogg');
		expect(fileNameWithExtension('x', 'application/x-unknown')).toBe('x');
	});
});

describe('templates', () => {
	it('names: lower-case letters, digits, underscores', () => {
		expect(templateNameOf({ __rl: true, mode: 'list', value: 'order_update_2' })).toBe(
			'order_update_2',
		);
		expect(() => templateNameOf('Order Update')).toThrow(
			/^Template Name "Order Update" may contain only/,
		);
		expect(() => templateNameOf('')).toThrow(/^Template Name is empty/);
	});

	it.each([
		['not json', /is not valid JSON/],
		['[]', /non-empty array/],
		['[{"type":"FOOTER","text":"x"}]', /exactly one BODY component, found 0/],
		['[{"type":"BODY"}]', /entry 1: a BODY needs text/],
		[
			'[{"type":"BODY","text":"Hi {{1}}"}]',
			/entry 1: the BODY text has \{\{n\}\} variables, so it needs an example/,
		],
		[
			'[{"type":"HEADER","format":"IMAGE"},{"type":"BODY","text":"x"}]',
			/entry 1: a IMAGE header needs example.header_handle/,
		],
		[
			'[{"type":"BODY","text":"x"},{"type":"BUTTONS"}]',
			/entry 2: BUTTONS needs a non-empty buttons array/,
		],
		['[{"type":"CAROUSEL"}]', /entry 1: type must be one of HEADER, BODY, FOOTER, BUTTONS/],
	])('components %s are refused', (json, message) => {
		expect(() => componentsOf(json)).toThrow(message);
	});

	it('builds the createTemplate body in the vendor field order', () => {
		const body = createBody(
			{ appkey: 'k', business_phone: '8613300000000' },
			{
				name: 'hello_1',
				category: 'utility',
				language: 'en_US',
				components: '[{"type":"BODY","text":"Hi"}]',
				ttl: 600,
			},
		);
		expect(Object.keys(body)).toEqual([
			'appkey',
			'business_phone',
			'messaging_product',
			'name',
			'category',
			'language',
			'components',
			'message_send_ttl_seconds',
		]);
		expect(body.category).toBe('UTILITY');
		expect(() =>
			createBody({}, { name: 'a', category: 'PROMO', language: 'en', components: '[]' }),
		).toThrow(/^Category must be one of/);
		expect(() =>
			createBody({}, { name: 'a', category: 'UTILITY', language: 'English', components: '[]' }),
		).toThrow(/^Language "English"/);
	});
});

describe('getPhone answers', () => {
	const profile = { display_phone_number: '+86 xxx 24', status: 'CONNECTED' };
	it('the example shape (object keyed by number) and the table shape (array) give the same list', () => {
		expect(flattenPhones({ '8613300000000': [profile] })).toEqual([
			{ business_phone: '8613300000000', ...profile },
		]);
		expect(
			flattenPhones({ business_phones: [{ business_phone: '8613300000000', ...profile }] }),
		).toEqual([{ business_phone: '8613300000000', ...profile }]);
		expect(flattenPhones(null)).toEqual([]);
	});
});

describe('saved parameter shapes', () => {
	it('a picker value and a plain value read the same', () => {
		expect(
			locatorValue({ __rl: true, mode: 'list', value: '8613300000000', cachedResultName: 'x' }),
		).toBe('8613300000000');
		expect(locatorValue('8613300000000')).toBe('8613300000000');
		expect(locatorValue({ other: 1 })).toEqual({ other: 1 });
	});

	it('the node App Key wins over the credential one', () => {
		expect(chooseAppKey(' node ', 'cred')).toBe('node');
		expect(chooseAppKey('', ' cred ')).toBe('cred');
		expect(chooseAppKey('', undefined)).toBe('');
	});
});

describe('trigger media references', () => {
	const item = (type: string, extra: object = {}) => ({
		event: `message.${type}`,
		businessPhone: '86176xxxx0819',
		data: { type, [type]: { id: 'm-1', ...extra } },
	});
	it.each(['image', 'voice', 'audio', 'video', 'document', 'sticker'])(
		'%s messages point at their media',
		(type) => {
			expect(mediaRefOf(item(type))).toEqual({
				businessPhone: '86176xxxx0819',
				mediaId: 'm-1',
				type,
			});
		},
	);
	it('text, statuses and media without an id point at nothing', () => {
		expect(
			mediaRefOf({
				event: 'message.text',
				businessPhone: '1',
				data: { type: 'text', text: { body: 'x' } },
			}),
		).toBeUndefined();
		expect(
			mediaRefOf({
				event: 'status.sent',
				businessPhone: '1',
				data: { type: 'image', image: { id: 'x' } },
			}),
		).toBeUndefined();
		expect(mediaRefOf(item('image', { id: '' }))).toBeUndefined();
	});
});
