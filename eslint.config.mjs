// Lint = the rules n8n's verification scanner applies (@n8n/scan-community-package 0.32.0:
// @n8n/eslint-plugin-community-nodes `recommended` + no-console + the three
// eslint-plugin-n8n-nodes-base rule sets with the same overrides) for package.json, nodes/ and
// credentials/, plus typescript-eslint's recommended set everywhere. Test, harness and benchmark
// code may use Node freely (process, timers, fs, http): the verification rules bind runtime code only.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';
import tsParser from '@typescript-eslint/parser';

const runtime = ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'];

export default [
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'.cache/**',
			'coverage/**',
			'.dev/**',
			'**/*.js',
			'**/*.mjs',
		],
	},
	...tseslint.configs.recommended.map((c) => ({ ...c, files: ['**/*.ts'] })),
	{
		files: ['**/*.json'],
		languageOptions: { parser: tsParser },
	},
	{
		...n8nCommunityNodesPlugin.configs.recommended,
		files: runtime,
	},
	{ files: runtime, rules: { 'no-console': 'error' } },
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	{ files: ['package.json'], rules: { ...n8nNodesBase.configs.community.rules } },
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{
		// Tests, harness and benchmarks: Node built-ins allowed; keep them honest otherwise.
		files: ['test/**/*.ts', 'bench/**/*.ts'],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-require-imports': 'off',
		},
	},
];
