// Front door of the WhatsApp media, template and phone endpoints (/api/wa/<name>, §13–§19):
// authenticates with the endpoint's own action header (multipart uploads signed without body),
// parses the body and answers {code, message, data?, traceId}, HTTP 200 even for refusals.
import { type Exchange, type Reply, headerOf, isPlainObject, jsonReply, parseJson } from '../http';
import { checkOpenPlatformAuth } from './auth';
import { envelope } from './index';
import { type MediaStore, runDeleteMedia, runGetMedia, runUploadMedia } from './media';
import { parseMultipart } from './multipart';
import { type PhoneProfiles, runGetPhone } from './phones';
import type { CallingState } from './state';
import {
	type TemplateStore,
	runCreateTemplate,
	runDeleteTemplate,
	runGetTemplate,
	runUpdateTemplate,
} from './templates';
import { type WaOutcome, waAttempt } from './waFields';

export interface WhatsAppState {
	media: MediaStore;
	templates: TemplateStore;
	phones: PhoneProfiles;
}

export interface WhatsAppDeps {
	accounts: ReadonlyMap<string, string>;
	tsWindowMs: number;
	calling: CallingState;
	whatsApp: WhatsAppState;
	/** The stand-in's own URL, for the download links getMedia hands out. */
	baseUrl: () => string;
}

type Body = Record<string, unknown>;

interface Endpoint {
	action: string;
	multipart?: boolean;
	run(body: Body, deps: WhatsAppDeps, ex: Exchange): unknown;
}

const ENDPOINTS: Record<string, Endpoint> = {
	getMedia: {
		action: 'getMedia',
		run: (b, d, ex) => runGetMedia(b, d.whatsApp.media, d.calling, d.baseUrl(), ex.now),
	},
	deleteMedia: {
		action: 'deleteMedia',
		run: (b, d) => runDeleteMedia(b, d.whatsApp.media, d.calling),
	},
	uploadMedia: { action: 'uploadMedia', multipart: true, run: () => undefined },
	getPhone: { action: 'getPhone', run: (b, d) => runGetPhone(b, d.calling, d.whatsApp.phones) },
	getTemplate: {
		action: 'getTemplate',
		run: (b, d) => runGetTemplate(b, d.whatsApp.templates, d.calling),
	},
	createTemplate: {
		action: 'createTemplate',
		run: (b, d) => runCreateTemplate(b, d.whatsApp.templates, d.calling),
	},
	updateTemplate: {
		action: 'updateTemplate',
		run: (b, d) => runUpdateTemplate(b, d.whatsApp.templates, d.calling),
	},
	deleteTemplate: {
		action: 'deleteTemplate',
		run: (b, d) => runDeleteTemplate(b, d.whatsApp.templates, d.calling),
	},
};

const PREFIX = '/api/wa/';

export function whatsAppEndpoint(path: string): string | undefined {
	if (!path.startsWith(PREFIX)) return undefined;
	const name = path.slice(PREFIX.length);
	return Object.prototype.hasOwnProperty.call(ENDPOINTS, name) ? name : undefined;
}

function answer(outcome: WaOutcome): Reply {
	if (outcome.ok)
		return jsonReply(200, envelope(0, 'Request successful', outcome.data), { code: 0 });
	const { code, message, reason } = outcome.refusal;
	return jsonReply(200, envelope(code, message), { code, reason });
}

export function handleWhatsApp(ex: Exchange, name: string, deps: WhatsAppDeps): Reply {
	const endpoint = ENDPOINTS[name];
	const refusal = checkOpenPlatformAuth(ex, {
		accounts: deps.accounts,
		tsWindowMs: deps.tsWindowMs,
		bizType: '2',
		action: endpoint.action,
		body: endpoint.multipart ? 'multipart' : 'json',
	});
	if (refusal)
		return jsonReply(200, envelope(refusal.code, refusal.message), {
			code: refusal.code,
			reason: refusal.reason,
		});
	if (endpoint.multipart) {
		const form = parseMultipart(ex.body, headerOf(ex.headers, 'content-type') ?? '');
		if (!form.ok)
			return jsonReply(200, envelope(9000, `Request parameter error: ${form.reason}`), {
				code: 9000,
				reason: form.reason,
			});
		return answer(waAttempt(() => runUploadMedia(form.parts, deps.whatsApp.media, deps.calling)));
	}
	const parsed = parseJson(ex.body);
	if (!parsed.ok || !isPlainObject(parsed.value)) {
		const reason = parsed.ok ? 'body is not a JSON object' : 'body is not valid JSON';
		return jsonReply(200, envelope(9000, `Request parameter error: ${reason}`), {
			code: 9000,
			reason,
		});
	}
	const body = parsed.value;
	return answer(waAttempt(() => endpoint.run(body, deps, ex)));
}
