// Code node (Run Once for All Items) after a Webhook node with "Raw Body" on.
// Verifies each Callbot callback over the exact bytes received (the Callbot request signature,
// which NXCloud also puts on its callbacks), then names the callback for the Switch node.
// n8n must run with NODE_FUNCTION_ALLOW_BUILTIN=crypto, or require('crypto') is refused.
const crypto = require('crypto');

// Console → AI outbound call → Developer: the account's UUID, Secret Key and signing algorithm.
const CALLBOT_UUID = 'REPLACE_WITH_YOUR_CALLBOT_UUID';
const CALLBOT_SECRET_KEY = 'REPLACE_WITH_YOUR_CALLBOT_SECRET_KEY';
const CALLBOT_ALGORITHM = 'md5'; // or 'sha256', as chosen in the console

const equalInConstantTime = (a, b) => {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && crypto.timingSafeEqual(x, y);
};

function verify(headers, raw) {
	for (const name of ['requestid', 'uuid', 'createts', 'sign']) {
		if (!headers[name]) throw new Error(`Callbot callback refused: header "${name}" is missing`);
	}
	const sign = crypto
		.createHash(CALLBOT_ALGORITHM)
		.update(`${CALLBOT_SECRET_KEY}&body=`)
		.update(raw) // the bytes as received: never JSON.stringify the parsed body again
		.update(`&createTs=${headers.createts}&requestID=${headers.requestid}&uuid=${headers.uuid}`)
		.digest('hex')
		.toUpperCase();
	const signOk = equalInConstantTime(String(headers.sign).trim().toUpperCase(), sign);
	if (!equalInConstantTime(String(headers.uuid), CALLBOT_UUID) || !signOk) {
		throw new Error('Callbot callback refused: the signature does not match');
	}
}

// By shape: callbackType is printed as a string in one vendor example and a number in others.
function kind(body) {
	if (body.taskStat !== undefined) return 'task';
	const detail = body.callInfoDetail;
	if (
		detail &&
		typeof detail === 'object' &&
		(detail.callingNumber !== undefined || detail.lineAddress !== undefined)
	)
		return 'call';
	if (detail !== undefined || body.orderID !== undefined) return 'order';
	return 'unknown';
}

const results = [];
const callbacks = $input.all();
for (let i = 0; i < callbacks.length; i++) {
	const headers = callbacks[i].json.headers;
	const raw = await this.helpers.getBinaryDataBuffer(i, 'data');
	verify(headers, raw);
	const body = JSON.parse(raw.toString('utf8'));
	results.push({ json: { event: `callbot.${kind(body)}`, data: body }, pairedItem: { item: i } });
}
return results;
