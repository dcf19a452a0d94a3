/**
 * NXCloud stand-in: a real HTTP server on 127.0.0.1 that answers like NXCloud documents it
 * (docs/vendor-api.md), for e2e tests (nodes inside a real n8n call it) and benchmarks.
 * It is strict on purpose: whatever NXCloud would refuse, it refuses with the documented code,
 * otherwise a passing test proves nothing. Its signing code (signing.ts) is written from the spec
 * and imports nothing from nodes/ or credentials/.
 *
 *   const standIn = await startStandIn({ accessKey, accessSecret, callbotUuid, callbotSecretKey,
 *     boundPhones: [{ business_phone: '8613300000000', appkey: 'pem28kje' }] });
 *   // point the credential's hosts at standIn.url, run the node, then:
 *   standIn.requestsTo('/calling/enable')[0].json();   standIn.state.calling.config('8613300000000');
 *   standIn.failNext({ match: '/importBatchCall', kind: 'retCode', retCode: 7 });
 *   await standIn.sender.pushWhatsApp(webhookUrl, { statuses: [...] }, { algorithm: 'sha256' });
 *   await standIn.close();
 *
 * OPEN PLATFORM — POST /api/wa/calling/{enable,disable,get,query} (docs/vendor-api.md §1, §3)
 *   Auth, in this order (HTTP 200, envelope {code, message, traceId}, traceId = 32 hex):
 *     1001 a header of accessKey/ts/bizType/action/sign missing or empty (any header-name case)
 *     1003 Content-Type is not application/json (parameters such as charset are fine)
 *     1003 Content-Encoding other than gzip/identity, or a body that does not gunzip
 *     1004 ts not 13 digits, or more than tsWindowMs (60000) away from now
 *     1005 unknown accessKey
 *     1002 bizType ≠ "2" or action ≠ "mt"
 *     1003 `algorithm` header not md5/sha256 (any case; absent = md5) — OUR CHOICE: docs/vendor-api.md §2.2 maps
 *          unknown values to md5 only for pushes; on requests we refuse so a typo shows up
 *     1003 sign ≠ lowercase hex H(accessKey=…&action=…&bizType=…&ts=…[&body=<raw>]&accessSecret=…),
 *          compared ignoring case. For a gzip request the UNCOMPRESSED body is signed (the vendor
 *          does not say; docs/vendor-api.md §9.10).
 *   Body (after auth): not a JSON object → 9000. Then, in the vendor's field order, the codes of
 *   the vendor's calling table (https://github.com/nxtele/http-api-document/wiki/wa-calling-disable):
 *     9000 "Request parameter error: <field> is required"  (missing, null or "")
 *     9002 "Phone number error"                            (business_phone not 6–20 digits)
 *     10015 "<field> not in (0, 1)"                        (icon/permission/recording/hours_status)
 *     10016 "<field path> has error"                       (any other invalid value: sip entries,
 *           1–5 of them, IP host, port 1–65535, type 1|2|3, unique host+port; hours_customize with
 *           status ENABLED|DISABLED, timezone_id, weekly_operating_hours (required when ENABLED)
 *           {day_of_week MONDAY..SUNDAY, open_time < close_time, HHMM}, holiday_schedule
 *           {date YYYY-MM-DD, start_time < end_time})
 *     10003 phone not bound to that appkey (seed with boundPhones / state.calling.bindPhone)
 *     10013 "Calling setting not exist": disable/get before any enable (seed with setConfig)
 *     1102 enable on a phone whose config is seeded with status 2 (in arrears)
 *   Success: enable → data {enabled: true, business_phone} (response not documented; modelled on
 *   disable) and status 1; disable → data {disabled: true, business_phone}, status 0; get → the
 *   stored config + status + nx_sip_addr; query → {app_id, business_phone, wabaId, calls: [record]}
 *   (an unknown call_id gives calls: []). Re-enabling replaces the config.
 *
 * OPEN PLATFORM, MESSAGING — POST /api/wa/{mt,markMessageAsRead,otp} (docs/vendor-api.md §11–§14, §20)
 *   Same auth as above, except the `action` each path requires: mt → "mt", markMessageAsRead →
 *   "read", otp → "mt" (anything else: 1002). Failures answer {code, message, data: null,
 *   traceId}; 9099 answers data: {error: {code, message, type, fbtrace_id, error_data}} like the
 *   vendor's Meta-error example.
 *     9000 "Parameter exception": a required field missing/empty/mistyped (reason names the path),
 *          messaging_product ≠ "whatsapp", recipient_type ≠ "individual", `to` not 6–20 digits,
 *          unknown type, media with neither link nor id, dr_webhook not http(s), context without
 *          message_id, template language.policy ≠ "deterministic", component sub_type/index
 *          (index a string "0".."2"), parameter types per component, OTP content without a run of
 *          4–8 digits, OTP category not AUTHENTICATION/UTILITY, and — OUR ASSUMPTION — a
 *          cus_message_id used before
 *     9002 business_phone not 6–20 digits · 9006 business_phone not bound to that appkey (or to
 *          any app for markMessageAsRead) · 9003 OTP without business_phone and an unknown appkey
 *     9099 + Meta (#100) link and id both given, caption on audio/sticker, filename on non-documents,
 *          text.body > 4096, caption > 1024, biz_opaque_callback_data > 512, a reaction with
 *          context; Meta (#131009) interactive limits (header/footer 60, body 1024, 1–3 reply
 *          buttons, title 20, id 256, unique ids; list button 20, 1–10 sections, ≤ 10 rows,
 *          section title 24 (required with > 1 section), row title 24, description 72, id 200)
 *   Reaction needs message_id, meta_message_id and emoji (the vendor table marks all three).
 *   Success: mt/otp → data {messaging_product, messages: [{id}]}, id = cus_message_id or
 *   "wamid.<32 hex>"; markMessageAsRead → data null. Accepted messages are kept in
 *   state.messaging with what Meta would fail them for later (only visible in their status push,
 *   as with NXCloud): free-form outside 24 h of the user's last inbound message (131047; open the
 *   window with state.messaging.inboundText), a template (name + language) not in
 *   state.whatsApp.templates or not APPROVED (10000/132001), or a parameter count per component
 *   that differs from the stored template (10000/132000).
 *   state.messaging.statusPush(id[, status]) builds the status push; with `pushStatuses: true` the
 *   stand-in itself POSTs the first status (sent, or failed) to the message's dr_webhook, signed,
 *   and records it in state.messaging.deliveries.
 *
 * WHATSAPP MEDIA, TEMPLATES, PHONES — POST /api/wa/<name> (docs/vendor-api.md §11, §13, §15–§19)
 *   Same auth order as above, but each endpoint wants its own action header (getMedia,
 *   deleteMedia, uploadMedia, getPhone, getTemplate, createTemplate, updateTemplate,
 *   deleteTemplate). uploadMedia wants Content-Type multipart/form-data with a boundary and a sign
 *   over the headers and secret only (no body, docs/vendor-api.md §17.1); its form is read
 *   strictly (multipart.ts). Codes (docs/vendor-api.md §11.4): 9000 missing/invalid field
 *   (messaging_product must be "whatsapp"; upload type one of docs/vendor-api.md §17.3 and the
 *   file within its limit: image 5 MiB, audio/video 16 MiB, document 100 MiB, sticker 100 KiB), 9002 business_phone not 6–20 digits, 9006 phone not bound (to the appkey,
 *   or for the appkey-less media endpoints to any app). OUR CHOICES where the vendor is silent:
 *   unknown Media-ID / template ID / template name and a duplicate name+language → 9001.
 *   getMedia answers {mime_type, file_name (no extension), url}; the url is GET /oss/media/<id>
 *   with Expires (300 s) and Signature, checked like pre-signed object storage (403 XML when
 *   wrong or expired) and refusing requests that carry NXCloud accessKey/sign headers (400).
 *   getTemplate pages with base64 `after` cursors (limit 1–100, default 20, `name` filter; a cursor
 *   we did not issue → 9000; paging.next only when more).
 *   getPhone answers an object keyed by number, each a one-element profile array (vendor example).
 *   Seed with state.whatsApp.media.add / templates.add / phones.set; files.put(name, bytes, type)
 *   serves GET /files/<name> (recordings).
 *
 * CALLBOT — POST /callcentre/api/v3/<name> (docs/vendor-api.md §5, §6), envelope {retCode, retMsg, responseID, …}
 *   Auth, in this order (HTTP 200):
 *     6001 sign header missing · 2 requestID/uuid/createTs missing ("Missing parameter: <name>")
 *     3 body not gzip-decodable · 6002 unknown uuid
 *     6 createTs not 10 digits or more than callbotCreateTsWindowSec (default 300) from now — OUR
 *       ASSUMPTION: the vendor documents neither a window nor a code for it
 *     6 algorithm header not MD5/SHA256 (any case; absent = MD5)
 *     6 sign ≠ UPPERCASE hex H(secretKey&body=<raw>&createTs=…&requestID=…&uuid=…). Lowercase hex
 *       is refused unless callbotSignCase: 'any' (the vendor specifies uppercase). The uncompressed
 *       body is signed for gzip requests.
 *   Responses carry requestID, uuid, createTs (now, s), sign (over the uncompressed response body)
 *   and the echoed algorithm header (docs/vendor-api.md §5.4), whenever requestID+uuid were sent and the uuid is known.
 *   With Accept-Encoding: gzip every Callbot response is gzipped.
 *   Body errors: 3 not a JSON object / wrong JSON type ("Parameter format error: <path> must be …"),
 *   2 missing ("Missing parameter: <path>"), 4 bad value ("Invalid parameter value: <path> …",
 *   productID ≠ "callbot", unknown or duplicate userTaskID, bad taskOperate, completed task, update
 *   of a running task, size out of 1..maxPageSize), 4001 too many elements (callList >
 *   maxImportRows (100000), orderList > 500), 1001 import/export while `importBusyMs` after an
 *   import has not passed (0 by default).
 *   Endpoints: ping ({data, timestamp, code: 0, msg, reqId = requestID}), createTask,
 *   createAndCall, updateTask, mgrTaskStatus, listTask, addBatchCall, importBatchCall,
 *   exportBatchCall, stopOrder, listOrder, listOrderDetail, listCall. Import rows need orderID,
 *   userPhone, other, userName, customerName, params[{name, value}] (userName/customerName/other may
 *   be ""); a phone that is not 6–20 digits, an empty orderID, or an orderID ever used before (ids
 *   are global and never reused, even after a drop) goes to errList [{phone, errMsg}] while the
 *   rest is accepted. importBatchCall opens a new batch (batchID `<taskID>-<n>`) and drops the
 *   task's undialled orders first. Orders are "dialled" as soon as their task runs (start, or
 *   import into a running task): one deterministic fake call each (callbot/results.ts for our
 *   callStatus enum: 1 answered, 2 no answer, 3 busy, 4 failed; 0 = not dialled in exports).
 *   Paged lists answer {totalCount, page, size, taskData | callList | orderList}; page and size are
 *   required. Shapes the vendor did not publish (createTask, addBatchCall, listCall, listOrder,
 *   updateTask responses) are our assumptions, kept close to the published ones.
 *
 * ANYTHING ELSE — 404 JSON; a known path with a method other than POST — 405.
 *
 * FAULTS — failNext({ match?, times?, afterHandling?, kind, … }) queues a rule (see faults.ts):
 *   status | timeout | reset | retCode | code | malformedJson | htmlPage | slow. The first matching
 *   rule wins; `afterHandling: true` lets the request change state before its answer is spoiled.
 *   The consumed fault is recorded on the request (`fault`).
 *
 * RECORDING — `requests` (live array, arrival order) of RecordedRequest: method, path, headers,
 *   body (after gunzip), sizes, json() (lazy), status, code / retCode, reason (our words for a
 *   refusal), fault, durationMs, response text (≤ 256 KiB).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { callbackPayloads, type CallbackPayloads } from './callbot/callbacks';
import type { CallbotDeps } from './callbot/index';
import { type CallbotOrder, type CallbotTask, CallbotModel } from './callbot/model';
import { FaultQueue, type FaultRule } from './faults';
import { FileHost } from './files';
import { MediaStore } from './openPlatform/media';
import type { SentMessage } from './openPlatform/messagingState';
import { MessagingState } from './openPlatform/messagingState';
import { PhoneProfiles } from './openPlatform/phones';
import { CallingState } from './openPlatform/state';
import { TemplateStore } from './openPlatform/templates';
import type { WhatsAppState } from './openPlatform/whatsApp';
import { type RecordedRequest, RequestLog } from './recording';
import { Sender } from './sender';
import { type ServerDeps, requestListener } from './server';

export type { FaultKind, FaultRule } from './faults';
export type { RecordedRequest } from './recording';
export type { CallingConfig, CallRecord, BoundPhone } from './openPlatform/state';
export type { CallbotOrder, CallbotTask } from './callbot/model';
export type { PushOptions, CallbackOptions, SendResult, Tamper } from './sender';
export { CallingState } from './openPlatform/state';
export { MessagingState } from './openPlatform/messagingState';
export type { SentMessage, StatusName, DeliveryProblem } from './openPlatform/messagingState';
export { TemplateStore } from './openPlatform/templates';
export type { StoredTemplate, TemplateSeed, TemplateComponent } from './openPlatform/templates';
export type { StoredMedia } from './openPlatform/media';
export type { PhoneProfile } from './openPlatform/phones';
export type { WhatsAppState } from './openPlatform/whatsApp';
export { Sender } from './sender';
export * as standInSigning from './signing';
export { post, type PostResult } from './post';

export interface StandInOptions {
	/** 0 / absent: a free port. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** The one open-platform account. */
	accessKey: string;
	accessSecret: string;
	/** The one Callbot account. */
	callbotUuid: string;
	callbotSecretKey: string;
	/** Allowed |now − ts| for open-platform requests, ms. Default 60000 (documented). */
	tsWindowMs?: number;
	/** Allowed |now − createTs| for Callbot requests, s. Default 300 (our assumption). */
	callbotCreateTsWindowSec?: number;
	/** 'upper' (default) refuses a lowercase Callbot sign; 'any' ignores hex case. */
	callbotSignCase?: 'upper' | 'any';
	/** Phones bound to apps at start and after reset(). */
	boundPhones?: { business_phone: string; appkey: string; app_id?: number; wabaId?: string }[];
	/** Rows per import / add / createAndCall (and orderIDs per stopOrder). Default 100000. */
	maxImportRows?: number;
	/** Largest page size of listTask/listCall/listOrder. Default 1000 (our assumption). */
	maxPageSize?: number;
	/** After an importBatchCall, import/export of that task answer 1001 for this long. Default 0. */
	importBusyMs?: number;
	/** false: keep only sizes, not request bodies (long benchmarks). Default true. */
	recordBodies?: boolean;
	/** Larger request bodies get HTTP 413. Default 256 MiB. */
	maxBodyBytes?: number;
	/** The stand-in's clock (ms) for ts/createTs checks and fake call times. Default Date.now. */
	now?: () => number;
	/** POST each accepted message's first status to its dr_webhook, signed. Default false. */
	pushStatuses?: boolean;
}

