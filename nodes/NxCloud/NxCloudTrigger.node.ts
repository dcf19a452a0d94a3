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
import { simplifyOutputs } from './trigger/events/simplify';
import type { IncomingRequest } from './trigger/handlePush';
import { readRequestBody, respondJson, singleValueHeaders } from './trigger/http';
import { attachMedia } from './trigger/media';
import { refusalAdvice } from './trigger/refusalAdvice';
import { forgetRefusals, noteRefusal } from './trigger/refusalLog';
import { forgetRereads, mayRereadCredential } from './trigger/rereadGate';
import { forgetNode } from './trigger/secretCache';
import { loadSecrets, webhookSecrets } from './trigger/secrets';
import { triggerProperties } from './trigger/properties';
import type { TriggerSecrets, TriggerSettings } from './trigger/settings';
import type { TriggerSource } from './trigger/events/types';
import { readSettings } from './trigger/settings';
import { answerOnceStored } from './trigger/answerOnceStored';
import type { TakenPush } from './trigger/takePush';
import { takePush } from './trigger/takePush';
import { forgetTakenKeys, windowToStore } from './trigger/takenKeys';
import { readStoredWindow, windowMemoryKey, writeStoredWindow } from './trigger/redeliveryWindow';

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

/** One trigger node of one workflow, for the per-node limits of refused pushes. */
function nodeKey(workflowId: string | undefined, nodeId: string): string {
	return `${workflowId ?? ''}\u0000${nodeId}`;
}

/**
 * Answers a refused request (NXCloud gets the status and the reason) and makes the refusal seen:
 * - in "Listen for test event", by failing the trigger with what was refused and what to do, so
 *   the editor shows it on this click (n8n records the execution with this error on the trigger;
 *   the answer NXCloud got stays the one written here);
 * - in production, by a warn line, at most one per reason per minute per node, with the count of
 *   the others. Neither ever carries the request's body or a secret.
 */
