import type { IDataObject } from 'n8n-workflow';

import {
	type BusinessHoursInput,
	type SipAddressInput,
	businessHours,
	sipAddresses,
} from './callingBody';
import { regionCode } from './pickers';

/**
 * NXCloud has one call that writes calling settings, enable, and it requires every setting
 * (docs/vendor-api.md §3.1: all fields are required [DOC]); what it stores is what the next Get
 * Settings returns (§3.3). So a change of one setting must send all the others as they are now:
 * read with Get Settings, overlay what the user set, send the whole.
 */

export interface SettingsChanges {
	region?: unknown;
	regionCode?: unknown;
	showCallIcon?: unknown;
	callbackPermission?: unknown;
	recording?: unknown;
	sip?: SipAddressInput[];
	/** "keep": as now; "none": no custom hours; otherwise the custom hours entered. */
	hours: 'keep' | 'none' | BusinessHoursInput;
}

/** Whether the user changes anything at all (Update Settings refuses an empty change). */
export function changesSomething(changes: SettingsChanges): boolean {
	const { hours, ...rest } = changes;
	return hours !== 'keep' || Object.values(rest).some((value) => value !== undefined);
}

const isSet = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/** A 0/1 switch: the user's boolean, else the current value, else the form's default. */
function flag(changed: unknown, current: unknown, fallback: 0 | 1): number {
	if (changed !== undefined) return changed === true ? 1 : 0;
	if (isSet(current)) return Number(current) === 1 ? 1 : 0;
	return fallback;
}

function currentSip(current: IDataObject | undefined): IDataObject[] | undefined {
	const list = current?.customer_sip_addr;
	if (!Array.isArray(list) || list.length === 0) return undefined;
	return (list as IDataObject[]).map(({ host, port, type }) => ({ host, port, type }));
}

/**
 * The enable body: current settings (Get Settings' `data`, undefined when the phone has none yet)
 * with the changes on top, in the vendor's field order.
 */
export function mergedEnableBody(
	ref: { appkey: string; business_phone: string },
	current: IDataObject | undefined,
	changes: SettingsChanges,
): IDataObject {
	const region =
		changes.region !== undefined
			? regionCode(changes.region, changes.regionCode)
			: isSet(current?.region)
				? String(current!.region)
				: 'SG';
	const body: IDataObject = {
		...ref,
		region,
		icon_status: flag(changes.showCallIcon, current?.icon_status, 1),
		permission_status: flag(changes.callbackPermission, current?.permission_status, 0),
		recording_status: flag(changes.recording, current?.recording_status, 0),
	};

	if (changes.hours === 'none') {
		body.hours_status = 0;
	} else if (changes.hours !== 'keep') {
		body.hours_status = 1;
		body.hours_customize = businessHours(changes.hours);
	} else {
		body.hours_status = flag(undefined, current?.hours_status, 0);
		const kept = current?.hours_customize;
		if (kept && typeof kept === 'object' && !Array.isArray(kept)) {
			body.hours_customize = structuredClone(kept);
		} else if (body.hours_status === 1) {
			throw new Error(
				'Business Hours: NXCloud reports custom hours as on but returned no hours to keep; choose Custom Hours or No Custom Hours',
			);
		}
	}

	const sip = changes.sip !== undefined ? sipAddresses(changes.sip) : currentSip(current);
	if (!sip)
		throw new Error(
			current
				? 'SIP Addresses: NXCloud returned none to keep; add SIP Addresses under Settings to Change'
				: 'SIP Addresses: this business phone has no calling settings yet, so there are none to keep; add SIP Addresses under Settings to Change',
		);
	body.customer_sip_addr = sip;
	return body;
}
