// A single n8n SIGKILLed in the middle of a 500-push burst, restarted on the same user folder, and
// every push delivered again byte for byte. An event answered 200 ran exactly once; an event that
// was in flight at the kill (never answered 200) ran at least once, twice at most.
import { runCrashBurst, type CrashBurstFigures } from '../support/durability/crashBurst';
import { startSingleProcess } from '../support/durability/singleProcess';
import type { DurabilityTopology } from '../support/durability/topology';

jest.setTimeout(1_500_000);

let topology: DurabilityTopology | undefined;
afterAll(async () => {
	await topology?.stop();
});

it('500 pushes, n8n killed after 250 answers: none missing, every event answered 200 ran once', async () => {
	// The reliability suite's engine: n8n's "vm" engine costs every community trigger request an
	// isolate, which only slows the burst down (see test/support/reliability/globalSetup.ts).
	topology = await startSingleProcess({
		N8N_EXPRESSION_ENGINE: process.env.DURABILITY_EXPRESSION_ENGINE ?? 'legacy',
	});
	const figures: CrashBurstFigures = await runCrashBurst(topology, {
		pushes: 500,
		concurrency: 16,
		killAfterAnswers: 250,
		killProcess: 0,
		label: 'crash-single-process',
	});
	process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
	expect(figures.firstAnswers['200']).toBeGreaterThanOrEqual(250);
	// The kill landed mid-burst: some pushes got no answer.
	expect(figures.firstAnswers.none ?? 0).toBeGreaterThan(0);
	expect(figures.missing).toEqual([]);
	expect(figures.executed).toBe(500);
	expect(figures.duplicatedAfter200).toEqual([]);
	// Only pushes in flight at the kill can have run twice.
	expect(figures.duplicatedWithout200.length).toBeLessThanOrEqual(figures.concurrency);
	expect(figures.redeliveryAnswers).toEqual({ 200: 500 });
});
