import type { N8nClient } from '../e2e/n8nClient';
import { type RssSample, n8nRss } from './n8nHealth';

/** Samples n8n's RSS every `intervalMs` until stopped; reports the before, peak and after values. */
export class RssSampler {
	private timer?: NodeJS.Timeout;
	readonly before: RssSample;
	peak: RssSample;

	constructor(
		private readonly n8n: N8nClient,
		intervalMs = 50,
	) {
		this.before = n8nRss(n8n);
		this.peak = this.before;
		this.timer = setInterval(() => {
			const sample = n8nRss(this.n8n);
			if (sample.mainMiB > this.peak.mainMiB) this.peak = sample;
		}, intervalMs);
	}

	/** Stops sampling; `after` is taken now. */
	stop(): { before: RssSample; peak: RssSample; after: RssSample } {
		clearInterval(this.timer);
		return { before: this.before, peak: this.peak, after: n8nRss(this.n8n) };
	}
}
