// A community webhook trigger that does nothing: no signature check, no splitting, no static data.
// The benchmark loads it into n8n (N8N_CUSTOM_EXTENSIONS, node type CUSTOM.minimalTrigger) to
// separate what n8n charges every community trigger per request from what the NXCloud Trigger
// itself adds. It answers before the workflow runs, like the NXCloud Trigger does.
class MinimalTrigger {
	constructor() {
		this.description = {
			displayName: 'Minimal Trigger',
			name: 'minimalTrigger',
			group: ['trigger'],
			version: 1,
			description: 'Benchmark baseline: emits the request body as one item',
			defaults: { name: 'Minimal Trigger' },
			inputs: [],
			outputs: ['main'],
			properties: [],
			webhooks: [
				{
					name: 'default',
					httpMethod: 'POST',
					responseMode: 'onReceived',
					responseData: 'noData',
					path: 'webhook',
				},
			],
		};
	}

	async webhook() {
		const res = this.getResponseObject();
		res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
		res.end('{"received":true}');
		return { noWebhookResponse: true, workflowData: [[{ json: this.getBodyData() }]] };
	}
}

module.exports = { MinimalTrigger };
