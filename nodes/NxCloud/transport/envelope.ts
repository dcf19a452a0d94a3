import type { IDataObject } from 'n8n-workflow';

import { addIsoCopies } from '../shared/timestamps';

/**
 * The item of a WhatsApp Calling answer: `data` by default, the whole envelope
 * (`{code, message, data, traceId}`) with Full Response. ISO copies of timestamps either way.
 */
export function openPlatformOutput(envelope: IDataObject, fullResponse: boolean): IDataObject {
	if (fullResponse) return addIsoCopies(envelope);
	const data = envelope.data;
	if (typeof data === 'object' && data !== null && !Array.isArray(data))
		return addIsoCopies(data as IDataObject);
	return { data: data ?? null };
}

/**
 * The item of a Callbot answer. Callbot puts its fields next to `retCode`/`retMsg` instead of
 * under `data`, so "unwrapping" drops those two (a success says nothing) and keeps the rest,
 * including `responseID` for support. Full Response keeps everything.
 */
export function callbotOutput(envelope: IDataObject, fullResponse: boolean): IDataObject {
	if (fullResponse) return addIsoCopies(envelope);
	const out: IDataObject = {};
	for (const key of Object.keys(envelope)) {
		if (key !== 'retCode' && key !== 'retMsg') out[key] = envelope[key];
	}
	return addIsoCopies(out);
}
