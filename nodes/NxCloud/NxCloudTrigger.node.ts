import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { OUTPUTS_EXPRESSION } from './trigger/events/outputs';
import type { IncomingRequest, PushOutcome } from './trigger/handlePush';
import { handlePush } from './trigger/handlePush';
import { readRequestBody, respondJson, singleValueHeaders } from './trigger/http';
import { attachMedia } from './trigger/media';
import { forgetNode } from './trigger/secretCache';
import { loadSecrets, webhookSecrets } from './trigger/secrets';
import { triggerProperties } from './trigger/properties';
import type { TriggerSecrets } from './trigger/settings';
import { readSettings } from './trigger/settings';
import { currentWindow, forgetWindow, recordWindow, windowMemoryKey } from './trigger/redeliveryWindow';

/**
 * Fails activation (and "Listen for test event") when the parameters are invalid or the
 * credential lacks what the signature check needs, instead of refusing every push later.
 */
async function assertReady(this: IHookFunctions): Promise<void> {
	let settings;
	try {
		settings = readSettings((name, fallback) => this.getNodeParameter(name, fallback));
	} catch (error) {
		throw new NodeOperationError(this.getNode(), error as Error);
	}
	if (settings.signatureCheck === 'off') return;
	const secrets = await loadSecrets(this, settings.source);
	if (typeof secrets === 'string') throw new NodeOperationError(this.getNode(), secrets);
}

