// Live memory of an import by phase (heap + external after a full GC at each step), run as a
// child of importRunner.ts with --expose-gc: what the node's import holds at each point,
// without V8's heap reserve that RSS also counts. Mirrors actions/callbotCallList/numberBatch.ts.
import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { CallListBuilder, callListBody } from '../nodes/NxCloud/actions/callbotCallList/callList';
import {
	outcomesFromAnswer,
	rowResultJson,
} from '../nodes/NxCloud/actions/callbotCallList/importResults';

const ROWS = Number(process.argv[2] ?? 100_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

function live(): number {
	gc!();
	gc!();
	const m = process.memoryUsage();
	return m.heapUsed + m.external;
}

const rows: IDataObject[] = [];
for (let k = 0; k < ROWS; k++) {
	rows.push({
		phone: `+86 155 ${String(k).padStart(8, '0')}`,
		orderID: `m-${k}`,
		userName: `Customer ${k}`,
		customerName: 'ACME Ltd',
		other: `row ${k}`,
		params: { amount: String(100 + (k % 900)), due: '2026-06-30' },
	});
}
const base = live();
const phases: Array<[string, number]> = [];
const mark = (label: string): void => {
	phases.push([label, live() - base]);
};

const builder = new CallListBuilder(randomUUID);
for (let k = 0; k < ROWS; k++) {
	const row = rows[k];
	const params = Object.entries(row.params as IDataObject).map(([name, value]) => ({
		name,
		value,
	}));
	builder.add({
		itemIndex: k,
		phone: row.phone,
		orderId: row.orderID,
		userName: row.userName,
		customerName: row.customerName,
		other: row.other,
		params,
	});
}
mark('rows checked (row + wire entry + duplicate indexes)');
builder.finish();
const sent = builder.sentRows();
let body = callListBody(
	{ productID: 'callbot', userTaskID: 'task' },
	{ orderCallbackUrl: '', callCallbackUrl: '' },
	sent,
);
const bodyBytes = Buffer.byteLength(body);
mark('body built (peak of the build)');
for (const row of sent) row.wire = undefined;
mark('wire entries released');
const onWire = Buffer.from(body);
body = '';
mark('body as sent (Buffer; string released)');
const { outcomes, summary } = outcomesFromAnswer(sent, {
	retCode: 0,
	totalCount: ROWS,
	successCount: ROWS,
	errList: [],
	responseID: 'r',
	batchID: 'b',
});
const results = sent.map((row, k) => ({
	json: rowResultJson(row, outcomes[k], { userTaskID: 'task', ...summary }),
	pairedItem: { item: k },
}));
mark('output items built');
process.stdout.write(
	`${JSON.stringify({ bodyBytes, phases, kept: [onWire.length, results.length, rows.length] })}\n`,
);
