// n8n-core's services for an in-process run, set up once per test file the way an n8n main process
// sets them up: the real InstanceSettings, the real binary data service in n8n 2's default
// filesystem mode, the real outbound HTTP client. Everything lives in a temporary n8n user folder,
// so nothing touches ~/.n8n; the folder goes away with the test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { ICredentialType, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { NxCloudApi } from '../../../credentials/NxCloudApi.credentials';
import { NxCloud } from '../../../nodes/NxCloud/NxCloud.node';
import { NxCloudTrigger } from '../../../nodes/NxCloud/NxCloudTrigger.node';
import { InMemoryCredentialsHelper } from './credentialsHelper';
import { BinaryReaderNode, InputNode } from './testNodes';

/** The package name n8n prefixes our node type names with. */
export const PACKAGE = 'n8n-nodes-nxcloud';
export const NX_CLOUD_NODE_TYPE = `${PACKAGE}.nxCloud`;
export const NX_CLOUD_TRIGGER_NODE_TYPE = `${PACKAGE}.nxCloudTrigger`;

class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	register(name: string, type: INodeType | IVersionedNodeType): void {
		this.types.set(name, type);
	}

	getByName(name: string): INodeType | IVersionedNodeType {
		const type = this.types.get(name);
		if (!type) throw new Error(`node type "${name}" is not registered in the in-process harness`);
		return type;
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(name), version);
	}

	getKnownTypes() {
		return {};
	}
}

export interface Engine {
	nodeTypes: INodeTypes;
	credentialsHelper: InMemoryCredentialsHelper;
	userFolder: string;
	/** n8n-core, loaded after the environment it reads at start-up is in place. */
	core: typeof import('n8n-core');
	dispose(): void;
}

/** Node-side setup, no jest hooks: for use in beforeAll. */
export async function startEngine(): Promise<Engine> {
	const userFolder = mkdtempSync(join(tmpdir(), 'nxcloud-in-process-'));
	// Read by n8n's config classes when the DI container first builds them, below.
	process.env.N8N_USER_FOLDER = userFolder;
	process.env.N8N_LOG_LEVEL ??= 'silent';
	process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
	process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';

	const { Container } = await import('@n8n/di');
	const core = await import('n8n-core');
	Container.get(core.InstanceSettings);
	await Container.get(core.BinaryDataService).init();

	const nodeTypes = new HarnessNodeTypes();
	nodeTypes.register(NX_CLOUD_NODE_TYPE, new NxCloud());
	nodeTypes.register(NX_CLOUD_TRIGGER_NODE_TYPE, new NxCloudTrigger());
	const input = new InputNode();
	nodeTypes.register(input.description.name, input);
	const reader = new BinaryReaderNode();
	nodeTypes.register(reader.description.name, reader);

	const credential = new NxCloudApi();
	const credentialTypes = new Map<string, ICredentialType>([[credential.name, credential]]);

	return {
		nodeTypes,
		credentialsHelper: new InMemoryCredentialsHelper(credentialTypes),
		userFolder,
		core,
		dispose: () => rmSync(userFolder, { recursive: true, force: true }),
	};
}
