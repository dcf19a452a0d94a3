// `npm run dev:queue`: the queue-mode topology of the tests, for a person to try. Prints where
// everything is, then waits; Ctrl-C (or SIGTERM) stops every process by pid and removes the run
// folder (its logs are kept with KEEP_N8N=1). NXCLOUD_DEV_EXIT_WHEN_READY=1 stops at once (CI).
import { randomBytes } from 'node:crypto';

import {
	startQueueTopology,
	stopQueueTopology,
	topologyFile,
	type QueueTopology,
} from './topology';

const say = (message: string) => process.stdout.write(`${message}\n`);

async function main(): Promise<void> {
	const password = `Dev-${randomBytes(9).toString('base64url')}-7Q`;
	const owner = { email: 'dev@nxcloud.local', password };
	// Set once the topology is up; Ctrl-C before that stops what startQueueTopology started itself.
	const state: { topology?: QueueTopology } = {};
	let stopping = false;
	const stop = async (why: string) => {
		if (stopping) return;
		stopping = true;
		say(`\n[dev:queue] ${why}: stopping every process…`);
		if (state.topology)
			await stopQueueTopology(state.topology, { keep: process.env.KEEP_N8N === '1' });
		say('[dev:queue] stopped.');
		process.exit(0);
	};
	process.on('SIGINT', () => void stop('Ctrl-C'));
	process.on('SIGTERM', () => void stop('SIGTERM'));

	state.topology = await startQueueTopology({
		owner,
		mainPort: process.env.N8N_PORT ? Number(process.env.N8N_PORT) : undefined,
		log: (message) => say(`[dev:queue] ${message}`),
	});
	const t = state.topology;
	say('');
	say('n8n in queue mode is running (loopback only):');
	say(`  editor          ${t.main!.baseUrl}/   login ${owner.email} / ${password}`);
	say(
		`  webhooks        ${t.proxy!.url}/webhook/<path>   (round-robin proxy, pid ${t.proxy!.pid})`,
	);
	t.webhooks.forEach((w) =>
		say(`  webhook ${w.index + 1}       ${w.baseUrl}   pid ${w.pid}   log ${w.logFile}`),
	);
	t.workers.forEach((w) =>
		say(
			`  worker ${w.index + 1}        health ${w.baseUrl}/healthz   pid ${w.pid}   concurrency ${t.settings.workerConcurrency}   log ${w.logFile}`,
		),
	);
	say(`  main            pid ${t.main!.pid}   log ${t.main!.logFile}`);
	say(
		`  postgres        127.0.0.1:${t.postgres.port}   db ${t.postgres.database} user ${t.postgres.user} (no password)   psql -h 127.0.0.1 -p ${t.postgres.port} -U ${t.postgres.user} ${t.postgres.database}`,
	);
	say(`  redis           127.0.0.1:${t.redis.port}   redis-cli -p ${t.redis.port}`);
	say(
		`  expression engine ${t.settings.expressionEngine}; everything in ${t.runFolder} (${topologyFile(t.runFolder)})`,
	);
	say('A new, empty database each run. Ctrl-C stops everything.');
	if (process.env.NXCLOUD_DEV_EXIT_WHEN_READY === '1') await stop('NXCLOUD_DEV_EXIT_WHEN_READY=1');
	// Keep the process alive until a signal arrives.
	setInterval(() => undefined, 1 << 30);
}

main().catch((error: Error) => {
	process.stderr.write(`[dev:queue] ${error.message}\n`);
	process.exit(1);
});