export interface CallbotStateApi {
	readonly model: CallbotModel;
	task(userTaskID: string): CallbotTask | undefined;
	order(orderID: string): CallbotOrder | undefined;
	/** Dials every pending order of the task now, whatever its status; returns how many. */
	dial(userTaskID: string): number;
	/** Makes import/export of the task answer retCode 1001 for `ms` from now. */
	setImportBusy(userTaskID: string, ms: number): void;
	/** Task / order / call callback bodies (docs/vendor-api.md §7) for a live order, ready for sender.callbotCallback. */
	callbackPayloads(orderID: string): CallbackPayloads;
}

export interface StandIn {
	/** http://host:port, no trailing slash; use it as both the open-platform and Callbot host. */
	readonly url: string;
	readonly port: number;
	/** Live array of every request received, in arrival order. */
	readonly requests: RecordedRequest[];
	requestsTo(pathSuffix: string): RecordedRequest[];
	lastRequest(pathSuffix?: string): RecordedRequest | undefined;
	clearRequests(): void;
	failNext(rule: FaultRule): void;
	clearFaults(): void;
	/** Rules still queued. */
	pendingFaults(): number;
	/** Empties state, requests and faults, then re-binds options.boundPhones. */
	reset(): void;
	/** Stops listening and drops open (including deliberately hung) connections. */
	close(): Promise<void>;
	readonly state: {
		calling: CallingState;
		callbot: CallbotStateApi;
		whatsApp: WhatsAppState;
		messaging: MessagingState;
	};
	/** Files served by GET at the returned URL (call recordings). */
	readonly files: FileHost;
	/** NXCloud as sender, signing with this stand-in's accounts by default. */
	readonly sender: Sender;
}

