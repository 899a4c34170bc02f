import { describe, expect, it } from 'vitest';
import { formatDuration, Progress, progressLine } from './progress.js';

const counts = { done: 500, total: 2000, new: 480, updated: 5, duplicate: 10, failed: 5 };

describe('progress', () => {
  it('shows a bar, rate and ETA on a TTY', () => {
    expect(progressLine(counts, 1000, true)).toBe(
      '[######..................]  25.0% 500/2000 500 docs/s ETA 0:03 | new 480, updated 5, duplicate 10, failed 5',
    );
  });
  it('writes plain lines when not a TTY, and no ETA without a total', () => {
    expect(progressLine({ ...counts, total: null }, 2000, false)).toBe(
      'ingest: 500 documents, 250 docs/s; new 480, updated 5, duplicate 10, failed 5',
    );
  });
  it('throttles redraws and ends the TTY line', () => {
    let t = 0;
    const out: string[] = [];
    const p = new Progress({ tty: false, write: (s) => out.push(s), everyMs: 1000, now: () => t });
    p.update(counts);
    t = 500;
    p.update(counts);
    t = 1500;
    p.update(counts);
    expect(out).toHaveLength(2);
    expect(out[1]).toBe('ingest: 500/2000 documents, 333 docs/s ETA 0:05; new 480, updated 5, duplicate 10, failed 5\n');
    const tty: string[] = [];
    new Progress({ tty: true, write: (s) => tty.push(s), now: () => 0 }).finish(counts);
    expect(tty[0].startsWith('\r\x1b[2K[')).toBe(true);
    expect(tty.at(-1)).toBe('\n');
  });
  it('formats durations', () => {
    expect(formatDuration(59.6)).toBe('1:00');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(Infinity)).toBe('?');
  });
});
