import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { builtActionNode, node24Bin, provisionScript, repoRoot } from '../e2e/paths';
import {
	TOPOLOGY_ENV,
	readTopology,
	startQueueTopology,
	topologyFile,
	useTopologyConnection,
} from './topology';

/**
 * Starts the queue-mode topology once for every test file of the queue stage and hands it to
 * them through NXCLOUD_QUEUE_TOPOLOGY (the topology file) and NXCLOUD_E2E_N8N (the main
 * process as the e2e client's connection, so getN8n() works unchanged).
 */
export default async function globalSetup(): Promise<void> {
	// QUEUE_REUSE_TOPOLOGY=<run folder>/topology.json: run against a topology already up (e.g. the one
	// `npm run dev:queue` started) and leave it running; for iterating on one test file.
	const reuse = process.env.QUEUE_REUSE_TOPOLOGY;
	if (reuse) {
		process.env[TOPOLOGY_ENV] = reuse;
		process.env.NXCLOUD_QUEUE_REUSED = '1';
		useTopologyConnection(readTopology(reuse));
		return;
	}
	const stdio: ['ignore', NodeJS.WriteStream, NodeJS.WriteStream] = [
		'ignore',
		process.stderr,
		process.stderr,
	];
	execFileSync('bash', [join(repoRoot, 'scripts', 'install-queue-services.sh')], { stdio });
	execFileSync('bash', [provisionScript], { stdio });
	if (!existsSync(builtActionNode)) {
		execFileSync('npm', ['run', 'build'], {
			cwd: repoRoot,
			env: { ...process.env, PATH: `${join(node24Bin, '..')}:${process.env.PATH ?? ''}` },
			stdio,
		});
	}
	const topology = await startQueueTopology();
	process.env[TOPOLOGY_ENV] = topologyFile(topology.runFolder);
	useTopologyConnection(topology);
}
