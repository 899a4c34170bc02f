import { afterAll, describe, expect, it } from 'vitest';
import { dropSchemas, freshPgSpec, skipWithoutPg } from '../../test/pg.js';
import type { RawItem } from '../sources/item.js';
import { JobQueue } from './queue.js';

afterAll(dropSchemas);

const item = (n: number, text = `Report number ${n}.`): RawItem => ({
  origin: `file.jsonl:${n}`,
  externalId: `r${n}`,
  text,
  raw: Buffer.from([0, 255, n]),
  rawType: 'application/octet-stream',
  date: '2012-01-01',
});

describe.skipIf(skipWithoutPg)('JobQueue (PostgreSQL)', () => {
  it('leases jobs to one worker at a time, returns them when the lease runs out, keeps the item intact', async () => {
    const q = await JobQueue.open(freshPgSpec('q'));
    try {
      const ids = await q.enqueue([item(1), item(2), item(3), item(1)], 'KCNA');
      expect(ids.length).toBe(3); // the repeated item is one job
      expect(await q.enqueue([item(2)], 'KCNA')).toEqual([ids[1]]);
      const [corrected] = await q.enqueue([item(2, 'Report number 2, corrected.')], 'KCNA'); // new content: a new job
      expect(ids).not.toContain(corrected);

      const a = await q.claim('a', 2, 1);
      expect(a.map((j) => j.id)).toEqual(ids.slice(0, 2));
      expect(a[0]).toMatchObject({ attempts: 1, item: { origin: 'file.jsonl:1', externalId: 'r1', source: 'KCNA', date: '2012-01-01' } });
      expect(Buffer.isBuffer(a[0].item.raw) && [...a[0].item.raw]).toEqual([0, 255, 1]);
      const b = await q.claim('b', 10, 1);
      expect(b.map((j) => j.id)).toEqual([ids[2], corrected]); // a's jobs are skipped
      expect(await q.counts()).toEqual({ pending: 0, running: 4, dead: 0 });

      expect(await q.finish('b', [a[0].id], 60, async () => [a[0].id])).toEqual(new Set()); // not b's job: stays
      expect(await q.remaining(ids)).toBe(3);
      await new Promise((r) => setTimeout(r, 1200)); // a's lease runs out
      const again = await q.claim('c', 10, 60);
      expect(again.map((j) => [j.id, j.attempts])).toEqual([
        [ids[0], 2],
        [ids[1], 2],
        [ids[2], 2],
        [corrected, 2],
      ]);
      // a lost the lease: its late finish holds nothing, so it saves nothing and deletes nothing
      expect(await q.renew('a', [ids[0]], 60)).toEqual([]);
      let seen: Set<number> | null = null;
      await q.finish('a', [ids[0]], 60, async (held) => ((seen = held), [ids[0]]));
      expect(seen).toEqual(new Set());
      expect(await q.remaining(ids)).toBe(3);
      await q.finish('c', again.map((j) => j.id), 60, async (held) => [...held]);
      expect(await q.remaining(ids)).toBe(0);
    } finally {
      await q.close();
    }
  });

  it('a renewed lease keeps the job; finish holds its jobs against other workers while it saves, even past the lease', async () => {
    const q = await JobQueue.open(freshPgSpec('q'));
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    try {
      const [id] = await q.enqueue([item(1)]);
      expect((await q.claim('a', 1, 1)).map((j) => j.id)).toEqual([id]);
      await sleep(700);
      expect(await q.renew('a', [id], 1)).toEqual([id]);
      expect(await q.renew('b', [id], 1)).toEqual([]); // not b's to renew
      await sleep(700); // past the first lease, within the renewed one
      expect(await q.claim('b', 1, 60)).toEqual([]);
      const held = await q.finish('a', [id], 1, async (held) => {
        await sleep(1500); // the save outlasts the lease: the locked row is still not claimable
        expect(await q.claim('b', 1, 60)).toEqual([]);
        return [...held];
      });
      expect(held).toEqual(new Set([id]));
      expect(await q.remaining([id])).toBe(0);
    } finally {
      await q.close();
    }
  });

  it('retries a failed job after its delay, and dead-letters it after the last attempt', async () => {
    const q = await JobQueue.open(freshPgSpec('q'));
    try {
      const [id] = await q.enqueue([item(7)]);
      const [first] = await q.claim('w', 1, 60);
      expect(await q.fail('w', first, 'coder exploded', 2, 60)).toBe('retry');
      expect(await q.claim('w', 1, 60)).toEqual([]); // waiting for its retry delay
      expect(await q.counts()).toEqual({ pending: 1, running: 0, dead: 0 });
      const [id2] = await q.enqueue([item(8)]);
      const [second] = await q.claim('w', 1, 60);
      expect(second.id).toBe(id2);
      expect(await q.fail('w', second, 'exploding', 2, 0)).toBe('retry');
      const [third] = await q.claim('w', 1, 60); // no delay: back at once
      expect(third).toMatchObject({ id: id2, attempts: 2 });
      expect(await q.fail('w', third, 'still exploding', 2, 0)).toBe('dead');
      expect(await q.dead()).toMatchObject([{ jobId: id2, origin: 'file.jsonl:8', attempts: 2, error: 'still exploding' }]);
      expect(await q.dead([id])).toEqual([]);
      expect(await q.counts()).toEqual({ pending: 1, running: 0, dead: 1 });
      expect(await q.remaining([id, id2])).toBe(1);
    } finally {
      await q.close();
    }
  });
});
