// Where n8n's main process spent its CPU time during a benchmark run (BENCH_CPU_PROF=1):
//   node bench/diy/cpuProfileSummary.mjs .cache/bench/cpu-prof-default/*.cpuprofile
// Self time (samples) grouped by what the code belongs to, then the top functions.
import { readFileSync } from 'node:fs';

const GROUPS = [
	['this package (n8n-nodes-nxcloud)', /n8n-nodes-nxcloud|\/wt\/[^/]+\/dist\//],
	[
		'expression isolates (@n8n/expression-runtime, isolated-vm)',
		/expression-runtime|isolated-vm|\/tournament\//,
	],
	['n8n Webhook/Switch/Code nodes (n8n-nodes-base)', /n8n-nodes-base\//],
	['task runner broker (Code node tasks)', /task-runners|task-broker|\/ws\/lib\//],
	['database (sqlite3, typeorm, @n8n/db)', /sqlite3|typeorm|@n8n\/db\//],
	['n8n-workflow (Workflow, expressions, parameters)', /n8n-workflow\//],
	['n8n-core (execution engine)', /n8n-core\//],
	['n8n server (webhooks, executions, events)', /node_modules\/n8n\/dist\//],
	['express / http stack', /express|body-parser|raw-body|iconv-lite|finalhandler|router\//],
	['node:internal', /^node:|^internal\//],
];

for (const file of process.argv.slice(2)) {
	const profile = JSON.parse(readFileSync(file, 'utf8'));
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const self = new Map();
	for (const id of profile.samples) self.set(id, (self.get(id) ?? 0) + 1);
	const total = profile.samples.length;
	const idle = [...self]
		.filter(([id]) => byId.get(id).callFrame.functionName === '(idle)')
		.reduce((n, [, c]) => n + c, 0);
	const busy = total - idle;
	const groups = new Map();
	const functions = new Map();
	for (const [id, count] of self) {
		const { functionName, url, lineNumber } = byId.get(id).callFrame;
		if (functionName === '(idle)') continue;
		const group = functionName.startsWith('(')
			? functionName
			: (GROUPS.find(([, re]) => re.test(url))?.[0] ?? 'other JS');
		groups.set(group, (groups.get(group) ?? 0) + count);
		const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '')}:${lineNumber + 1}`;
		functions.set(key, (functions.get(key) ?? 0) + count);
	}
	const ms = (count) => (((profile.endTime - profile.startTime) / 1000) * count) / total;
	process.stdout.write(
		`${file}: ${(ms(total) / 1000).toFixed(0)} s profiled, busy ${(ms(busy) / 1000).toFixed(1)} s\n  self time by group (share of busy time):\n`,
	);
	for (const [group, count] of [...groups].sort((a, b) => b[1] - a[1])) {
		process.stdout.write(`    ${((100 * count) / busy).toFixed(1).padStart(5)} %  ${group}\n`);
	}
	process.stdout.write('  top functions:\n');
	for (const [name, count] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
		process.stdout.write(`    ${((100 * count) / busy).toFixed(1).padStart(5)} %  ${name}\n`);
	}
}
