import type { IDataObject } from 'n8n-workflow';

import { normalisePhone, phoneProblem } from '../../shared/phone';
import { callbackUrl, toText } from '../../shared/values';

/** One number as the user mapped it from one input item (raw values, before any check). */
export interface NumberFields {
	itemIndex: number;
	phone: unknown;
	orderId: unknown;
	userName: unknown;
	customerName: unknown;
	other: unknown;
	/** `[{ name, value }]` template variables. */
	params: unknown;
}

/** One callList entry, keys in the vendor's order (the vendor's Callbot-batchImportCall page, docs/vendor-api.md §6 row 12). */
export interface WireRow {
	orderID: string;
	userPhone: string;
	other: string;
	userName: string;
	customerName: string;
	params: Array<{ name: string; value: string }>;
}

export interface PreparedRow {
	itemIndex: number;
	/** The order ID sent (or, for a refused row, the one given; "" when none was). */
	orderID: string;
	/** True when the node generated the order ID because the mapped one was empty. */
	orderIdGenerated: boolean;
	/** Normalised phone (what is sent). */
	userPhone: string;
	/** Why the row is not sent; undefined for rows that go out. */
	problem?: string;
	/** The callList entry to send; absent for refused rows. */
	wire?: WireRow;
}

/** A `{ name, value }` pair that can go out as it is: exactly those two keys, both text. */
function isExactPair(entry: unknown): boolean {
	if (typeof entry !== 'object' || entry === null) return false;
	const pair = entry as IDataObject;
	if (typeof pair.name !== 'string' || typeof pair.value !== 'string') return false;
	if (pair.name === '' || pair.name.trim() !== pair.name) return false;
	let keys = 0;
	for (const key in pair) if (Object.prototype.hasOwnProperty.call(pair, key)) keys += 1;
	return keys === 2;
}

function templateVariables(raw: unknown): WireRow['params'] {
	if (raw === undefined || raw === null || raw === '') return [];
	if (!Array.isArray(raw))
		throw new Error('template variables must be a list of { name, value } pairs');
	// The common case (pairs already in shape) is sent as given: no copy per row of a large list.
	if (raw.every(isExactPair)) return raw as WireRow['params'];
	return raw.map((entry, i) => {
		const pair = (entry ?? {}) as IDataObject;
		const name = toText(pair.name, `template variable ${i + 1} name`).trim();
		if (name === '') throw new Error(`template variable ${i + 1} has no name`);
		return { name, value: toText(pair.value, `template variable "${name}" value`) };
	});
}

/**
 * Turns mapped input items into callList rows, one call per item and in input order, so the
 * whole list costs linear time: phones are normalised and checked (6–20 digits), empty order
 * IDs get a generated UUID, and a phone or order ID that an earlier row of the same list already
 * uses is refused. Refused rows keep their reason and are not sent; nothing is dropped.
 */
export class CallListBuilder {
	readonly rows: PreparedRow[] = [];
	private readonly phones = new Map<string, number>();
	private readonly orderIds = new Map<string, number>();
	private acceptedCount = 0;
	private finished = false;

	constructor(private readonly newOrderId: () => string) {}

	get accepted(): number {
		return this.acceptedCount;
	}

	add(fields: NumberFields): PreparedRow {
		if (this.finished) throw new Error('this call list is finished; start a new one');
		const userPhone = normalisePhone(fields.phone);
		const row: PreparedRow = {
			itemIndex: fields.itemIndex,
			orderID: '',
			orderIdGenerated: false,
			userPhone,
		};
		this.rows.push(row);
		const problem = this.check(row, fields);
		if (problem !== undefined) row.problem = problem;
		return row;
	}

	/** Fills `row` for sending and returns undefined, or returns why it cannot be sent. */
	private check(row: PreparedRow, fields: NumberFields): string | undefined {
		let wire: WireRow;
		try {
			row.orderID = toText(fields.orderId, 'order ID').trim();
			wire = {
				orderID: row.orderID,
				userPhone: row.userPhone,
				other: toText(fields.other, 'other'),
				userName: toText(fields.userName, 'user name'),
				customerName: toText(fields.customerName, 'customer name'),
				params: templateVariables(fields.params),
			};
		} catch (error) {
			return (error as Error).message;
		}
		const phoneIssue = phoneProblem(row.userPhone, fields.phone);
		if (phoneIssue) return phoneIssue;
		const samePhone = this.phones.get(row.userPhone);
		if (samePhone !== undefined)
			return `duplicate phone ${row.userPhone}: item ${samePhone} of this import already has it`;
		if (row.orderID === '') {
			row.orderID = this.newOrderId();
			row.orderIdGenerated = true;
		}
		const sameOrder = this.orderIds.get(row.orderID);
		if (sameOrder !== undefined) {
			return `duplicate order ID "${row.orderID}": item ${sameOrder} of this import already uses it`;
		}
		this.orderIds.set(row.orderID, fields.itemIndex);
		this.phones.set(row.userPhone, fields.itemIndex);
		wire.orderID = row.orderID;
		// The vendor marks `other` required and, unlike userName/customerName, never says it may be
		// empty: an empty one carries the order ID, which the callbacks report anyway.
		if (wire.other === '') wire.other = row.orderID;
		row.wire = wire;
		this.acceptedCount += 1;
		return undefined;
	}

	/**
	 * Ends the list: the duplicate indexes are no longer needed, so a large import does not keep
	 * them alive while it sends and collects results. Adding rows afterwards is refused.
	 */
	finish(): void {
		this.finished = true;
		this.phones.clear();
		this.orderIds.clear();
	}

	/** The rows that go out, in input order. */
	sentRows(): PreparedRow[] {
		return this.rows.filter((row) => row.wire !== undefined);
	}
}

export interface CallbackUrls {
	orderCallbackUrl: string;
	callCallbackUrl: string;
}

/**
 * The JSON body of importBatchCall / addBatchCall / createAndCall: `head` (productID, userTaskID
 * and, for createAndCall, the task fields) plus `callInfoList`. Serialised once, in one pass.
 */
export function callListBody(head: IDataObject, urls: CallbackUrls, rows: PreparedRow[]): string {
	const callList = new Array<WireRow>(rows.length);
	for (let i = 0; i < rows.length; i++) {
		const wire = rows[i].wire;
		if (!wire)
			throw new Error(`the row of item ${rows[i].itemIndex} was refused and cannot be sent`);
		callList[i] = wire;
	}
	// One JSON.stringify over plain objects: measured faster and lighter on the heap than a JSON
	// string per row joined at the end (bench/README.md).
	return JSON.stringify({
		...head,
		callInfoList: {
			orderCallbackUrl: urls.orderCallbackUrl,
			callCallbackUrl: urls.callCallbackUrl,
			callList,
		},
	});
}

/**
 * The callback URLs of a call list. The vendor marks both required (seeds: batchImportCall), so an
 * empty one is refused here, with where to get one, before anything is sent.
 */
export function requiredCallbackUrl(value: unknown, field: string): string {
	const url = callbackUrl(value, field);
	if (url === '') {
		throw new Error(
			`${field} is required: NXCloud needs it for every list of numbers. Paste the Production URL of an NXCloud Trigger set to Callbot (Source: Callbot Callback)`,
		);
	}
	return url;
}
