// Code node (Run Once for All Items) after a Webhook node with "Raw Body" on.
// Verifies each NXCloud WhatsApp push over the exact bytes received (receipt signing, §2.2 of the
// vendor's webhook page), then emits one item per event for the Switch node.
// n8n must run with NODE_FUNCTION_ALLOW_BUILTIN=crypto, or require('crypto') is refused.
const crypto = require('crypto');

// The open-platform Access Secret of the Access Key NXCloud signs with (console → API keys).
// Keep this workflow private: anyone who can open it can read the secret.
const ACCESS_SECRET = 'REPLACE_WITH_YOUR_ACCESS_SECRET';

const SIGNED_HEADERS = ['accesskey', 'action', 'biztype', 'ts', 'sign'];
const ENVELOPE_KEYS = [
	'app_id',
	'business_phone',
	'merchant_phone',
	'channel',
	'messaging_product',
	'metadata',
	'wabaId',
];
const FIELD_GROUPS = {
	message_template_status_update: 'template',
	message_template_quality_update: 'template',
	template_category_update: 'template',
	account_update: 'account',
	account_review_update: 'account',
	phone_number_name_update: 'phone',
	phone_number_quality_update: 'phone',
};

// Throws (the execution fails, nothing reaches the Switch) unless the push is signed with our secret.
function verify(headers, raw) {
	for (const name of SIGNED_HEADERS) {
		if (!headers[name]) throw new Error(`NXCloud push refused: header "${name}" is missing`);
	}
	const algorithm = String(headers.algorithm || 'md5')
		.trim()
		.toLowerCase();
	if (algorithm !== 'md5' && algorithm !== 'sha256')
		throw new Error(`NXCloud push refused: unknown algorithm "${algorithm}"`);
	const hash = crypto.createHash(algorithm);
	hash.update(
		`accessKey=${headers.accesskey}&action=${headers.action}&bizType=${headers.biztype}&ts=${headers.ts}`,
	);
	if (raw.length > 0) {
		hash.update('&body=');
		hash.update(raw); // the bytes as received: never JSON.stringify the parsed body again
	}
	hash.update(`&accessSecret=${ACCESS_SECRET}`);
	const expected = Buffer.from(hash.digest('hex'));
	const actual = Buffer.from(String(headers.sign).trim().toLowerCase());
	// Constant time, so the answer time tells nothing about how much of a forged sign was right.
	if (actual.length !== expected.length || !crypto.timingSafeEqual(actual, expected)) {
		throw new Error('NXCloud push refused: the signature does not match');
	}
}

const lower = (value, fallback) =>
	typeof value === 'string' && value ? value.toLowerCase() : fallback;

const results = [];
const pushes = $input.all();
for (let i = 0; i < pushes.length; i++) {
	const headers = pushes[i].json.headers;
	const raw = await this.helpers.getBinaryDataBuffer(i, 'data');
	verify(headers, raw);
	const body = JSON.parse(raw.toString('utf8'));
	const context = {};
	for (const key of ENVELOPE_KEYS) if (body[key] !== undefined) context[key] = body[key];
	const businessPhone =
		body.business_phone ?? body.merchant_phone ?? body.metadata?.display_phone_number ?? null;
	const before = results.length;
	const emit = (event, data) =>
		results.push({ json: { event, businessPhone, data, context }, pairedItem: { item: i } });
	for (const status of body.statuses ?? [])
		emit(`status.${lower(status.status, 'unknown')}`, status);
	for (const message of body.messages ?? [])
		emit(`message.${lower(message.type, 'unknown')}`, message);
	for (const call of body.calls ?? []) emit('call.record', call);
	if (typeof body.field === 'string')
		emit(`${FIELD_GROUPS[body.field] ?? 'other'}.${body.field}`, body.value ?? {});
	// A push of no known shape still reaches the workflow (Other), rather than vanishing.
	if (results.length === before) emit('other.unknown', body);
}
return results;
