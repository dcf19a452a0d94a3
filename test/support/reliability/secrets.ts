import { readFileSync } from 'node:fs';

import type { N8nClient } from '../e2e/n8nClient';
import type { ReliabilityAccount } from '../e2e/account';
import { forEachExecution } from './executions';

export interface SecretFinding {
	secret: 'accessSecret' | 'callbotSecretKey';
	where: string;
}

/**
 * Looks for the account's two secrets (by their random cores, so a cut-off copy counts too) in
 * everything n8n hands out: its log, execution data (error messages and descriptions included),
 * and the answers it gave to requests.
 */
export class SecretWatch {
	readonly findings: SecretFinding[] = [];
	/** How much was searched, for the report. */
	readonly scanned = { executions: 0, answers: 0, logBytes: 0 };

	constructor(private readonly account: ReliabilityAccount) {}

	check(where: string, text: string): void {
		for (const secret of ['accessSecret', 'callbotSecretKey'] as const) {
			if (text.includes(this.account.secretCores[secret])) this.findings.push({ secret, where });
		}
	}

	/** An answer n8n gave to one of our requests. */
	checkAnswer(where: string, body: Buffer | string): void {
		this.scanned.answers++;
		this.check(where, body.toString());
	}

	/** Every execution of these workflows, with its data. */
	async sweepExecutions(n8n: N8nClient, workflowIds: string[]): Promise<void> {
		for (const workflowId of workflowIds) {
			await forEachExecution(n8n, { workflowId, includeData: true }, (execution, text) => {
				this.scanned.executions++;
				this.check(`execution ${execution.id} of workflow ${workflowId}`, text ?? '');
			});
		}
	}

	/** n8n's whole log so far (N8N_LOG_LEVEL is debug in these runs, so it logs the most). */
	sweepLog(n8n: N8nClient): void {
		const log = readFileSync(n8n.connection.logFile, 'utf8');
		this.scanned.logBytes = log.length;
		this.check('the n8n log', log);
	}
}
