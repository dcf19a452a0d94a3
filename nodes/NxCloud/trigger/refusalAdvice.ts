import type { IDataObject } from 'n8n-workflow';

import type { TriggerSource } from './events/types';

export interface RefusalAdvice {
	/** What was refused and why, in words a user without the protocol in mind can follow. */
	problem: string;
	/** What to do about it. */
	fix: string;
}

/**
 * Plain-language advice for a refused request, from the refusal's `reason` (and `header` for a
 * missing header). `signed`: whether the request had a `sign` header at all. Never quotes the
 * request's body or any secret.
 */
export function refusalAdvice(
	source: TriggerSource,
	body: IDataObject,
	signed: boolean,
): RefusalAdvice {
	const where =
		source === 'callbot'
			? 'the Callbot Developer page of the NXCloud console (AI outbound call → Developer)'
			: 'the NXCloud console (your WhatsApp application → receipt-signing algorithm)';
	const credentialPart =
		source === 'callbot'
			? 'the Callbot UUID, Secret Key and Algorithm of the NXCloud API credential'
			: 'the Access Key and Access Secret of the NXCloud API credential';
	switch (body.reason) {
		case 'missing_header':
			if (!signed || body.header === 'sign') {
				return {
					problem: 'This push is not signed.',
					fix: `Turn on signing in ${where}, or set Signature Check to Verify If Present.`,
				};
			}
			return {
				problem: `This push is signed but has no "${String(body.header)}" header, so its signature cannot be checked.`,
				fix: `Check that signing is set up in ${where}; if it persists, set Signature Check to Verify If Present and report it to NXCloud.`,
			};
		case 'bad_signature':
			return {
				problem: 'This push is signed, but not with the secret of this credential.',
				fix: `Check that ${credentialPart} match ${where}.`,
			};
		case 'unknown_algorithm':
			return {
				problem: 'This push is signed with an algorithm the trigger does not know.',
				fix: `Choose MD5 or SHA-256 in ${where}.`,
			};
		case 'stale_timestamp':
			return {
				problem:
					'This push is signed, but its timestamp is older (or further ahead) than Max Timestamp Age (Seconds) allows.',
				fix: "Check this machine's clock, or raise Max Timestamp Age (Seconds) (0 turns the check off).",
			};
		case 'malformed_json':
		case 'empty_body':
		case 'unsupported_content_type':
		case 'too_deeply_nested':
		case 'unreadable_body':
			return {
				problem: `This request is not a JSON push the trigger can read (${String(body.error ?? body.reason)}).`,
				fix: 'Check that only NXCloud posts to this URL.',
			};
		case 'body_too_large':
			return {
				problem: 'This push is larger than this n8n accepts.',
				fix: 'Raise N8N_PAYLOAD_SIZE_MAX on the n8n server.',
			};
		case 'delivery_in_progress':
			return {
				problem:
					'An earlier delivery of the same event was still being stored after 10 seconds (n8n is slow to store executions).',
				fix: 'Nothing to do for this push: NXCloud retries it. If it recurs, check the load on n8n and its database.',
			};
		default:
			return {
				problem: `This request was refused (${String(body.reason ?? 'unknown reason')}).`,
				fix: String(body.error ?? ''),
			};
	}
}
