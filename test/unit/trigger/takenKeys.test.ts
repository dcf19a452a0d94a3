import {
	forgetTakenKeys,
	keysToCheck,
	requestsTaking,
	reserve,
	windowToStore,
} from '../../../nodes/NxCloud/trigger/takenKeys';

let counter = 0;
const nodeKey = () => `wf-taken-${++counter}\u0000node`;

describe('keys taken in this process', () => {
	it('checks against the stored copy, then stored, then being-taken keys, without repeats', () => {
		const node = nodeKey();
		expect(keysToCheck(node, ['a', 'b'])).toEqual(['a', 'b']);
		reserve(node, ['c'], 10).stored();
		reserve(node, ['d'], 10);
		expect(keysToCheck(node, ['a', 'c'])).toEqual(['a', 'c', 'd']);
	});

	it('a reservation settles its waiters; released keys are forgotten, stored ones kept', async () => {
		const node = nodeKey();
		const first = reserve(node, ['k1', 'k2'], 10);
		const waiting = requestsTaking(node, ['k2', 'zz']);
		expect(waiting).toHaveLength(1);
		first.released();
		await Promise.all(waiting);
		expect(keysToCheck(node, [])).toEqual([]);
		const second = reserve(node, ['k1'], 10);
		second.stored();
		second.released(); // ignored: the first report wins
		expect(keysToCheck(node, [])).toEqual(['k1']);
		expect(requestsTaking(node, ['k1'])).toEqual([]);
	});

	it('keeps the newest `limit` stored keys and merges them after the stored copy when writing', () => {
		const node = nodeKey();
		for (const key of ['a', 'b', 'c']) reserve(node, [key], 2).stored();
		expect(keysToCheck(node, [])).toEqual(['b', 'c']);
		const d = reserve(node, ['d'], 2);
		// Not written before n8n has stored its execution...
		expect(windowToStore(node, ['x'], 10)).toEqual(['x', 'b', 'c']);
		d.executionStored();
		// ...then written by every request of this process, newest `limit` kept.
		expect(windowToStore(node, ['x', 'b'], 3)).toEqual(['b', 'c', 'd']);
		expect(windowToStore(node, ['x'], 10)).toEqual(['x', 'b', 'c', 'd']);
		d.released();
		expect(windowToStore(node, ['x'], 10)).toEqual(['x', 'b', 'c']);
		forgetTakenKeys(node);
		expect(keysToCheck(node, ['x'])).toEqual(['x']);
	});
});
