// The four WhatsApp Calling operations (docs/vendor-api.md §3) over CallingState, after authentication and JSON
// parsing. Each returns the envelope's code/message/data; the caller adds traceId.
import type { Refusal } from './auth';
import type { CallingState } from './state';
import { validateEnable, validatePhoneRef, validateQuery } from './validate';

export const CALLING_OPS = ['enable', 'disable', 'get', 'query'] as const;
export type CallingOp = (typeof CALLING_OPS)[number];

export type Outcome = { ok: true; data: Record<string, unknown> } | { ok: false; refusal: Refusal };

const fail = (refusal: Refusal): Outcome => ({ ok: false, refusal });

const NOT_BOUND: Refusal = {
	code: 10003,
	message: 'WhatsApp business phone is not bind app',
	reason: 'business_phone is not bound to this appkey in the stand-in state',
};
const NO_SETTING: Refusal = {
	code: 10013,
	message: 'Calling setting not exist',
	reason: 'calling was never enabled for this business_phone',
};

/** The NXCloud side of the SIP trunk, shown by get (docs/vendor-api.md §3.3); documentation-range IPs, fake fqdn. */
function nxSipAddr(region: string): unknown[] {
	return [
		{
			region,
			ip_list: ['203.0.113.10:6030', '203.0.113.11:6030'],
			fqdn: ['ivp-cli-cluster.standin.invalid'],
		},
	];
}

export function runCalling(
	op: CallingOp,
	body: Record<string, unknown>,
	state: CallingState,
): Outcome {
	switch (op) {
		case 'enable': {
			const checked = validateEnable(body);
			if (!checked.ok) return fail(checked.refusal);
			const { business_phone, appkey, config } = checked.value;
			if (!state.isBound(business_phone, appkey)) return fail(NOT_BOUND);
			if (state.config(business_phone)?.status === 2) {
				return fail({
					code: 1102,
					message: 'Insufficient balance',
					reason: 'seeded status 2 (in arrears)',
				});
			}
			// Every setting is a required field of enable [DOC] (docs/vendor-api.md §3.1), so each call carries a whole
			// set, and the whole set replaces the stored one: a setting the caller leaves at a default comes back
			// from get as that default. What NXCloud does on an already-enabled number is undocumented (§9.3).
			state.setConfig(business_phone, { status: 1, ...config });
			return { ok: true, data: { enabled: true, business_phone } };
		}
		case 'disable': {
			const checked = validatePhoneRef(body);
			if (!checked.ok) return fail(checked.refusal);
			const { business_phone, appkey } = checked.value;
			if (!state.isBound(business_phone, appkey)) return fail(NOT_BOUND);
			if (!state.config(business_phone)) return fail(NO_SETTING);
			// Only the status changes [INF]: get documents status 0 "disabled" next to the settings (§3.3).
			state.setStatus(business_phone, 0);
			return { ok: true, data: { disabled: true, business_phone } };
		}
		case 'get': {
			const checked = validatePhoneRef(body);
			if (!checked.ok) return fail(checked.refusal);
			const { business_phone, appkey } = checked.value;
			if (!state.isBound(business_phone, appkey)) return fail(NOT_BOUND);
			const config = state.config(business_phone);
			if (!config) return fail(NO_SETTING);
			return {
				ok: true,
				data: { business_phone, ...config, nx_sip_addr: nxSipAddr(config.region) },
			};
		}
		case 'query': {
			const checked = validateQuery(body);
			if (!checked.ok) return fail(checked.refusal);
			const { business_phone, appkey, call_id } = checked.value;
			if (!state.isBound(business_phone, appkey)) return fail(NOT_BOUND);
			const bound = state.boundPhone(business_phone)!;
			const record = state.callRecord(business_phone, call_id);
			// An unknown call_id is an empty list, not an error: the vendor documents no code for it.
			return {
				ok: true,
				data: {
					app_id: bound.app_id,
					business_phone,
					wabaId: bound.wabaId,
					calls: record ? [record] : [],
				},
			};
		}
	}
}
