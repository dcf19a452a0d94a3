import { splitWhatsAppPush } from '../../../../nodes/NxCloud/trigger/events/whatsapp';
import { fixture, fixtureNames } from './fixtures';

type Expected = [event: string, output: string, businessPhone: string | null];

const ACCOUNT: Expected = ['account.account_update', 'account', '1669xxxx193'];
const TEMPLATE_STATUS: Expected = [
	'template.message_template_status_update',
	'template',
	'1669xxxx193',
];
const MESSAGE_0819 = (type: string): Expected => [`message.${type}`, 'message', '86176xxxx0819'];
const FAILED = (phone: string | null): Expected => ['status.failed', 'failed', phone];

/** Read off each payload by hand: the single event each vendor example must become. */
const EXPECTED: Record<string, Expected> = {
	'account-review-approved': ['account.account_review_update', 'account', '1669xxxx193'],
	'account-update-account-deleted': ACCOUNT,
	'account-update-account-restriction': ACCOUNT,
	'account-update-account-violation': ACCOUNT,
	'account-update-disabled-update': ACCOUNT,
	'account-update-partner-removed': ACCOUNT,
	'account-update-verified-account': ACCOUNT,
	'call-record': ['call.record', 'call', 'xxx'],
	'message-audio': ['message.audio', 'message', '86176xxxx819'],
	'message-document': MESSAGE_0819('document'),
	'message-image': MESSAGE_0819('image'),
	'message-interactive-button-reply': MESSAGE_0819('interactive'),
	'message-interactive-list-reply': MESSAGE_0819('interactive'),
	'message-interactive-nfm-reply': MESSAGE_0819('interactive'),
	'message-location': MESSAGE_0819('location'),
	'message-order': MESSAGE_0819('order'),
	'message-reaction': ['message.reaction', 'message', '8523xxxx859'],
	'message-sticker': MESSAGE_0819('sticker'),
	'message-text': MESSAGE_0819('text'),
	'message-text-product-enquiry': MESSAGE_0819('text'),
	'message-text-quoted-reply': MESSAGE_0819('text'),
	'message-text-referral': MESSAGE_0819('text'),
	'message-unsupported': MESSAGE_0819('unsupported'),
	'message-video': MESSAGE_0819('video'),
	'message-voice': MESSAGE_0819('voice'),
	'status-delivered': ['status.delivered', 'delivered', null],
	'status-failed-10000-meta-10': FAILED(null),
	'status-failed-10000-meta-100': FAILED(null),
	'status-failed-10000-meta-130429': FAILED(null),
	'status-failed-10000-meta-131000': FAILED(null),
	'status-failed-10000-meta-131008': FAILED(null),
	'status-failed-10000-meta-131009': FAILED(null),
	'status-failed-10000-meta-131056': FAILED(null),
	'status-failed-10000-meta-132000': FAILED(null),
	'status-failed-10000-meta-132001': FAILED(null),
	'status-failed-10000-meta-132005': FAILED(null),
	'status-failed-10001': FAILED('852664xxxx105'),
	'status-failed-10002': FAILED('852xxxx3862'),
	'status-failed-130472': FAILED('852xxxxx313'),
	'status-failed-131000': FAILED('62852xxxx8036'),
	'status-failed-131009': FAILED('62852xxxx8036'),
	'status-failed-131026': FAILED('852xxxx3862'),
	'status-failed-131031': FAILED('852664xxxx105'),
	'status-failed-131047': FAILED('62852xxxx8036'),
	'status-failed-131048': FAILED('852664xxxx105'),
	'status-failed-131049': FAILED('852664xxxx105'),
	'status-failed-131052': FAILED('62852xxxx8036'),
	'status-failed-131053': FAILED('852xxxx3862'),
	'status-failed-9001': FAILED('8523xxxxx862'),
	'status-read': ['status.read', 'read', null],
	'status-sent': ['status.sent', 'sent', null],
	'template-category-with-previous': [
		'template.template_category_update',
		'template',
		'8523****59',
	],
	'template-category-without-previous': [
		'template.template_category_update',
		'template',
		'8523***859',
	],
	'template-quality': ['template.message_template_quality_update', 'template', '852xxxx3867'],
	'template-status-approved': TEMPLATE_STATUS,
	'template-status-flagged': TEMPLATE_STATUS,
	'template-status-paused': TEMPLATE_STATUS,
	'template-status-pending-deletion': TEMPLATE_STATUS,
	'template-status-rejected': TEMPLATE_STATUS,
};

describe('splitWhatsAppPush: every vendor example', () => {
	it('has an expectation for every fixture file (59: 58 seed examples + the calls record)', () => {
		expect(fixtureNames('whatsapp')).toEqual(Object.keys(EXPECTED).sort());
		expect(Object.keys(EXPECTED)).toHaveLength(59);
	});

	it.each(Object.entries(EXPECTED))('%s -> %j', (name, [event, output, phone]) => {
		const body = fixture('whatsapp', name);
		const events = splitWhatsAppPush(body);
		expect(events).toHaveLength(1);
		expect(events[0].event).toBe(event);
		expect(events[0].output).toBe(output);
		expect(events[0].businessPhones[0] ?? null).toBe(phone);
		// The raw event, untouched.
		const raw = body.statuses?.[0] ?? body.messages?.[0] ?? body.calls?.[0] ?? body.value;
		expect(events[0].data).toEqual(raw);
	});
});