function refuse(
	ctx: IWebhookFunctions,
	source: TriggerSource,
	status: number,
	body: IDataObject,
): IWebhookResponseData {
	respondJson(ctx.getResponseObject(), status, body);
	const reason = String(body.reason);
	const signed = Boolean((ctx.getRequestObject().headers as IDataObject | undefined)?.sign);
	const { problem, fix } = refusalAdvice(source, body, signed);
	const name = ctx.getNode().name;
	if (ctx.getMode() === 'manual') {
		throw new NodeOperationError(
			ctx.getNode(),
			`NXCloud Trigger refused a push (${status} ${reason}): ${problem} ${fix}`,
			{
				description: `NXCloud was answered ${status} with reason "${reason}". ${problem} ${fix}`,
			},
		);
	}
	const note = noteRefusal(nodeKey(ctx.getWorkflow().id, ctx.getNode().id), reason, Date.now());
	if (note.log) {
		const more =
			note.suppressed > 0
				? ` (${note.suppressed} more refused for this reason in the last minute, not logged)`
				: '';
		ctx.logger.warn(
			`NXCloud Trigger "${name}" (workflow ${ctx.getWorkflow().id}) refused a push (${status} ${reason}): ${problem} ${fix}${more}`,
		);
	}
	return { noWebhookResponse: true };
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
				// n8n answers an accepted push, with what webhook() returns as webhookResponse, once
				// it has stored the execution (see trigger/answerOnceStored.ts); the trigger writes
				// refusals itself. responseData must be '' for n8n to send webhookResponse (unset, it
				// would send the text "firstEntryJson"; 'noData' would send nothing).
				responseMode: 'onReceived',
				responseData: '',
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
				forgetRefusals(nodeKey(this.getWorkflow().id, this.getNode().id));
				forgetRereads(nodeKey(this.getWorkflow().id, this.getNode().id));
				forgetTakenKeys(windowMemoryKey(this.getWorkflow().id, this.getNode().id));
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const res = this.getResponseObject();
		let settings: TriggerSettings;
		try {
			settings = readSettings((name, fallback) => this.getNodeParameter(name, fallback));
		} catch (error) {
			this.logger.warn(`NXCloud Trigger "${this.getNode().name}": ${(error as Error).message}`);
			respondJson(res, 500, { error: (error as Error).message, reason: 'invalid_parameters' });
			return { noWebhookResponse: true };
		}

		const req = this.getRequestObject();
		const body = await readRequestBody(req);
		if ('refusal' in body)
			return refuse(this, settings.source, body.refusal.status, body.refusal.body);

		const nowMs = Date.now();
		const staticData = this.getWorkflowStaticData('node');
		const windowKey = windowMemoryKey(this.getWorkflow().id, this.getNode().id);
		// The window as n8n loaded it from its database for this request.
		const storedCopy = readStoredWindow(staticData);
		const request: IncomingRequest = {
			headers: singleValueHeaders(req.headers as IDataObject),
			rawBody: body.rawBody,
			contentType: req.headers['content-type'] as string | undefined,
		};
		// Checking the keys and reserving the new ones happen in one synchronous step, with no
		// await in between, so two deliveries of the same event at the same moment cannot both pass.
		const decide = (secrets: TriggerSecrets | undefined) =>
			takePush(request, {
				settings,
				secrets,
				windowKey,
				storedCopy,
				// "Listen for test event" may replay the same sample push while building the workflow.
				dedupe: this.getMode() !== 'manual',
				nowMs,
			});

		const misconfigured = (message: string): IWebhookResponseData => {
			this.logger.warn(`NXCloud Trigger "${this.getNode().name}": ${message}`);
			respondJson(res, 500, { error: message, reason: 'credential_incomplete' });
			return { noWebhookResponse: true };
		};

		let taken: TakenPush;
		if (settings.signatureCheck === 'off') {
			taken = await decide(undefined);
		} else {
			const secrets = await webhookSecrets(this, settings.source, nowMs);
			if (typeof secrets === 'string') return misconfigured(secrets);
			taken = await decide(secrets.secrets);
			// A cached secret may be out of date: check a failed signature once more against the
			// credential as it is now, at most once per interval per node, so forged pushes stay cheap.
			if (
				secrets.cached &&
				'refused' in taken &&
				taken.refused.body.reason === 'bad_signature' &&
				mayRereadCredential(nodeKey(this.getWorkflow().id, this.getNode().id), nowMs)
			) {
				this.logger.debug(
					`NXCloud Trigger "${this.getNode().name}" (workflow ${this.getWorkflow().id}) re-read its credential after a signature mismatch`,
				);
				const fresh = await webhookSecrets(this, settings.source, nowMs, true);
				if (typeof fresh === 'string') return misconfigured(fresh);
				taken = await decide(fresh.secrets);
			}
		}
		if ('refused' in taken)
			return refuse(this, settings.source, taken.refused.status, taken.refused.body);
		const { outcome, reservation } = taken;
		const { events, filtered, withoutPhone, redelivered, emitted } = outcome.counts;
		if (emitted < events || withoutPhone > 0) {
			const unknown =
				withoutPhone > 0
					? ` (${withoutPhone} without a business number, ${settings.unknownPhoneEvents === 'drop' ? 'dropped' : 'emitted'})`
					: '';
			this.logger.debug(
				`NXCloud Trigger "${this.getNode().name}": ${events} event(s), ${filtered} filtered out${unknown}, ${redelivered} redelivered, ${emitted} emitted`,
			);
		}
		if (outcome.outputs === null) {
			// Nothing left to emit (filtered or redelivered): n8n answers at once, no execution.
			return { webhookResponse: outcome.acknowledgement };
		}
		if (settings.source === 'whatsapp' && this.getNodeParameter('downloadMedia', false) === true) {
			// Before the answer: n8n answers NXCloud only once the execution (with the files) is
			// stored, so downloads delay the answer; each is bounded in time and size, and a failed
			// one only marks its item.
			const maxMb = Number(this.getNodeParameter('maxMediaSizeMb', 16));
			const property =
				String(this.getNodeParameter('mediaBinaryProperty', 'data') ?? '').trim() || 'data';
			const { failed } = await attachMedia(this, outcome.outputs, {
				maxBytes: Math.round((Number.isFinite(maxMb) && maxMb > 0 ? maxMb : 16) * 1024 * 1024),
				binaryProperty: property,
				timeoutMs: 10_000,
			});
			if (failed > 0)
				this.logger.warn(
					`NXCloud Trigger "${this.getNode().name}": ${failed} media download(s) failed; see mediaDownload on the items`,
				);
		}
		// Last, so the redelivery keys, filters, routing and media download above saw the raw event.
		if (settings.simplify) simplifyOutputs(outcome.outputs);
		// {"retCode":0} for Callbot, {"received":true} for WhatsApp, sent by n8n once the
		// execution is stored (see answerOnceStored.ts).
		return answerOnceStored({
			res,
			outputs: outcome.outputs,
			acknowledgement: outcome.acknowledgement,
			reservation,
			writeWindow: reservation
				? () =>
						writeStoredWindow(
							staticData,
							windowToStore(windowKey, storedCopy, settings.redeliveryWindow),
						)
				: undefined,
		});
	}
}
