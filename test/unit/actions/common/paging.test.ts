import { callbotOutput, openPlatformOutput } from '../../../../nodes/NxCloud/transport/envelope';
import {
	collectPages,
	rowsUnderAnyKey,
	type Page,
} from '../../../../nodes/NxCloud/actions/common/paging';
import { addIsoCopies } from '../../../../nodes/NxCloud/shared/timestamps';

function server(total: number, options: { omitTotal?: boolean; capSize?: number } = {}) {
	const asked: Array<[number, number]> = [];
	const fetch = async (page: number, asking: number): Promise<Page> => {
		asked.push([page, asking]);
		// A server that caps the page size answers pages of its own size.
		const size = Math.min(asking, options.capSize ?? asking);
		const start = (page - 1) * size;
		const rows = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, k) => ({
			n: start + k,
		}));
		return { rows, totalCount: options.omitTotal ? undefined : total, envelope: { page } };
	};
	return { fetch, asked };
}

describe('collectPages', () => {
	it('returns all rows across pages and stops at the total', async () => {
		const { fetch, asked } = server(250);
		const { rows, envelopes } = await collectPages(fetch, {
			returnAll: true,
			limit: 0,
			pageSize: 100,
		});
		expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 250 }, (_, n) => n));
		expect(asked).toEqual([
			[1, 100],
			[2, 100],
			[3, 100],
		]);
		expect(envelopes).toHaveLength(3);
	});

	it('does not ask for a page past an exact total', async () => {
		const { fetch, asked } = server(200);
		await collectPages(fetch, { returnAll: true, limit: 0, pageSize: 100 });
		expect(asked).toHaveLength(2);
	});

	it('stops at a short page when there is no total', async () => {
		const { fetch, asked } = server(150, { omitTotal: true });
		const { rows } = await collectPages(fetch, { returnAll: true, limit: 0, pageSize: 100 });
		expect(rows).toHaveLength(150);
		expect(asked).toHaveLength(2);
	});

	it('honours a limit across pages and shrinks the page size to a small limit', async () => {
		const big = server(1000);
		expect(
			(await collectPages(big.fetch, { returnAll: false, limit: 230, pageSize: 100 })).rows,
		).toHaveLength(230);
		expect(big.asked).toEqual([
			[1, 100],
			[2, 100],
			[3, 100],
		]);
		const small = server(1000);
		expect(
			(await collectPages(small.fetch, { returnAll: false, limit: 5, pageSize: 100 })).rows,
		).toHaveLength(5);
		expect(small.asked).toEqual([[1, 5]]);
	});

	it('keeps paging on totalCount when NXCloud caps the page size below the one asked for', async () => {
		const { fetch, asked } = server(120, { capSize: 50 });
		const { rows } = await collectPages(fetch, { returnAll: true, limit: 0, pageSize: 100 });
		expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 120 }, (_, n) => n));
		expect(asked).toEqual([
			[1, 100],
			[2, 100],
			[3, 100],
		]);
		const limited = server(120, { capSize: 50 });
		expect(
			(await collectPages(limited.fetch, { returnAll: false, limit: 80, pageSize: 100 })).rows,
		).toHaveLength(80);
	});

	it('stops at an empty page even when totalCount promises more', async () => {
		const liar = async (page: number): Promise<Page> => ({
			rows: page === 1 ? [{}] : [],
			totalCount: 10,
			envelope: {},
		});
		expect(
			(await collectPages(liar, { returnAll: true, limit: 0, pageSize: 5 })).rows,
		).toHaveLength(1);
	});

	it('gives up on a server that never signals the last page', async () => {
		const endless = async (): Promise<Page> => ({ rows: [{}, {}], envelope: {} });
		await expect(
			collectPages(endless, { returnAll: true, limit: 0, pageSize: 2, maxPages: 3 }),
		).rejects.toThrow('Paging did not end after 3 pages');
	});
});

describe('rowsUnderAnyKey', () => {
	const keys = ['orderList', 'list', 'data'];

	it('takes the first key that holds a list', () => {
		expect(rowsUnderAnyKey({ totalCount: 1, data: { x: 1 }, list: [{ a: 1 }] }, keys)).toEqual([
			{ a: 1 },
		]);
		expect(
			rowsUnderAnyKey({ totalCount: 1, orderList: [{ b: 1 }], list: [{ a: 1 }] }, keys),
		).toEqual([{ b: 1 }]);
	});

	it('is an honest empty list when NXCloud says there are no rows', () => {
		expect(rowsUnderAnyKey({ retCode: 0, totalCount: 0 }, keys)).toEqual([]);
		expect(rowsUnderAnyKey({ retCode: 0 }, keys)).toEqual([]);
	});

	it('fails, showing the keys received, when totalCount > 0 but no known key holds the rows', () => {
		expect(() =>
			rowsUnderAnyKey({ retCode: 0, retMsg: 'ok', totalCount: 3, orderInfos: [{}, {}, {}] }, keys),
		).toThrow(
			/there are 3 rows \(totalCount\).*"orderList", "list", "data".*Keys received: retCode, retMsg, totalCount, orderInfos/,
		);
	});
});

describe('ISO timestamp copies', () => {
	it('adds a copy next to every timestamp, in the key style, keeping the value', () => {
		const value = addIsoCopies({
			createTs: 1757915478,
			calls: [{ start_time: '1757915478', end_time: '1757915490', call_duration: 12 }],
			callInfoDetailList: [
				{ callStartTs: 0, callDuration: 30, agent: { manualCallStart: 1757915478000 } },
			],
		});
		expect(value).toEqual({
			createTs: 1757915478,
			createTsIso: '2025-09-15T05:51:18.000Z',
			calls: [
				{
					start_time: '1757915478',
					start_time_iso: '2025-09-15T05:51:18.000Z',
					end_time: '1757915490',
					end_time_iso: '2025-09-15T05:51:30.000Z',
					call_duration: 12,
				},
			],
			callInfoDetailList: [
				{
					callStartTs: 0,
					callStartTsIso: null,
					callDuration: 30,
					agent: { manualCallStart: 1757915478000, manualCallStartIso: '2025-09-15T05:51:18.000Z' },
				},
			],
		});
	});
});

describe('output unwrapping', () => {
	it("outputs the open platform's data, or the whole answer with Full Response", () => {
		const envelope = {
			code: 0,
			message: 'Success',
			data: { disabled: true, business_phone: 'x' },
			traceId: 't',
		};
		expect(openPlatformOutput({ ...envelope }, false)).toEqual({
			disabled: true,
			business_phone: 'x',
		});
		expect(openPlatformOutput({ ...envelope }, true)).toEqual(envelope);
		expect(openPlatformOutput({ code: 0 }, false)).toEqual({ data: null });
	});

	it('drops retCode and retMsg of a Callbot answer, keeping responseID', () => {
		const envelope = { retCode: 0, retMsg: 'success', responseID: 'r', taskID: '1', taskStatus: 2 };
		expect(callbotOutput({ ...envelope }, false)).toEqual({
			responseID: 'r',
			taskID: '1',
			taskStatus: 2,
		});
		expect(callbotOutput({ ...envelope }, true)).toEqual(envelope);
	});
});
