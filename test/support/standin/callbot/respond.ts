// Callbot answers: JSON bodies whose response headers are signed back per docs/vendor-api.md §5.4 (requestID and
// uuid echoed, createTs = now in seconds, sign over the *uncompressed* response body, algorithm
// echoed). Gzip, when the client accepts it, is applied later by the server (Reply.compressible).
import { type Reply, jsonReply } from '../http';
import { callbotSign } from '../signing';
import type { CallbotIdentity } from './auth';

/**
 * A response is signed only when we can: requestID and uuid were sent and the uuid is known.
 * Refusals for a missing header or an unknown account therefore go out unsigned.
 */
export function callbotReply(
	identity: CallbotIdentity,
	nowMs: number,
	value: unknown,
	extra: Omit<Partial<Reply>, 'status' | 'body' | 'headers'> = {},
): Reply {
	const reply = jsonReply(200, value, { ...extra, compressible: true });
	const { requestID, uuid, secretKey } = identity;
	if (requestID === undefined || uuid === undefined || secretKey === undefined) return reply;
	const createTs = Math.floor(nowMs / 1000).toString();
	reply.headers.requestID = requestID;
	reply.headers.uuid = uuid;
	reply.headers.createTs = createTs;
	reply.headers.sign = callbotSign(
		{ secretKey, body: reply.body, createTs, requestID, uuid },
		identity.digest,
	);
	if (identity.algorithmHeader !== undefined) reply.headers.algorithm = identity.algorithmHeader;
	return reply;
}
