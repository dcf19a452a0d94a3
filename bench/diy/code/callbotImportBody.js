// Code node (Run Once for All Items): builds and signs one Callbot importBatchCall request from
// every input item (one phone number each), for the HTTP Request node after it to send as is.
// n8n must run with NODE_FUNCTION_ALLOW_BUILTIN=crypto, or require('crypto') is refused.
const crypto = require('crypto');

// Console → AI outbound call → Developer: the account's UUID, Secret Key and signing algorithm.
const CALLBOT_UUID = 'REPLACE_WITH_YOUR_CALLBOT_UUID';
const CALLBOT_SECRET_KEY = 'REPLACE_WITH_YOUR_CALLBOT_SECRET_KEY';
const CALLBOT_ALGORITHM = 'md5'; // or 'sha256', as chosen in the console
const USER_TASK_ID = 'REPLACE_WITH_YOUR_TASK_ID';
// Where NXCloud posts each finished order and each finished call (both required by NXCloud): the
// production URL of the workflow that receives Callbot callbacks; both may be the same URL.
const ORDER_CALLBACK_URL = 'REPLACE_WITH_YOUR_ORDER_CALLBACK_URL';
const CALL_CALLBACK_URL = 'REPLACE_WITH_YOUR_CALL_CALLBACK_URL';

const callList = $input.all().map(({ json }, i) => {
	// NXCloud wants the country code and digits only: "+86 155 0000 0001" → "8615500000001".
	const userPhone = String(json.phone ?? '').replace(/\D/g, '');
	if (userPhone.length < 6 || userPhone.length > 20)
		throw new Error(`Item ${i}: phone "${json.phone}" is not a phone number`);
	return {
		orderID: String(json.orderID ?? ''),
		userPhone,
		other: String(json.other ?? ''),
		userName: String(json.userName ?? ''),
		customerName: String(json.customerName ?? ''),
		params: Object.entries(json.params ?? {}).map(([name, value]) => ({
			name,
			value: String(value),
		})),
	};
});

// The sign covers these exact bytes; the HTTP Request node must send this string unchanged.
const body = JSON.stringify({
	productID: 'callbot',
	userTaskID: USER_TASK_ID,
	callInfoList: {
		orderCallbackUrl: ORDER_CALLBACK_URL,
		callCallbackUrl: CALL_CALLBACK_URL,
		callList,
	},
});
const createTs = Math.floor(Date.now() / 1000).toString();
const requestID = crypto.randomUUID().replace(/-/g, '');
const sign = crypto
	.createHash(CALLBOT_ALGORITHM)
	.update(
		`${CALLBOT_SECRET_KEY}&body=${body}&createTs=${createTs}&requestID=${requestID}&uuid=${CALLBOT_UUID}`,
	)
	.digest('hex')
	.toUpperCase();

return [
	{
		json: {
			body,
			rows: callList.length,
			headers: {
				requestID,
				uuid: CALLBOT_UUID,
				createTs,
				sign,
				algorithm: CALLBOT_ALGORITHM.toUpperCase(),
			},
		},
	},
];
