import { join } from 'node:path';

/** The parts of node:sqlite (Node ≥ 22.5) the tests use; @types/node 20 does not declare it. */
interface Statement {
	get(...params: unknown[]): Record<string, unknown> | undefined;
	run(...params: unknown[]): unknown;
}
export interface SqliteDatabase {
	prepare(sql: string): Statement;
	exec(sql: string): void;
	close(): void;
}

/** Opens the SQLite database of an n8n user folder (n8n keeps it in WAL mode, so reads never wait). */
export function openN8nDatabase(userFolder: string, { readOnly = true } = {}): SqliteDatabase {
	const { DatabaseSync } = require('node:sqlite') as {
		DatabaseSync: new (path: string, options: object) => SqliteDatabase;
	};
	return new DatabaseSync(join(userFolder, '.n8n', 'database.sqlite'), { readOnly });
}

/** Executions n8n has stored for a workflow, whatever their status. */
export function storedExecutionCount(db: SqliteDatabase, workflowId: string): number {
	return Number(
		db.prepare('SELECT COUNT(*) AS n FROM execution_entity WHERE "workflowId" = ?').get(workflowId)
			?.n ?? 0,
	);
}

/** The trigger's redelivery window as stored in the workflow's static data. */
export function storedWindow(db: SqliteDatabase, workflowId: string, nodeName: string): string[] {
	const row = db
		.prepare('SELECT "staticData" AS s FROM workflow_entity WHERE id = ?')
		.get(workflowId);
	const staticData =
		typeof row?.s === 'string'
			? (JSON.parse(row.s) as Record<string, { redeliveryWindow?: string[] }>)
			: {};
	return staticData[`node:${nodeName}`]?.redeliveryWindow ?? [];
}
