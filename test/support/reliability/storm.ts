// The replay storm: signed WhatsApp pushes where some are exact redeliveries of earlier ones and
// some statuses arrive out of order (read before delivered, delivered before sent), planned from
// a seed. Each push carries one or two status events; every event is identified by
// (message id, status), which is what NXCloud means by "the same status again".
import type { Random } from './random';

export interface StormEvent {
	/** `<message id> <status>`: the event's identity. */
	key: string;
	status: { id: string; status: string; timestamp: string; recipient_id: string };
}

export interface StormPush {
	/** Position in sending order. */
	index: number;
	/** The JSON body; a redelivery repeats its original's bytes exactly. */
	body: string;
	events: StormEvent[];
	/** For a redelivery: the index of the push it repeats. */
	redeliveryOf?: number;
	/** A redelivery that reuses the original's headers too (byte-exact replay), not re-signed. */
	sameHeaders: boolean;
	/** Whether this push's statuses come before statuses of the same message sent earlier. */
	outOfOrder: boolean;
}

export interface StormPlan {
	pushes: StormPush[];
	uniqueEvents: number;
	redeliveries: number;
	outOfOrder: number;
}

const STATUS_ORDER = ['sent', 'delivered', 'read'];

/**
 * `total` pushes: (1 − redeliveryShare) of them new, the rest exact copies of an earlier push,
 * each copy at least `minGap` places after its original. `outOfOrderShare` of all pushes carry a
 * later status of a message whose earlier status is only sent afterwards.
 */
export function planStorm(
	rng: Random,
	{
		total,
		redeliveryShare,
		outOfOrderShare,
		minGap,
		tag,
	}: {
		total: number;
		redeliveryShare: number;
		outOfOrderShare: number;
		minGap: number;
		tag: string;
	},
): StormPlan {
	const redeliveries = Math.round(total * redeliveryShare);
	const uniqueCount = total - redeliveries;
	const wantedOutOfOrder = Math.round(total * outOfOrderShare);

	// Unique pushes, in natural order first: for each message its statuses in sequence.
	const unique: Array<{ events: StormEvent[]; message: number; rank: number }> = [];
	let message = 0;
	const baseTs = 1_763_900_000;
	while (unique.length < uniqueCount) {
		const id = `wamid.storm.${tag}.${message}`;
		const statuses = STATUS_ORDER.slice(0, rng.int(1, 3));
		// Sometimes two statuses travel in one push (NXCloud batches them).
		for (let s = 0; s < statuses.length && unique.length < uniqueCount;) {
			const take = s + 1 < statuses.length && rng.chance(0.15) ? 2 : 1;
			const events = statuses.slice(s, s + take).map((status, k) => ({
				key: `${id} ${status}`,
				status: {
					id,
					status,
					timestamp: String(baseTs + message * 10 + s + k),
					recipient_id: '8617600000819',
				},
			}));
			unique.push({ events, message, rank: s });
			s += take;
		}
		message++;
	}

	// Out of order: move a later-status push of a message in front of that message's first push.
	const order = unique.map((_, i) => i);
	let outOfOrder = 0;
	const movable = rng.shuffle(unique.map((u, i) => i).filter((i) => unique[i].rank > 0));
	const flagged = new Set<number>();
	for (const i of movable) {
		if (outOfOrder >= wantedOutOfOrder) break;
		const first = order.findIndex((j) => unique[j].message === unique[i].message);
		const at = order.indexOf(i);
		if (first < 0 || first >= at) continue;
		order.splice(at, 1);
		order.splice(first, 0, i);
		flagged.add(i);
		outOfOrder++;
	}

	const pushes: StormPush[] = order.map((u) => ({
		index: 0,
		body: JSON.stringify({
			messaging_product: 'whatsapp',
			business_phone: '85266123456',
			statuses: unique[u].events.map((e) => e.status),
		}),
		events: unique[u].events,
		sameHeaders: false,
		outOfOrder: flagged.has(u),
	}));

	// Redeliveries: copies of random earlier pushes, placed at least minGap after the original.
	for (let r = 0; r < redeliveries; r++) {
		const original = rng.int(0, pushes.length - 1);
		const source = pushes[original];
		const at = Math.min(pushes.length, original + minGap + rng.int(0, 300));
		pushes.splice(at, 0, {
			...source,
			redeliveryOf: -1,
			sameHeaders: rng.chance(0.5),
			outOfOrder: false,
			index: 0,
			events: source.events,
		});
		// Remember the original by identity; indexes are assigned once all copies are placed.
		(pushes[at] as StormPush & { original?: StormPush }).original = source;
	}
	pushes.forEach((push, index) => (push.index = index));
	for (const push of pushes as Array<StormPush & { original?: StormPush }>) {
		if (push.original) {
			push.redeliveryOf = push.original.index;
			delete push.original;
		}
	}
	const uniqueEvents = unique.reduce((sum, u) => sum + u.events.length, 0);
	return { pushes, uniqueEvents, redeliveries, outOfOrder };
}