export async function startStandIn(options: StandInOptions): Promise<StandIn> {
	const clock = options.now ?? Date.now;
	const calling = new CallingState();
	const seed = (): void => options.boundPhones?.forEach((phone) => calling.bindPhone(phone));
	seed();
	// One template store: managed by the template endpoints, looked up by template sends.
	const whatsApp: WhatsAppState = {
		media: new MediaStore(),
		templates: new TemplateStore(),
		phones: new PhoneProfiles(),
	};
	const messaging = new MessagingState(whatsApp.templates, clock);
	const sender = new Sender(options);
	// Status pushes to dr_webhook in flight, awaited by close().
	const pushes = new Set<Promise<void>>();
	const pushStatus = (message: SentMessage): void => {
		const url = typeof message.body.dr_webhook === 'string' ? message.body.dr_webhook : undefined;
		if (!options.pushStatuses || !url) return;
		const status = messaging.firstStatus(message.id);
		const push = (async () => {
			// After the send's own answer, as NXCloud pushes asynchronously.
			await new Promise((resolve) => setImmediate(resolve));
			try {
				const result = await sender.pushWhatsApp(url, messaging.statusPush(message.id, status));
				messaging.deliveries.push({
					url,
					messageId: message.id,
					status,
					httpStatus: result.status,
				});
			} catch (error) {
				messaging.deliveries.push({
					url,
					messageId: message.id,
					status,
					error: (error as Error).message,
				});
			}
		})();
		pushes.add(push);
		void push.finally(() => pushes.delete(push));
	};
	const model = new CallbotModel(clock, options.importBusyMs ?? 0);
	// Known once the server listens; the links getMedia and the file host hand out point back here.
	let baseUrl = '';
	const files = new FileHost(() => baseUrl);
	const log = new RequestLog(options.recordBodies ?? true);
	const faults = new FaultQueue();
	const callbot: CallbotDeps = {
		model,
		accounts: new Map([[options.callbotUuid, options.callbotSecretKey]]),
		createTsWindowSec: options.callbotCreateTsWindowSec ?? 300,
		signCase: options.callbotSignCase ?? 'upper',
		maxImportRows: options.maxImportRows ?? 100_000,
		maxPageSize: options.maxPageSize ?? 1000,
	};
	const deps: ServerDeps = {
		openPlatform: {
			accounts: new Map([[options.accessKey, options.accessSecret]]),
			tsWindowMs: options.tsWindowMs ?? 60_000,
			calling,
			messaging: { messaging, afterSend: pushStatus },
		},
		whatsApp: {
			accounts: new Map([[options.accessKey, options.accessSecret]]),
			tsWindowMs: options.tsWindowMs ?? 60_000,
			calling,
			whatsApp,
			baseUrl: () => baseUrl,
		},
		files,
		callbot,
		log,
		faults,
		clock,
		maxBodyBytes: options.maxBodyBytes ?? 256 * 1024 * 1024,
		timers: new Set(),
	};

	const server = createServer(requestListener(deps));
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

	const callbotState: CallbotStateApi = {
		model,
		task: (userTaskID) => model.tasks.get(userTaskID),
		order: (orderID) => model.orders.get(orderID),
		dial: (userTaskID) => model.dial(model.task(userTaskID)),
		setImportBusy: (userTaskID, ms) => {
			model.task(userTaskID).importBusyUntil = clock() + ms;
		},
		callbackPayloads: (orderID) => callbackPayloads(model, orderID),
	};

	return {
		url: baseUrl,
		port,
		requests: log.requests,
		requestsTo: (suffix) => log.requestsTo(suffix),
		lastRequest: (suffix) => {
			const list = suffix === undefined ? log.requests : log.requestsTo(suffix);
			return list[list.length - 1];
		},
		clearRequests: () => log.clear(),
		failNext: (rule) => faults.add(rule),
		clearFaults: () => faults.clear(),
		pendingFaults: () => faults.pending,
		reset: () => {
			calling.clear();
			whatsApp.media.clear();
			whatsApp.templates.clear();
			whatsApp.phones.clear();
			files.clear();
			seed();
			messaging.clear();
			model.clear();
			log.clear();
			faults.clear();
		},
		close: async () => {
			await Promise.allSettled([...pushes]);
			await new Promise<void>((resolve, reject) => {
				for (const timer of deps.timers) clearTimeout(timer);
				deps.timers.clear();
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			});
		},
		state: { calling, callbot: callbotState, whatsApp, messaging },
		files,
		sender,
	};
}
