import {
	CallListBuilder,
	type PreparedRow,
} from '../../../../nodes/NxCloud/actions/callbotCallList/callList';
import {
	outcomesFromAnswer,
	reconcileWithExport,
	refusedOutcome,
	rowResultJson,
} from '../../../../nodes/NxCloud/actions/callbotCallList/importResults';

function sentRows(phones: string[]): PreparedRow[] {
	const builder = new CallListBuilder(() => 'unused');
	phones.forEach((phone, i) =>
		builder.add({
			itemIndex: i,
			phone,
			orderId: `o${i}`,
			userName: '',
			customerName: '',
			other: '',
			params: [],
		}),
	);
	return builder.sentRows();
}

describe('outcomesFromAnswer', () => {
	it("matches NXCloud's errList to rows by phone (the documented key)", () => {
		const rows = sentRows(['8613300000001', '8613300000002', '8613300000003']);
		const { outcomes, summary } = outcomesFromAnswer(rows, {
			retCode: 0,
			responseID: 'r-1',
			totalCount: 3,
			successCount: 2,
			batchID: 'b-7',
			errList: [{ phone: '8613300000002', errMsg: 'blacklisted' }],
		});

		expect(outcomes).toEqual([
			{ status: 'imported' },
			{ status: 'rejected', rejectedBy: 'nxcloud', reason: 'blacklisted' },
			{ status: 'imported' },
		]);
		expect(summary).toEqual({ batchID: 'b-7', responseID: 'r-1', totalCount: 3, successCount: 2 });
	});

	it('matches entries that carry an orderID on it, and normalises errList phones', () => {
		const rows = sentRows(['8613300000001', '8613300000002']);
		const { outcomes, summary } = outcomesFromAnswer(rows, {
			successCount: 0,
			totalCount: 2,
			errList: [
				{ orderID: 'o0', phone: '999', errMsg: 'dup' },
				{ phone: '+86 133 0000 0002', errMsg: 'bad' },
			],
		});
		expect(outcomes.map((o) => o.reason)).toEqual(['dup', 'bad']);
		expect(summary.warning).toBeUndefined();
	});

	it('warns on every row when the counts and errList disagree instead of guessing', () => {
		const rows = sentRows(['8613300000001', '8613300000002']);
		const { outcomes, summary } = outcomesFromAnswer(rows, {
			totalCount: 3,
			successCount: 1,
			errList: [{ phone: '8619999999999', errMsg: 'unknown row' }],
		});
		expect(outcomes.every((o) => o.status === 'imported')).toBe(true);
		expect(summary.warning).toBe(
			'Row results may be inexact: 1 errList entry matches no number that was sent; NXCloud counted 1 successes, its errList leaves 2; NXCloud counted 3 rows, 2 were sent.',
		);
	});

	it('treats a missing errList as all imported', () => {
		const rows = sentRows(['8613300000001']);
		expect(outcomesFromAnswer(rows, { retCode: 0 }).outcomes).toEqual([{ status: 'imported' }]);
	});
});

describe('reconcileWithExport', () => {
	const rows = sentRows(['8613300000001', '8613300000002', '8613300000003']);

	it('reads rows found in the latest batch as imported and the others as refused by NXCloud', () => {
		const verdict = reconcileWithExport(rows, {
			batchID: 'b-2',
			totalCount: 2,
			callList: [{ orderID: 'o0' }, { orderID: 'o2' }],
		});
		expect(verdict.landed).toBe(true);
		if (!verdict.landed) return;
		expect(verdict.batchID).toBe('b-2');
		expect(verdict.outcomes.map((o) => o.status)).toEqual(['imported', 'rejected', 'imported']);
		expect(verdict.outcomes[1].reason).toMatch(/not in NXCloud's latest batch/);
	});

	it('says not landed when the batch holds none of our order IDs', () => {
		expect(reconcileWithExport(rows, { batchID: 'b-1', callList: [{ orderID: 'older' }] })).toEqual(
			{
				landed: false,
				batchID: 'b-1',
				exportedCount: 1,
			},
		);
		expect(reconcileWithExport(rows, { callList: [] }).landed).toBe(false);
	});
});

describe('rowResultJson', () => {
	it('writes the outcome and the batch facts', () => {
		const [row] = sentRows(['8613300000001']);
		expect(
			rowResultJson(
				row,
				{ status: 'imported' },
				{ userTaskID: 't', batchID: 'b', responseID: 'r', totalCount: 1, successCount: 1 },
			),
		).toEqual({
			status: 'imported',
			imported: true,
			orderID: 'o0',
			orderIdGenerated: false,
			userPhone: '8613300000001',
			userTaskID: 't',
			batchID: 'b',
			responseID: 'r',
		});
		const builder = new CallListBuilder(() => 'x');
		const refused = builder.add({
			itemIndex: 0,
			phone: '1',
			orderId: '',
			userName: '',
			customerName: '',
			other: '',
			params: [],
		});
		expect(rowResultJson(refused, refusedOutcome(refused), { userTaskID: 't' })).toEqual({
			status: 'rejected',
			imported: false,
			rejectedBy: 'node',
			reason: 'phone "1" has 1 digits; expected 6 to 20 (country code and number)',
			orderID: '',
			orderIdGenerated: false,
			userPhone: '1',
			userTaskID: 't',
		});
	});
});