describe('splitWhatsAppPush: envelope context', () => {
	it('copies the envelope fields of a newer status push, and no contact when there is none', () => {
		const [event] = splitWhatsAppPush(fixture('whatsapp', 'status-failed-131026'));
		expect(event.context).toEqual({
			app_id: 'xxx',
			business_phone: '852xxxx3862',
			merchant_phone: '852xxxx3862',
			channel: 2,
			messaging_product: 'whatsapp',
			metadata: { display_phone_number: '852xxxx3862', phone_number_id: '161169xxxx19812' },
		});
		expect(event.costs).toBeUndefined();
	});

	it('attaches the contact whose wa_id sent the message', () => {
		const [text] = splitWhatsAppPush(fixture('whatsapp', 'message-text'));
		expect(text.context.contact).toEqual({ profile: { name: 'Jay' }, wa_id: '852xxxx705' });
		expect(text.costs).toEqual(fixture('whatsapp', 'message-text').messages[0].cost);
		const [reaction] = splitWhatsAppPush(fixture('whatsapp', 'message-reaction'));
		expect(reaction.context).toEqual({
			messaging_product: 'whatsapp',
			metadata: { display_phone_number: '8523xxxx859', phone_number_id: '12487xxxxx14609' },
			app_id: '48',
			business_phone: '8523xxxx859',
			merchant_phone: '8523xxxx859',
			channel: 2,
			contact: { wa_id: '8617xxxx50819', profile: { name: 'Jay' } },
		});
	});

	it('names the field of a management event in its context', () => {
		const [event] = splitWhatsAppPush(fixture('whatsapp', 'template-status-paused'));
		expect(event.context).toEqual({ field: 'message_template_status_update' });
		expect(event.data.message_template_id).toBe(6048);
	});

	it("counts the account event's phone_number as a business number after business_phone", () => {
		const [event] = splitWhatsAppPush(fixture('whatsapp', 'account-update-verified-account'));
		expect(event.businessPhones).toEqual(['1669xxxx193', 'PHONE_NUMBER']);
	});
});

describe('splitWhatsAppPush: one event per status, message and call', () => {
	it('splits three statuses into three events, in order', () => {
		const body = {
			business_phone: '85266123456',
			statuses: [
				{ id: 'wamid.1', status: 'sent', timestamp: '1700000000' },
				{ id: 'wamid.1', status: 'delivered', timestamp: '1700000001' },
				{ id: 'wamid.2', status: 'read', timestamp: '1700000002' },
			],
		};
		const events = splitWhatsAppPush(body);
		expect(events.map((e) => [e.event, e.output, e.data.id])).toEqual([
			['status.sent', 'sent', 'wamid.1'],
			['status.delivered', 'delivered', 'wamid.1'],
			['status.read', 'read', 'wamid.2'],
		]);
		expect(events.every((e) => e.businessPhones[0] === '85266123456')).toBe(true);
	});

	it('gives each of two messages its own contact', () => {
		const body = {
			contacts: [
				{ profile: { name: 'Ann' }, wa_id: '111' },
				{ profile: { name: 'Bob' }, wa_id: '222' },
			],
			messages: [
				{ from: '222', id: 'm1', type: 'text', text: { body: 'hi' } },
				{ from: '111', id: 'm2', type: 'image', image: { id: 'x' } },
			],
		};
		const events = splitWhatsAppPush(body);
		expect(events.map((e) => [e.event, (e.context.contact as any).profile.name])).toEqual([
			['message.text', 'Bob'],
			['message.image', 'Ann'],
		]);
	});

	it("keeps a status push's contacts for the recipient (newest docs)", () => {
		const body = {
			contacts: [{ wa_id: '333', user_id: 'BSUID-1', profile: { name: 'Cy' } }],
			statuses: [{ id: 'w', status: 'read', recipient_id: '333' }],
		};
		expect(splitWhatsAppPush(body)[0].context.contact).toEqual(body.contacts[0]);
	});

	it('handles statuses, messages and calls in one push', () => {
		const body = {
			statuses: [{ id: 'a', status: 'sent' }],
			messages: [{ id: 'b', type: 'text' }],
			calls: [{ call_id: 'c' }],
		};
		expect(splitWhatsAppPush(body).map((e) => e.event)).toEqual([
			'status.sent',
			'message.text',
			'call.record',
		]);
	});
});

describe('splitWhatsAppPush: anything unknown goes to Other, never dropped', () => {
	it.each([
		[
			'a status other than the four',
			{ statuses: [{ id: 'x', status: 'deleted' }] },
			'status.deleted',
		],
		['a status without status', { statuses: [{ id: 'x' }] }, 'status.unknown'],
		[
			'an unknown field',
			{ field: 'user_preferences', value: { business_phone: '1' } },
			'other.user_preferences',
		],
		['an object of no known shape', { hello: 'world' }, 'other.unknown'],
		['empty arrays', { statuses: [], messages: [] }, 'other.unknown'],
	])('%s', (_label, body, event) => {
		const events = splitWhatsAppPush(body);
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ event, output: 'other', filterKey: null });
	});

	it('wraps a body that is not an object', () => {
		const [event] = splitWhatsAppPush([1, 2]);
		expect(event).toMatchObject({
			event: 'other.unknown',
			output: 'other',
			data: { value: [1, 2] },
		});
	});

	it('keeps a message of an unknown type on the Message output', () => {
		expect(splitWhatsAppPush({ messages: [{ id: 'm', type: 'Fancy Type!' }] })[0]).toMatchObject({
			event: 'message.fancy_type_',
			output: 'message',
			filterKey: 'message',
		});
	});

	it('routes phone-number fields to the Phone Number output under their own filter key', () => {
		const [event] = splitWhatsAppPush({
			field: 'phone_number_quality_update',
			value: { business_phone: '852', event: 'FLAGGED' },
		});
		expect(event).toMatchObject({
			event: 'phone.phone_number_quality_update',
			output: 'phone',
			filterKey: 'phone',
		});
	});
});
