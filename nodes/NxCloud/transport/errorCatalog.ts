/**
 * What a user should do about the vendor codes we know (docs/vendor-api.md §1.6, §3.5, §8). The vendor's own
 * message is always kept as the error message; these become the error description.
 */
export const OPEN_PLATFORM_HINTS: Record<number, string> = {
	[-1]: 'NXCloud reported a general failure. Retry later; if it persists, contact NXCloud support with the trace ID.',
	1001: 'A required header was missing. This is a bug in the node if it persists: report it with the trace ID.',
	1002: 'NXCloud refused the request parameters (bizType, action or body fields). Check the values you passed.',
	1003: 'Invalid signature. Check the Access Secret and the Open Platform Algorithm in the NXCloud credential (they must match the console).',
	1004: "Timestamp expired. NXCloud allows 60 seconds of clock skew: synchronise this machine's clock (NTP).",
	1005: 'No permission. Check the Access Key, and that the product (WhatsApp) is enabled for your NXCloud account.',
	1100: 'The NXCloud account does not exist or is unavailable. Contact your NXCloud account manager.',
	1102: 'Insufficient balance on the NXCloud account. Top up the account, then retry.',
	9000: 'A request parameter is missing or invalid. Check the fields of this operation.',
	9001: 'NXCloud reported a system business error. Retry later; if it persists, contact NXCloud support with the trace ID.',
	9002: 'NXCloud refused the phone number. Check the Business Phone: country code and number, digits only (for example 8613300000000).',
	9003: 'The WhatsApp application (appkey) does not exist or is disabled. Check the App Key.',
	9004: "NXCloud has no price for the recipient's country on this application. Ask your NXCloud account manager to open that destination.",
	9005: 'Insufficient balance on the NXCloud account. Top up the account, then send again.',
	9006: 'The business phone is not bound to this WhatsApp application. Check the Business Phone and the App Key (node or credential), or bind the number to the app in the NXCloud console.',
	9007: 'NXCloud could not reach WhatsApp (downstream error). For a message, look for its status push before sending it again; otherwise retry later. If it persists, contact NXCloud support with the trace ID.',
	9008: 'The App Key does not exist. Check the App Key in the node or the WhatsApp App Key of the credential (NXCloud console → WhatsApp → Applications).',
	9010: 'The App Key belongs to another NXCloud account than the Access Key. Use the App Key of this account, or the credential of the account that owns the app.',
	9099: 'WhatsApp (Meta) refused the message; its reason is in the message above.',
	10003:
		'This WhatsApp business phone is not bound to the application. Check the Business Phone and App Key, or bind the number to the app in the NXCloud console.',
	10009: 'The calling line is not configured for this number. Contact NXCloud support.',
	10010:
		'No calling price is configured for this business phone. Contact your NXCloud account manager.',
	10011:
		'NXCloud could not read the SIP details of this business phone. Contact NXCloud support with the trace ID.',
	10012:
		'NXCloud could not apply the calling settings. Check the values (SIP addresses, business hours) and retry; if it persists, contact NXCloud support.',
	10013: 'Calling is not configured for this number yet. Enable calling first.',
	10015:
		'A calling switch was not 0 or 1. This is a bug in the node if it persists: report it with the trace ID.',
	10016:
		'NXCloud refused a calling setting value (for example a SIP address, port, type or business hours entry). Check the field named in the message.',
};

export const CALLBOT_HINTS: Record<number, string> = {
	1: 'Callbot reported a general failure. Retry later; if it persists, contact NXCloud support with the response ID.',
	2: 'A required parameter is missing. Check the fields of this operation.',
	3: 'A parameter has the wrong format. Check the fields of this operation.',
	4: 'A parameter value was refused (for example an unknown task ID). Check the values you passed.',
	4001: 'Too many elements in one request. Split the input into smaller requests (for example with a Loop Over Items node).',
	5: 'Callbot is under maintenance. Retry later.',
	5001: 'Callbot had an internal error. Retry later.',
	6: 'Callbot signature incorrect. Check the Callbot Secret Key and the Callbot Algorithm in the NXCloud credential (they must match the Callbot Developer page).',
	6001: 'Callbot signature missing. This is a bug in the node if it persists: report it with the response ID.',
	6002: 'The Callbot account does not exist. Check the Callbot UUID in the NXCloud credential.',
	6003: 'This Callbot account has no permission for this operation. Contact your NXCloud account manager.',
	7: 'Callbot is busy. Retry later, or raise the number of tries in the node options.',
	1001: 'An earlier batch import is still running, so import and export are unavailable. Wait and retry, or turn on "Wait If Import Running".',
};

