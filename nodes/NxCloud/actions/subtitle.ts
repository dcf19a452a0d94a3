import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * The node's subtitle in words ("Import as New Batch: Callbot Call List"), built from the same
 * option lists the panel shows, so it cannot drift from them. n8n evaluates the subtitle as an
 * expression with `$parameter`; the expression looks the pair resource/operation up in a flat
 * table and falls back to the raw values for a pair it does not know (for example an expression
 * in Resource). The table holds no "}}" and no "{{", which would end or open the expression.
 */
export function subtitleExpression(properties: INodeProperties[]): string {
	const resource = properties.find((p) => p.name === 'resource');
	const words: Record<string, string> = {};
	for (const r of (resource?.options ?? []) as INodePropertyOptions[]) {
		const operation = properties.find(
			(p) =>
				p.name === 'operation' &&
				(p.displayOptions?.show?.resource as unknown[] | undefined)?.includes(r.value),
		);
		for (const o of (operation?.options ?? []) as INodePropertyOptions[]) {
			words[`${String(r.value)}/${String(o.value)}`] = `${o.name}: ${r.name}`;
		}
	}
	const table = JSON.stringify(words);
	return `={{ (${table})[$parameter["resource"] + "/" + $parameter["operation"]] || $parameter["operation"] + ": " + $parameter["resource"] }}`;
}
