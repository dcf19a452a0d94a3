// In-memory Callbot world: tasks, orders (one per imported number), batches and calls (docs/vendor-api.md §6).
// Every operation is linear in what it touches, so a 100,000-row import stays cheap.
import { type CallDetail, fakeCall } from './results';
import { CallbotError, type Obj, invalidValue } from './fields';

/** 1 pending · 2 running · 3 completed · 4 completed (failed) · 5 paused (docs/vendor-api.md §6). */
export type TaskStatus = 1 | 2 | 3 | 4 | 5;

export interface CallbotOrder {
	orderID: string;
	userPhone: string;
	other: string;
	userName: string;
	customerName: string;
	params: { name: string; value: string }[];
	userTaskID: string;
	/** The importBatchCall batch, or null for orders added with addBatchCall / createAndCall. */
	batchID: string | null;
	orderCallbackUrl: string;
	callCallbackUrl: string;
	/** pending: not dialled yet · dialled: has its call · stopped: stopOrder'd before dialling. */
	state: 'pending' | 'dialled' | 'stopped';
	calls: CallDetail[];
}

export interface CallbotTask {
	userTaskID: string;
	taskID: string;
	sceneID: string;
	taskName: string;
	other: string;
	taskCreateSetting: Obj;
	funcFlag: Obj;
	taskCallbackUrl: string;
	orderCallbackUrl: string;
	taskStatus: TaskStatus;
	/** Unix seconds. */
	createTs: number;
	orders: Map<string, CallbotOrder>;
	batchSeq: number;
	latestBatch?: { batchID: string; orderIDs: string[] };
	/** Until this time (ms) import/export of this task answers retCode 1001. */
	importBusyUntil: number;
}

export interface ImportRow {
	orderID: string;
	userPhone: string;
	other: string;
	userName: string;
	customerName: string;
	params: { name: string; value: string }[];
}

export interface ImportResult {
	totalCount: number;
	successCount: number;
	errList: { phone: string; errMsg: string }[];
	batchID?: string;
}

export interface NewTask {
	userTaskID: string;
	sceneID: string;
	taskName: string;
	other: string;
	taskCreateSetting: Obj;
	funcFlag: Obj;
	taskCallbackUrl: string;
	orderCallbackUrl: string;
}

const PHONE = /^\d{6,20}$/;

export class CallbotModel {
	readonly tasks = new Map<string, CallbotTask>();
	/** Live orders of every task, by orderID. */
	readonly orders = new Map<string, CallbotOrder>();
	/** Every orderID ever accepted, including dropped and deleted ones: ids are never reused. */
	private readonly usedOrderIds = new Set<string>();
	private taskSeq = 0;

	constructor(
		private readonly clock: () => number,
		private readonly importBusyMs: number,
	) {}

	private nowSec(): number {
		return Math.floor(this.clock() / 1000);
	}

	task(userTaskID: string): CallbotTask {
		const task = this.tasks.get(userTaskID);
		if (!task) throw invalidValue('userTaskID', `"${userTaskID}" does not exist`);
		return task;
	}

	createTask(input: NewTask): CallbotTask {
		if (this.tasks.has(input.userTaskID)) {
			throw invalidValue('userTaskID', `"${input.userTaskID}" already exists`);
		}
		this.taskSeq += 1;
		const task: CallbotTask = {
			...input,
			taskID: String(880000 + this.taskSeq),
			taskStatus: 1,
			createTs: this.nowSec(),
			orders: new Map(),
			batchSeq: 0,
			importBusyUntil: 0,
		};
		this.tasks.set(task.userTaskID, task);
		return task;
	}

	private assertOpen(task: CallbotTask): void {
		if (task.taskStatus === 3 || task.taskStatus === 4) {
			throw invalidValue('userTaskID', `"${task.userTaskID}" is completed`);
		}
	}

	/** importBatchCall / exportBatchCall refuse while a previous import is still "processing". */
	assertNotImporting(task: CallbotTask): void {
		if (this.clock() < task.importBusyUntil) {
			throw new CallbotError(1001, 'Batch import in progress, import and export are unavailable');
		}
	}

