// n8n's Prometheus metrics (N8N_METRICS=true, set by bench/diy.jest.config.js): how many
// expressions n8n evaluated and how many expression isolates it handed out. Both are counted by
// n8n's "vm" expression engine only (the default); under "legacy" they stay at 0.
import { http } from '../../test/support/e2e/http';

export interface ExpressionCounters {
	/** Expressions evaluated (n8n_expression_evaluation_duration_seconds_count, all labels). */
	evaluations: number;
	/** Isolates taken from the pool or cold-started (n8n_expression_pool_acquired_total). */
	isolates: number;
}

function sum(text: string, metric: string): number {
	let total = 0;
	for (const line of text.split('\n')) {
		if (!line.startsWith(metric)) continue;
		const rest = line.slice(metric.length);
		if (rest[0] !== ' ' && rest[0] !== '{') continue;
		total += Number(line.slice(line.lastIndexOf(' ') + 1)) || 0;
	}
	return total;
}

export async function expressionCounters(baseUrl: string): Promise<ExpressionCounters> {
	const answer = await http(`${baseUrl}/metrics`, { method: 'GET' });
	if (answer.status !== 200) return { evaluations: 0, isolates: 0 };
	return {
		evaluations: sum(answer.text, 'n8n_expression_evaluation_duration_seconds_count'),
		isolates: sum(answer.text, 'n8n_expression_pool_acquired_total'),
	};
}
