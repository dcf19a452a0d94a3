// In-memory WhatsApp Calling data: which business phones are bound to which app, their calling
// configuration (docs/vendor-api.md §3.1/§3.3) and call records (docs/vendor-api.md §3.4). Tests seed and inspect it through StandIn.state.

export interface BoundPhone {
	business_phone: string;
	appkey: string;
	/** Returned by /query as data.app_id. */
	app_id: number;
	wabaId: string;
}

export interface SipAddr {
	host: string;
	port: number;
	type: number;
}

export interface OperatingHours {
	day_of_week: string;
	open_time: string;
	close_time: string;
}

export interface HolidaySchedule {
	date: string;
	start_time: string;
	end_time: string;
}

export interface HoursCustomize {
	status: 'ENABLED' | 'DISABLED';
	timezone_id: string;
	weekly_operating_hours?: OperatingHours[];
	holiday_schedule?: HolidaySchedule[];
}

export interface CallingConfig {
	/** 0 disabled · 1 enabled · 2 in arrears (docs/vendor-api.md §3.3). */
	status: 0 | 1 | 2;
	region: string;
	icon_status: number;
	permission_status: number;
	recording_status: number;
	hours_status: number;
	hours_customize?: HoursCustomize;
	customer_sip_addr: SipAddr[];
}

export interface CallCost {
	direction: number;
	currency: string;
	price: number;
}

export interface CallRecord {
	call_id: string;
	from: string;
	to: string;
	costs: CallCost[];
	/** Unix seconds as strings, like the vendor's examples. */
	start_time: string;
	end_time: string;
	record: string;
	call_duration: number;
	fee_duration: number;
	bill_type: string;
	end_direction: number;
	end_reason: string;
}

const clone = <T>(value: T): T => structuredClone(value);

export class CallingState {
	private readonly bound = new Map<string, BoundPhone>();
	private readonly configs = new Map<string, CallingConfig>();
	private readonly calls = new Map<string, Map<string, CallRecord>>();
	private nextAppId = 282;

	/** Binds a business phone to an app, as the console would; /calling/* refuses unbound phones (10003). */
	bindPhone(phone: {
		business_phone: string;
		appkey: string;
		app_id?: number;
		wabaId?: string;
	}): BoundPhone {
		const bound: BoundPhone = {
			business_phone: phone.business_phone,
			appkey: phone.appkey,
			app_id: phone.app_id ?? this.nextAppId++,
			wabaId: phone.wabaId ?? `10490000${phone.business_phone.slice(-6)}`,
		};
		this.bound.set(phone.business_phone, bound);
		return clone(bound);
	}

	unbindPhone(businessPhone: string): void {
		this.bound.delete(businessPhone);
	}

	/** Every phone bound to `appkey`, in binding order (getPhone lists them). */
	phonesOf(appkey: string): BoundPhone[] {
		return [...this.bound.values()].filter((phone) => phone.appkey === appkey).map(clone);
	}

	boundPhone(businessPhone: string): BoundPhone | undefined {
		const bound = this.bound.get(businessPhone);
		return bound && clone(bound);
	}

	/** True when some phone is bound to this appkey (the application exists). */
	hasAppKey(appkey: string): boolean {
		for (const bound of this.bound.values()) if (bound.appkey === appkey) return true;
		return false;
	}

	/** True when the phone is bound to exactly this appkey. */
	isBound(businessPhone: string, appkey: string): boolean {
		return this.bound.get(businessPhone)?.appkey === appkey;
	}

	/** Seeds or overwrites a phone's calling configuration (the phone must be bound separately). */
	setConfig(businessPhone: string, config: CallingConfig): void {
		this.configs.set(businessPhone, clone(config));
	}

	config(businessPhone: string): CallingConfig | undefined {
		const config = this.configs.get(businessPhone);
		return config && clone(config);
	}

	setStatus(businessPhone: string, status: CallingConfig['status']): void {
		const config = this.configs.get(businessPhone);
		if (config) config.status = status;
	}

	/** Adds a call record for /calling/query; missing fields get plausible values. */
	addCallRecord(
		businessPhone: string,
		record: Partial<CallRecord> & { call_id: string },
	): CallRecord {
		const full: CallRecord = {
			from: '8613800000000',
			to: businessPhone,
			costs: [{ direction: 0, currency: 'USD', price: 0.0123 }],
			start_time: '1757915478',
			end_time: '1757915533',
			record: `https://standin.invalid/record/${encodeURIComponent(record.call_id)}.wav`,
			call_duration: 55,
			fee_duration: 60,
			bill_type: '6+6',
			end_direction: 1,
			end_reason: 'Normal Clearing',
			...record,
		};
		let byId = this.calls.get(businessPhone);
		if (!byId) this.calls.set(businessPhone, (byId = new Map()));
		byId.set(full.call_id, clone(full));
		return full;
	}

	callRecord(businessPhone: string, callId: string): CallRecord | undefined {
		const record = this.calls.get(businessPhone)?.get(callId);
		return record && clone(record);
	}

	clear(): void {
		this.bound.clear();
		this.configs.clear();
		this.calls.clear();
	}
}