	/**
	 * Adds orders. Rows with a malformed phone or an orderID used before (in this request or ever)
	 * land in errList; the rest are accepted. With `newBatch`, the task's undialled orders are
	 * dropped first and the accepted rows form the new latest batch (importBatchCall semantics).
	 */
	addOrders(
		task: CallbotTask,
		rows: ImportRow[],
		urls: { orderCallbackUrl: string; callCallbackUrl: string },
		newBatch: boolean,
	): ImportResult {
		this.assertOpen(task);
		if (newBatch) this.assertNotImporting(task);
		let batchID: string | null = null;
		if (newBatch) {
			for (const order of task.orders.values()) {
				if (order.state === 'pending') this.removeOrder(task, order);
			}
			task.batchSeq += 1;
			batchID = `${task.taskID}-${task.batchSeq}`;
			task.latestBatch = { batchID, orderIDs: [] };
		}
		const errList: ImportResult['errList'] = [];
		for (const row of rows) {
			const problem =
				row.orderID === ''
					? 'orderID is empty'
					: !PHONE.test(row.userPhone)
						? 'invalid userPhone: 6 to 20 digits with country code, no "+"'
						: this.usedOrderIds.has(row.orderID)
							? `duplicate orderID "${row.orderID}"`
							: undefined;
			if (problem) {
				errList.push({ phone: row.userPhone, errMsg: problem });
				continue;
			}
			const order: CallbotOrder = {
				...row,
				userTaskID: task.userTaskID,
				batchID,
				...urls,
				state: 'pending',
				calls: [],
			};
			this.usedOrderIds.add(row.orderID);
			this.orders.set(row.orderID, order);
			task.orders.set(row.orderID, order);
			if (newBatch) task.latestBatch!.orderIDs.push(row.orderID);
		}
		if (newBatch) task.importBusyUntil = this.clock() + this.importBusyMs;
		if (task.taskStatus === 2) this.dial(task);
		const result: ImportResult = {
			totalCount: rows.length,
			successCount: rows.length - errList.length,
			errList,
		};
		if (batchID) result.batchID = batchID;
		return result;
	}

	private removeOrder(task: CallbotTask, order: CallbotOrder): void {
		task.orders.delete(order.orderID);
		this.orders.delete(order.orderID);
	}

	/** "Dials" every pending order of the task at once: one deterministic call each. */
	dial(task: CallbotTask): number {
		const startTs = this.nowSec();
		let dialled = 0;
		for (const order of task.orders.values()) {
			if (order.state !== 'pending') continue;
			order.calls.push(fakeCall(order.orderID, order.calls.length + 1, startTs));
			order.state = 'dialled';
			dialled += 1;
		}
		return dialled;
	}

	/** mgrTaskStatus: 1 start · 2 pause · 3 complete; delCall 1 deletes undialled orders. */
	operate(task: CallbotTask, taskOperate: number, delCall: number): void {
		this.assertOpen(task);
		if (taskOperate === 1) task.taskStatus = 2;
		else if (taskOperate === 2) task.taskStatus = 5;
		else task.taskStatus = 3;
		if (delCall === 1) {
			for (const order of task.orders.values()) {
				if (order.state === 'pending') this.removeOrder(task, order);
			}
		}
		if (task.taskStatus === 2) this.dial(task);
	}

	/** updateTask: only not-started (1) or paused (5) tasks, only taskCreateSetting and funcFlag. */
	update(task: CallbotTask, changes: { taskCreateSetting?: Obj; funcFlag?: Obj }): void {
		if (task.taskStatus !== 1 && task.taskStatus !== 5) {
			throw invalidValue(
				'userTaskID',
				`"${task.userTaskID}" can only be updated while not started or paused`,
			);
		}
		if (changes.taskCreateSetting)
			task.taskCreateSetting = { ...task.taskCreateSetting, ...changes.taskCreateSetting };
		if (changes.funcFlag) task.funcFlag = { ...task.funcFlag, ...changes.funcFlag };
	}

	/** stopOrder: irreversible; only undialled orders can be stopped. */
	stop(task: CallbotTask, orderIDs: string[], delCall: number): ImportResultForStop {
		const errList: ImportResultForStop['errList'] = [];
		for (const orderID of orderIDs) {
			const order = task.orders.get(orderID);
			const problem = !order
				? 'order does not exist'
				: order.state === 'dialled'
					? 'order already finished'
					: order.state === 'stopped'
						? 'order already stopped'
						: undefined;
			if (problem || !order) {
				errList.push({ orderID, errMsg: problem ?? 'order does not exist' });
				continue;
			}
			order.state = 'stopped';
			if (delCall === 1) this.removeOrder(task, order);
		}
		return { totalCount: orderIDs.length, successCount: orderIDs.length - errList.length, errList };
	}

	clear(): void {
		this.tasks.clear();
		this.orders.clear();
		this.usedOrderIds.clear();
		this.taskSeq = 0;
	}
}

export interface ImportResultForStop {
	totalCount: number;
	successCount: number;
	errList: { orderID: string; errMsg: string }[];
}
