// Signed WhatsApp pushes for the durability tests: one inbound message per push, its id a marker
// that can be found again in the executions, and a sender that records every answer.
import { randomBytes } from 'node:crypto';

import { Agent, request } from 'undici';

import { standInSigning } from '../standin';

export interface DurabilityAccount {
	accessKey: string;
	accessSecret: string;
}

export function durabilityAccount(): DurabilityAccount {
	return {
		accessKey: `durKey${randomBytes(4).toString('hex')}`,
		accessSecret: `DurSecret-${randomBytes(12).toString('hex')}`,
	};
}

export interface SignedPush {
	/** The message id, unique per push: `dur-<run tag>-<index>`. */
	marker: string;
	body: string;
	headers: Record<string, string>;
}

/** Matches every marker in a text (an execution's JSON). */
export const MARKER_PATTERN = /dur-[0-9a-f]{8}-\d+/g;

/** A push as NXCloud sends an inbound text message, signed with md5 (§2.2). */
export function signedPush(account: DurabilityAccount, marker: string): SignedPush {
	const body = JSON.stringify({
		messaging_product: 'whatsapp',
		business_phone: '85266123456',
		metadata: { display_phone_number: '85266123456', phone_number_id: '124870000014609' },
		contacts: [{ profile: { name: 'Durability' }, wa_id: '8617600000819' }],
		messages: [
			{
				from: '8617600000819',
				id: marker,
				timestamp: String(Math.floor(Date.now() / 1000)),
				type: 'text',
				text: { body: `hello ${marker}` },
			},
		],
	});
	const ts = Date.now().toString();
	const sign = standInSigning.openPlatformSign(
		{
			accessKey: account.accessKey,
			action: 'mo',
			bizType: '2',
			ts,
			body,
			accessSecret: account.accessSecret,
		},
		'md5',
	);
	return {
		marker,
		body,
		headers: {
			'content-type': 'application/json',
			accesskey: account.accessKey,
			action: 'mo',
			biztype: '2',
			ts,
			algorithm: 'md5',
			sign,
		},
	};
}

export function pushBatch(
	account: DurabilityAccount,
	count: number,
	tag = randomBytes(4).toString('hex'),
): SignedPush[] {
	return Array.from({ length: count }, (_, i) => signedPush(account, `dur-${tag}-${i}`));
}

export interface Delivery {
	marker: string;
	/** HTTP status, or undefined when no answer came (connection refused or reset). */
	status?: number;
	body?: string;
	error?: string;
	/** When the answer (or the failure) came, ms since the epoch. */
	at: number;
	/** Which process answered, when a proxy in front says so (queue mode: `x-queue-backend`). */
	answeredBy?: string;
}

/** Posts one push byte for byte (same body, same headers, so same signature). */
export async function deliver(
	url: string,
	push: SignedPush,
	dispatcher?: Agent,
): Promise<Delivery> {
	try {
		const response = await request(url, {
			method: 'POST',
			headers: push.headers,
			body: push.body,
			dispatcher,
			headersTimeout: 60_000,
			bodyTimeout: 60_000,
		});
		const text = await response.body.text();
		const backend = response.headers['x-queue-backend'];
		return {
			marker: push.marker,
			status: response.statusCode,
			body: text,
			at: Date.now(),
			...(typeof backend === 'string' ? { answeredBy: backend } : {}),
		};
	} catch (error) {
		return { marker: push.marker, error: (error as Error).message, at: Date.now() };
	}
}

/**
 * Posts every push with `concurrency` requests in flight; `onAnswer` sees each answer as it
 * comes (the crash test kills n8n from there). Returns the deliveries in push order.
 */
export async function deliverAll(
	url: string,
	pushes: SignedPush[],
	concurrency: number,
	onAnswer?: (delivery: Delivery, answered: number) => void,
): Promise<Delivery[]> {
	const agent = new Agent({ connections: concurrency, pipelining: 1 });
	const results: Delivery[] = new Array(pushes.length);
	let next = 0;
	let answered = 0;
	const worker = async () => {
		while (next < pushes.length) {
			const index = next++;
			results[index] = await deliver(url, pushes[index], agent);
			answered++;
			onAnswer?.(results[index], answered);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	await agent.close().catch(() => undefined);
	return results;
}
