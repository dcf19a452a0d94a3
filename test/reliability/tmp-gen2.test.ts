import { reliabilityAccount } from '../support/reliability/account';
import { generateHostileCases } from '../support/reliability/hostile/generate';
import { handlePush } from '../../nodes/NxCloud/trigger/handlePush';
import { readSettings } from '../../nodes/NxCloud/trigger/settings';
import { gunzipSync, inflateSync } from 'node:zlib';

test('gen2', () => {
	const account = reliabilityAccount();
	for (let seed = 6; seed < 40; seed++) {
		const cases = generateHostileCases({ seed, perSource: 2500, account, strictMaxAgeSeconds: 300, gzipBombMiB: 48 });
		const windows: Record<string, string[]> = {};
		const bad: string[] = [];
		for (const c of cases) {
			if (!c.expect.execute || c.category === 'deepNesting') continue;
			const r = c.build(Date.now());
			const headers: Record<string, string> = {};
			for (const [n, v] of r.headers) headers[n.toLowerCase()] ??= v.toString('latin1').trim();
			const enc = headers['content-encoding'];
			const body = enc === 'gzip' ? gunzipSync(r.body) : enc === 'deflate' ? inflateSync(r.body) : r.body;
			const settings = readSettings((name, fallback) => (({ source: c.source, maxTimestampAge: c.target === 'strict' ? 300 : 0, events: ['account', 'call', 'message', 'phone', 'status.delivered', 'status.failed', 'status.read', 'status.sent', 'template'], callbotEvents: ['call','order','task'] }) as any)[name] ?? fallback);
			const key = `${c.source}/${c.target}`;
			const out = handlePush({ headers, rawBody: body, contentType: headers['content-type'] }, {
				settings, secrets: { accessSecret: account.accessSecret, callbotUuid: account.callbotUuid, callbotSecretKey: account.callbotSecretKey, callbotAlgorithm: 'MD5' },
				window: windows[key] ?? [], dedupe: true, nowMs: Date.now() });
			if ('refused' in out) { bad.push(`${c.index} ${c.category} ${c.detail} refused ${JSON.stringify(out.refused.body)}`); continue; }
			if (out.window) windows[key] = out.window;
			if (out.outputs === null) { bad.push(`${c.index} ${c.category} ${c.detail} deduped`); continue; }
			if (c.marker && !JSON.stringify(out.outputs).includes(c.marker)) bad.push(`${c.index} ${c.category} ${c.detail} no marker in items`);
		}
		console.log(seed, bad.slice(0, 20));
	}
});
