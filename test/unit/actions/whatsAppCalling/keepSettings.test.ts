import {
	changesSomething,
	mergedEnableBody,
} from '../../../../nodes/NxCloud/actions/whatsAppCalling/keepSettings';

const REF = { appkey: 'pem28kje', business_phone: '8613300000000' };
const CURRENT = {
	status: 1,
	business_phone: '8613300000000',
	region: 'SG',
	icon_status: 0,
	permission_status: 1,
	recording_status: 1,
	hours_status: 0,
	customer_sip_addr: [{ host: '10.1.1.1', port: 5060, type: 1 }],
	nx_sip_addr: [{ region: 'SG', ip_list: ['203.0.113.10:6030'] }],
};

describe('mergedEnableBody', () => {
	it('sends the current settings back unchanged, without the read-only fields of Get Settings', () => {
		expect(mergedEnableBody(REF, CURRENT, { hours: 'keep' })).toEqual({
			...REF,
			region: 'SG',
			icon_status: 0,
			permission_status: 1,
			recording_status: 1,
			hours_status: 0,
			customer_sip_addr: [{ host: '10.1.1.1', port: 5060, type: 1 }],
		});
	});

	it('reads switches NXCloud printed as strings', () => {
		const body = mergedEnableBody(
			REF,
			{ ...CURRENT, recording_status: '1', icon_status: '0' },
			{ hours: 'keep' },
		);
		expect(body).toMatchObject({ recording_status: 1, icon_status: 0 });
	});

	it('a false set by the user wins over the current 1; an unset switch keeps it', () => {
		expect(mergedEnableBody(REF, CURRENT, { recording: false, hours: 'keep' })).toMatchObject({
			recording_status: 0,
			permission_status: 1,
		});
	});

	it('refuses to guess hours NXCloud reports as on but did not return', () => {
		expect(() => mergedEnableBody(REF, { ...CURRENT, hours_status: 1 }, { hours: 'keep' })).toThrow(
			/^Business Hours: NXCloud reports custom hours as on/,
		);
	});

	it('validates what the user set like the full form does', () => {
		expect(() =>
			mergedEnableBody(REF, CURRENT, {
				hours: 'keep',
				sip: [{ host: 'sip.example.com', port: 5060, type: 1 }],
			}),
		).toThrow(/^SIP address 1: host "sip.example.com" is not an IP address/);
	});
});

describe('changesSomething', () => {
	it('is false only when nothing is set and hours are kept', () => {
		expect(changesSomething({ hours: 'keep' })).toBe(false);
		expect(changesSomething({ hours: 'none' })).toBe(true);
		expect(changesSomething({ hours: 'keep', recording: false })).toBe(true);
	});
});
