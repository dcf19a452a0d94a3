// The trigger's output names in the editor's order, as the tests expect them: written out here,
// once, never read from the node under test (a renamed or reordered output must fail a test).
export const WHATSAPP_OUTPUTS = [
	'Account',
	'Call',
	'Message',
	'Phone Number',
	'Delivered',
	'Failed',
	'Read',
	'Sent',
	'Template',
	'Other',
];
export const CALLBOT_OUTPUTS = ['Call', 'Order', 'Task', 'Other'];