export class NxCloudTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NXCloud Trigger',
		name: 'nxCloudTrigger',
		icon: { light: 'file:nxcloud.svg', dark: 'file:nxcloud.dark.svg' },
		group: ['trigger'],
		// Must stay 1: n8n skips its own body parsing only for version-1 webhook nodes (see the
		// hidden "options" parameter), which lets the trigger answer malformed JSON itself.
		version: 1,
		subtitle: '={{$parameter["source"] === "callbot" ? "Callbot callbacks" : "WhatsApp pushes"}}',
		description: 'Starts the workflow on NXCloud WhatsApp webhook pushes and Callbot callbacks',
		defaults: { name: 'NXCloud Trigger' },
		inputs: [],
		// One output per event type of the chosen source, or a single output (see events/outputs.ts).
		outputs: OUTPUTS_EXPRESSION,
		credentials: [
			{
				name: 'nxCloudApi',
				required: true,
				displayOptions: { hide: { signatureCheck: ['off'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// The trigger writes every answer itself (see webhook()); 'noData' keeps n8n from
				// ever sending its default body.
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: triggerProperties,
	};

	webhookMethods = {
		default: {
			/**
			 * NXCloud keeps webhook URLs in its console and has no API to list or register them, so
			 * there is never anything to look up or create: report the webhook as existing once the
			 * node is usable, so n8n does not call create().
			 */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				await assertReady.call(this);
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				await assertReady.call(this);
				return true;
			},
			/**
			 * Nothing to remove at NXCloud. While the workflow is inactive NXCloud's posts to the URL
			 * get n8n's 404, and NXCloud retries them on its own schedule.
			 */
			async delete(this: IHookFunctions): Promise<boolean> {
				// Only this process's caches: the stored redelivery window stays for re-activation.
				forgetNode(this.getWorkflow().id, this.getNode().id);
				forgetWindow(windowMemoryKey(this.getWorkflow().id, this.getNode().id));
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const res = this.getResponseObject();
		let settings;
		try {
			settings = readSettings((name, fallback) => this.getNodeParameter(name, fallback));
		} catch (error) {
			this.logger.warn(`NXCloud Trigger "${this.getNode().name}": ${(error as Error).message}`);
			respondJson(res, 500, { error: (error as Error).message, reason: 'invalid_parameters' });
			return { noWebhookResponse: true };
		}

		const req = this.getRequestObject();
		const body = await readRequestBody(req);
		if ('refusal' in body) {
			respondJson(res, body.refusal.status, body.refusal.body);
			return { noWebhookResponse: true };
		}

		const nowMs = Date.now();
		const staticData = this.getWorkflowStaticData('node');
		const windowKey = windowMemoryKey(this.getWorkflow().id, this.getNode().id);
		const request: IncomingRequest = {
			headers: singleValueHeaders(req.headers as IDataObject),
			rawBody: body.rawBody,
			contentType: req.headers['content-type'] as string | undefined,
		};
		// Checking the window and recording the new one happen in one synchronous step inside
		// handle(), with no await in between, so two deliveries of the same event at the same
		// moment cannot both pass.
		const handle = (secrets: TriggerSecrets | undefined): PushOutcome => {
			const outcome = handlePush(request, {
				settings,
				secrets,
				window: currentWindow(windowKey, staticData),
				// "Listen for test event" may replay the same sample push while building the workflow.
				dedupe: this.getMode() !== 'manual',
				nowMs,
			});
			if (!('refused' in outcome) && outcome.window) recordWindow(windowKey, outcome.window, staticData, nowMs);
			return outcome;
		};

		const misconfigured = (message: string): IWebhookResponseData => {
			this.logger.warn(`NXCloud Trigger "${this.getNode().name}": ${message}`);
			respondJson(res, 500, { error: message, reason: 'credential_incomplete' });
			return { noWebhookResponse: true };
		};

		let outcome: PushOutcome;
		if (settings.signatureCheck === 'off') {
			outcome = handle(undefined);
		} else {
			const secrets = await webhookSecrets(this, settings.source, nowMs);
			if (typeof secrets === 'string') return misconfigured(secrets);
			outcome = handle(secrets.secrets);
			// A cached secret may be out of date: check a failed signature once more against the
			// credential as it is now.
			if (secrets.cached && 'refused' in outcome && outcome.refused.body.reason === 'bad_signature') {
				const fresh = await webhookSecrets(this, settings.source, nowMs, true);
				if (typeof fresh === 'string') return misconfigured(fresh);
				outcome = handle(fresh.secrets);
			}
		}
		if ('refused' in outcome) {
			this.logger.debug(`NXCloud Trigger refused a request: ${String(outcome.refused.body.reason)}`);
			respondJson(res, outcome.refused.status, outcome.refused.body);
			return { noWebhookResponse: true };
		}
		const { events, filtered, redelivered, emitted } = outcome.counts;
		if (emitted < events) {
			this.logger.debug(
				`NXCloud Trigger "${this.getNode().name}": ${events} event(s), ${filtered} filtered out, ${redelivered} redelivered, ${emitted} emitted`,
			);
		}
		// Answer now, before the execution exists: {"retCode":0} for Callbot, {"received":true}
		// for WhatsApp. Returning noWebhookResponse is also what makes n8n store the redelivery
		// window: with it n8n saves static data right after webhook() returns, before it creates
		// the execution. (When n8n answers itself, creating the execution first resets the
		// static data's change flag, and the window is never saved.) The price: n8n stores the
		// execution after NXCloud has its 200; see docs/trigger.md on overload.
		respondJson(res, 200, outcome.acknowledgement);
		if (outcome.outputs === null) {
			// Nothing left to emit (filtered or redelivered): no execution.
			return { noWebhookResponse: true };
		}
		if (settings.source === 'whatsapp' && this.getNodeParameter('downloadMedia', false) === true) {
			// After the answer: NXCloud never waits on a download, and a failed one only marks its item.
			const maxMb = Number(this.getNodeParameter('maxMediaSizeMb', 16));
			const property = String(this.getNodeParameter('mediaBinaryProperty', 'data') ?? '').trim() || 'data';
			const { failed } = await attachMedia(this, outcome.outputs, {
				maxBytes: Math.round((Number.isFinite(maxMb) && maxMb > 0 ? maxMb : 16) * 1024 * 1024),
				binaryProperty: property,
				timeoutMs: 30_000,
			});
			if (failed > 0) this.logger.warn(`NXCloud Trigger "${this.getNode().name}": ${failed} media download(s) failed; see mediaDownload on the items`);
		}
		return { noWebhookResponse: true, workflowData: outcome.outputs };
	}
}
