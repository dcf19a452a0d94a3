import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { builtActionNode, node24Bin, provisionScript, repoRoot } from '../e2e/paths';
import { TOPOLOGY_ENV, startQueueTopology, topologyFile, useTopologyConnection } from './topology';

/**
 * Starts the queue-mode topology once for every test file of the queue stage and hands it to
 * them through NXCLOUD_QUEUE_TOPOLOGY (the topology file) and NXCLOUD_E2E_N8N (the main
 * process as the e2e client's connection, so getN8n() works unchanged).
 */
export default async function globalSetup(): Promise<void> {
	const stdio: ['ignore', NodeJS.WriteStream, NodeJS.WriteStream] = ['ignore', process.stderr, process.stderr];
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
