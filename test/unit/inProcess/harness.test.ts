// The in-process harness itself: a workflow really runs on n8n-core, the credential really signs
// (the strict stand-in accepts it), binary data really goes through n8n's binary data service.
import { createHash } from 'node:crypto';

import { BINARY_READER_NODE_TYPE, outputsOf, useInProcessN8n } from '../../support/inProcess';

const n8n = useInProcessN8n();

describe('in-process n8n', () => {
	it('runs the NXCloud node on WorkflowExecute, signed by the credential, answered by the stand-in', async () => {
		const run = await n8n.run({ resource: 'callbot', operation: 'ping' });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json).toMatchObject({ code: 0 });
		expect(run.items[0].pairedItem).toEqual({ item: 0 });
		const [request] = n8n.standIn.requestsTo('/ping');
		expect(request.retCode).toBe(0);
		expect(request.headers.sign).toMatch(/^[0-9A-F]{32}$/);
	});

	it('a wrong secret is refused by the stand-in: the signing really ran', async () => {
		const run = await n8n.run({ resource: 'callbot', operation: 'ping' }, [{}], {
			credentials: { callbotSecretKey: 'not-the-secret' },
		});
		// ping answers in its own envelope: {code, msg}, not retCode.
		expect(run.error?.message).toMatch(/\(code 6\)/);
		expect(n8n.standIn.requestsTo('/ping')[0].retCode).toBe(6);
	});

	it("stores binary data with n8n's binary data service (filesystem mode) and reads it back in a later node", async () => {
		const bytes = Buffer.from([0, 1, 2, 250, 255, ...Buffer.from('voice note')]);
		const { runData } = await n8n.runChain(
			[
				{
					json: { k: 1 },
					binary: { audio: { data: bytes, fileName: 'note.ogg', mimeType: 'audio/ogg' } },
				},
			],
			[{ name: 'Reader', type: BINARY_READER_NODE_TYPE }],
		);
		const [stored] = outputsOf(runData, 'Input')[0];
		expect(stored.binary?.audio).toMatchObject({
			fileName: 'note.ogg',
			mimeType: 'audio/ogg',
			fileSize: '15 B',
			data: 'filesystem-v2',
		});
		expect(stored.binary?.audio.id).toMatch(/^filesystem-v2:/);

		const read = outputsOf(runData, 'Reader')[0];
		expect(read.map((item) => item.json.audio)).toEqual([
			{
				base64: bytes.toString('base64'),
				bytes: bytes.length,
				sha256: createHash('sha256').update(bytes).digest('hex'),
				fileName: 'note.ogg',
				mimeType: 'audio/ogg',
				storedById: true,
			},
		]);
	});
});