/** Business codes worth retrying: the server was busy or down, not the request wrong. */
export const RETRYABLE_CALLBOT_CODES = new Set([5, 5001, 7]);

/**
 * What to do about "too many elements" (4001) depends on the operation: splitting is harmless for
 * most, but every Import as New Batch opens a new batch and drops the undialled numbers of the
 * previous one, so a split import would lose numbers.
 */
const TOO_MANY_BY_ENDPOINT: Record<string, string> = {
	importBatchCall:
		'Too many numbers for one import. Do not split it into several imports: each import opens a new batch and removes the numbers of the previous batch that were not dialled yet. Import the first part with Import as New Batch, then send the rest with Add Numbers to Task (which adds to the same batch; a Loop Over Items node can feed it in parts).',
	addBatchCall:
		'Too many numbers in one request. Split the input into smaller parts (for example with a Loop Over Items node): every Add Numbers to Task adds to the task, nothing is replaced.',
	createAndCall:
		'Too many numbers for Create and Call. Create the task with a first part of the numbers, then send the rest with Add Numbers to Task (a Loop Over Items node can feed it in parts).',
	stopOrder:
		'Too many order IDs in one request. Split them into smaller parts (for example with a Loop Over Items node).',
	listOrderDetail:
		'At most 500 order IDs per request. Split them into smaller parts (for example with a Loop Over Items node).',
};

/** The hint for a Callbot code answered by the endpoint at `path` (e.g. `/callcentre/api/v3/importBatchCall`). */
export function callbotHint(code: number, path: string): string | undefined {
	if (code === 4001) {
		const endpoint = path.slice(path.lastIndexOf('/') + 1);
		return TOO_MANY_BY_ENDPOINT[endpoint] ?? CALLBOT_HINTS[code];
	}
	return CALLBOT_HINTS[code];
}

/**
 * What to do about the Meta error codes NXCloud passes through (code 9099 `data.error.code` on a
 * send, and `errors[].code` / `meta_code` on failed status pushes). Meta's codes, as the vendor's
 * webhook examples show them.
 */
export const META_ERROR_HINTS: Record<number, string> = {
	10: 'The WhatsApp application lacks permission for this action. Check the number and app setup in the NXCloud console.',
	100: 'WhatsApp refused a parameter of the message. Check the fields (IDs, links, template name and language).',
	470: 'More than 24 hours have passed since the person last wrote: only template messages arrive now. Send a template (Send Template) instead.',
	130429:
		'Too many messages per second for this number. Slow down (for example with a Wait node or smaller batches) and send again later.',
	130472:
		"The person's number is part of a Meta experiment and did not get this marketing message. Nothing to fix.",
	131000:
		'WhatsApp had an unknown error. Send again later; contact NXCloud support with the trace ID if it persists.',
	131008: 'A required parameter of the message is missing. Check the fields of the message type.',
	131009:
		'A parameter value is not valid (for example a button title too long or an unknown media ID). Check the values.',
	131026:
		'The message could not be delivered: the number may not use WhatsApp, or has an old app version or blocked the business.',
	131031: 'The business account is locked by Meta. Check the account in the NXCloud console.',
	131047:
		'More than 24 hours have passed since the person last wrote: only template messages arrive now. Send a template (Send Template) instead.',
	131048:
		'Spam rate limit: too many of your messages were blocked or reported. Send fewer, more relevant messages.',
	131049:
		'Meta did not deliver this marketing message to keep engagement healthy. Try again later, not right away.',
	131051: 'This message type is not supported.',
	131052:
		'The media of the message could not be downloaded by WhatsApp. Check that the link is public and the file type is allowed.',
	131053:
		'The media could not be uploaded (wrong type or too large). Check the file against WhatsApp media limits.',
	131056:
		'Too many messages to the same person in a short time. Wait before sending to this number again.',
	132000:
		'The number of template variables does not match the template. Fill in every variable of the template, and no more.',
	132001:
		'The template does not exist in that language (or is not approved yet). Check the template name and language.',
	132005: 'The filled-in template text is too long. Shorten the variable values.',
	132007: 'The template content breaks a WhatsApp policy.',
	132012:
		'A template variable has the wrong format (for example text where media is expected). Check the variable values.',
	132015: 'The template is paused because of low quality. Use another template or edit this one.',
	132016: 'The template is disabled because of low quality. Use another template.',
	133010:
		'The business phone is not registered with WhatsApp. Check the number in the NXCloud console.',
};
