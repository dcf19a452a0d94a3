import type { IDataObject } from 'n8n-workflow';

import type { PreparedRow } from './callList';
import { normalisePhone } from '../../shared/phone';
import { parseNumber } from '../../shared/values';

/** What became of one row. */
export interface RowOutcome {
	status: 'imported' | 'rejected';
	/** Who refused the row: our check before sending, or NXCloud (its errList). */
	rejectedBy?: 'node' | 'nxcloud';
	reason?: string;
}

/** Shared: most rows of a large import share this outcome, so it is not allocated per row. */
const IMPORTED: RowOutcome = Object.freeze({ status: 'imported' });

/** Facts of the request that every row of it carries on its output item. */
export interface BatchSummary {
	userTaskID: string;
	batchID?: string;
	responseID?: string;
	totalCount?: number;
	successCount?: number;
	/** How the outcome was learned when NXCloud's answer was lost (see reconcileWithExport). */
	confirmedBy?: string;
	/** Set when NXCloud's counts and its errList disagree with each other. */
	warning?: string;
}

interface ErrEntry {
	phone?: string;
	orderID?: string;
	errMsg: string;
	used: boolean;
}

function errEntries(envelope: IDataObject): ErrEntry[] {
	const list = Array.isArray(envelope.errList) ? (envelope.errList as IDataObject[]) : [];
	return list.map((entry) => ({
		phone:
			entry?.phone === undefined || entry.phone === null
				? undefined
				: normalisePhone(String(entry.phone)),
		orderID:
			entry?.orderID === undefined || entry.orderID === null ? undefined : String(entry.orderID),
		errMsg: String(entry?.errMsg ?? 'refused without a message'),
		used: false,
	}));
}

/**
 * Per-row outcomes of an import/add answer. NXCloud's errList names failed rows by `phone`
 * (the vendor page), not by order ID; phones are unique within what we sent (duplicates are
 * refused before sending), so the match is exact. Entries with an `orderID` are matched on it.
 * Rows not in errList were imported. When errList and successCount disagree (an entry matches no
 * row we sent, or the counts differ) every row carries a warning rather than a silent guess.
 */
export function outcomesFromAnswer(
	sent: PreparedRow[],
	envelope: IDataObject,
): { outcomes: RowOutcome[]; summary: Omit<BatchSummary, 'userTaskID'> } {
	const entries = errEntries(envelope);
	const byPhone = new Map<string, ErrEntry>();
	const byOrder = new Map<string, ErrEntry>();
	for (const entry of entries) {
		if (entry.orderID !== undefined && !byOrder.has(entry.orderID))
			byOrder.set(entry.orderID, entry);
		else if (entry.phone !== undefined && !byPhone.has(entry.phone))
			byPhone.set(entry.phone, entry);
	}
	let imported = 0;
	const outcomes = sent.map((row): RowOutcome => {
		const entry =
			entries.length === 0 ? undefined : (byOrder.get(row.orderID) ?? byPhone.get(row.userPhone));
		if (entry) {
			entry.used = true;
			return { status: 'rejected', rejectedBy: 'nxcloud', reason: entry.errMsg };
		}
		imported += 1;
		return IMPORTED;
	});
	const successCount = parseNumber(envelope.successCount);
	const totalCount = parseNumber(envelope.totalCount);
	const unmatched = entries.filter((entry) => !entry.used).length;
	const problems: string[] = [];
	if (unmatched > 0)
		problems.push(
			`${unmatched} errList entr${unmatched === 1 ? 'y matches' : 'ies match'} no number that was sent`,
		);
	if (successCount !== undefined && successCount !== imported) {
		problems.push(`NXCloud counted ${successCount} successes, its errList leaves ${imported}`);
	}
	if (totalCount !== undefined && totalCount !== sent.length) {
		problems.push(`NXCloud counted ${totalCount} rows, ${sent.length} were sent`);
	}
	const summary: Omit<BatchSummary, 'userTaskID'> = {};
	if (envelope.batchID !== undefined && envelope.batchID !== null)
		summary.batchID = String(envelope.batchID);
	if (envelope.responseID !== undefined) summary.responseID = String(envelope.responseID);
	if (totalCount !== undefined) summary.totalCount = totalCount;
	if (successCount !== undefined) summary.successCount = successCount;
	if (problems.length > 0) summary.warning = `Row results may be inexact: ${problems.join('; ')}.`;
	return { outcomes, summary };
}

/** What an export after a lost import answer says about that import. */
export type ExportVerdict =
	| { landed: true; outcomes: RowOutcome[]; batchID?: string; exportedCount: number }
	| { landed: false; batchID?: string; exportedCount: number };

/**
 * Reads an exportBatchCall answer taken after an import whose answer was lost (timeout, reset,
 * 5xx). Order IDs are globally unique, so any of ours in NXCloud's latest batch means our import
 * was carried out: rows in the batch were imported, rows absent were refused by NXCloud (its
 * reason went with the lost answer). None of ours in the batch means none was imported.
 */
export function reconcileWithExport(
	sent: PreparedRow[],
	exportEnvelope: IDataObject,
): ExportVerdict {
	const list = Array.isArray(exportEnvelope.callList)
		? (exportEnvelope.callList as IDataObject[])
		: [];
	const present = new Set<string>();
	for (const entry of list)
		if (entry && entry.orderID !== undefined) present.add(String(entry.orderID));
	const batchID =
		exportEnvelope.batchID === undefined || exportEnvelope.batchID === null
			? undefined
			: String(exportEnvelope.batchID);
	const landed = sent.some((row) => present.has(row.orderID));
	if (!landed) return { landed: false, batchID, exportedCount: list.length };
	const outcomes = sent.map((row): RowOutcome =>
		present.has(row.orderID)
			? IMPORTED
			: {
					status: 'rejected',
					rejectedBy: 'nxcloud',
					reason:
						"not in NXCloud's latest batch after the import; NXCloud's own reason was lost with its answer",
				},
	);
	return { landed: true, outcomes, batchID, exportedCount: list.length };
}

/** The output item of one number. */
export function rowResultJson(
	row: PreparedRow,
	outcome: RowOutcome,
	summary: BatchSummary,
): IDataObject {
	const json: IDataObject = {
		status: outcome.status,
		imported: outcome.status === 'imported',
	};
	if (outcome.rejectedBy) json.rejectedBy = outcome.rejectedBy;
	if (outcome.reason !== undefined) json.reason = outcome.reason;
	json.orderID = row.orderID;
	json.orderIdGenerated = row.orderIdGenerated;
	json.userPhone = row.userPhone;
	json.userTaskID = summary.userTaskID;
	if (summary.batchID !== undefined) json.batchID = summary.batchID;
	if (summary.responseID !== undefined) json.responseID = summary.responseID;
	if (summary.confirmedBy !== undefined) json.confirmedBy = summary.confirmedBy;
	if (summary.warning !== undefined) json.warning = summary.warning;
	return json;
}

/** The outcome of a row refused by our own check before anything was sent. */
export function refusedOutcome(row: PreparedRow): RowOutcome {
	return { status: 'rejected', rejectedBy: 'node', reason: row.problem };
}
