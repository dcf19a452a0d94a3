// Credentials for the in-process engine, kept in memory: n8n's CredentialsHelper decrypts them from
// its database; ours hands out the decrypted data given by the test, with the credential type's
// defaults filled in as n8n does, and signs requests with the credential type's own `authenticate`.
import {
	ICredentialsHelper,
	NodeHelpers,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type ICredentials,
	type IHttpRequestOptions,
	type INodeCredentialsDetails,
	type INodeParameters,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

export class InMemoryCredentialsHelper extends ICredentialsHelper {
	/** Decrypted data by credential id, as n8n keeps credentials by id. */
	private data = new Map<string, { type: string; data: ICredentialDataDecryptedObject }>();

	constructor(private readonly types: Map<string, ICredentialType>) {
		super();
	}

	/** Stores (or replaces) the credential with this id. */
	set(id: string, type: string, data: ICredentialDataDecryptedObject): void {
		this.data.set(id, { type, data });
	}

	private type(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type)
			throw new Error(`credential type "${name}" is not registered in the in-process harness`);
		return type;
	}

	getParentTypes(name: string): string[] {
		return this.type(name).extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.type(typeName);
		if (typeof authenticate !== 'function') {
			throw new Error(
				`credential type "${typeName}": only function authenticate is supported by the harness`,
			);
		}
		return await authenticate(credentials, requestOptions as IHttpRequestOptions);
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('the in-process harness serves decrypted credentials only (getDecrypted)');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = nodeCredentials.id === null ? undefined : this.data.get(nodeCredentials.id);
		if (stored?.type !== type)
			throw new Error(
				`no credential "${nodeCredentials.id}" of type "${type}" was given to the harness`,
			);
		// n8n fills the fields a stored credential lacks with the type's defaults before a node sees them.
		const withDefaults = NodeHelpers.getNodeParameters(
			this.type(type).properties,
			stored.data as INodeParameters,
			true,
			false,
			null,
			null,
		);
		return { ...(withDefaults as ICredentialDataDecryptedObject) };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}
}
