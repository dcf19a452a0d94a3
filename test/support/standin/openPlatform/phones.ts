// getPhone (§15): the numbers bound to an app, answered as the vendor's example does, an object
// keyed by number with a one-element array each. Profiles are seeded or plausible defaults.
import type { CallingState } from './state';
import { waNotBound, waProduct, waString } from './waFields';

type Body = Record<string, unknown>;

export interface PhoneProfile {
	display_phone_number: string;
	quality_rating: string;
	name_status: string;
	verified_name: string;
	code_verification_status: string;
	current_limit: string;
	status: string;
}

export class PhoneProfiles {
	private readonly profiles = new Map<string, Partial<PhoneProfile>>();

	set(businessPhone: string, profile: Partial<PhoneProfile>): void {
		this.profiles.set(businessPhone, { ...profile });
	}

	of(businessPhone: string): PhoneProfile {
		return {
			display_phone_number: `+${businessPhone.slice(0, 2)} ${businessPhone.slice(2)}`,
			quality_rating: 'GREEN',
			name_status: 'APPROVED',
			verified_name: `Stand-in ${businessPhone.slice(-4)}`,
			code_verification_status: 'VERIFIED',
			current_limit: 'TIER_1K',
			status: 'CONNECTED',
			...this.profiles.get(businessPhone),
		};
	}

	clear(): void {
		this.profiles.clear();
	}
}

export function runGetPhone(body: Body, calling: CallingState, profiles: PhoneProfiles): unknown {
	const appkey = waString(body, 'appkey');
	waProduct(body);
	const bound = calling.phonesOf(appkey);
	let wanted = bound.map((phone) => phone.business_phone);
	if (body.business_phones !== undefined && body.business_phones !== '') {
		const listed = waString(body, 'business_phones').split(/,\s*/).filter(Boolean);
		for (const phone of listed) if (!wanted.includes(phone)) throw waNotBound(phone, appkey);
		wanted = listed;
	}
	const data: Record<string, unknown> = {};
	for (const phone of wanted) data[phone] = [profiles.of(phone)];
	return data;
}
