import { reliabilityAccount } from '../support/reliability/account';
import { generateHostileCases } from '../support/reliability/hostile/generate';
import { bodyVerdict } from '../support/reliability/hostile/cases';

test('gen', () => {
	const account = reliabilityAccount();
	let t = Date.now();
	const cases = generateHostileCases({ seed: 42, perSource: 2500, account, strictMaxAgeSeconds: 300, gzipBombMiB: 48 });
	console.log('gen ms', Date.now() - t, cases.length);
	const byCat: Record<string, [number, number]> = {};
	for (const c of cases) { const k = `${c.source} ${c.category}`; byCat[k] ??= [0, 0]; byCat[k][0]++; if (c.expect.execute) byCat[k][1]++; }
	console.log(byCat, cases.filter((c) => c.expect.execute).length);
	t = Date.now();
	let bytes = 0;
	const markers = new Set<string>();
	for (const c of cases) {
		const r = c.build(Date.now());
		bytes += r.body.length;
		if (c.marker) { expect(markers.has(c.marker)).toBe(false); markers.add(c.marker); }
		if (c.expect.execute && c.marker && !r.body.includes(c.marker) && !r.headers.some(([n, v]) => n === 'content-encoding')) throw new Error('no marker ' + c.index + c.detail);
		if (c.expect.execute && !r.headers.some(([n]) => n === 'content-encoding')) expect(bodyVerdict(r.body)).toBe('json');
	}
	console.log('build ms', Date.now() - t, bytes);
	const again = generateHostileCases({ seed: 42, perSource: 2500, account, strictMaxAgeSeconds: 300, gzipBombMiB: 48 });
	expect(again.map((c) => c.detail)).toEqual(cases.map((c) => c.detail));
	const now = Date.now();
	expect(again.slice(0, 300).map((c) => c.build(now).body.toString('hex'))).toEqual(cases.slice(0, 300).map((c) => c.build(now).body.toString('hex')));
	console.log(cases.slice(0, 15).map((c) => `${c.index} ${c.source} ${c.category} ${c.detail}`).join('\n'));
});
