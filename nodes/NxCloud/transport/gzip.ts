/**
 * gzip with the web CompressionStream, a Node global: runtime code of a verified community node
 * may not import node:zlib.
 */
export async function gzip(text: string): Promise<Buffer> {
	const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
	return Buffer.from(await new Response(stream).arrayBuffer());
}
