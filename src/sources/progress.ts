/**
 * Ingest progress on stderr: a bar with rate and ETA redrawn in place on a TTY; a plain line every
 * `everyMs` otherwise (logs, CI). Rate is over the whole run so far; ETA needs a known total.
 */

export interface ProgressCounts {
  done: number;
  total: number | null;
  new: number;
  updated: number;
  duplicate: number;
  failed: number;
}

export interface ProgressOptions {
  tty: boolean;
  write: (s: string) => void;
  /** Minimum time between redraws (TTY) or lines (not a TTY). */
  everyMs?: number;
  now?: () => number;
}

export function formatDuration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const t = Math.max(0, Math.round(s));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = t % 60;
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${m}:${String(sec).padStart(2, '0')}`;
}

/** One progress line (no newline). */
export function progressLine(c: ProgressCounts, elapsedMs: number, tty: boolean): string {
  const rate = elapsedMs > 0 ? (c.done / elapsedMs) * 1000 : 0;
  const counts = `new ${c.new}, updated ${c.updated}, duplicate ${c.duplicate}, failed ${c.failed}`;
  const of = c.total != null ? `${c.done}/${c.total}` : `${c.done}`;
  const eta = c.total != null && rate > 0 ? ` ETA ${formatDuration((c.total - c.done) / rate)}` : '';
  if (!tty) return `ingest: ${of} documents, ${rate.toFixed(0)} docs/s${eta}; ${counts}`;
  const width = 24;
  const frac = c.total ? Math.min(1, c.done / c.total) : 0;
  const bar = c.total ? `[${'#'.repeat(Math.round(frac * width)).padEnd(width, '.')}] ${(frac * 100).toFixed(1).padStart(5)}% ` : '';
  return `${bar}${of} ${rate.toFixed(0)} docs/s${eta} | ${counts}`;
}

export class Progress {
  private readonly start: number;
  private last = -Infinity;
  private lastDone = -1;
  private readonly now: () => number;
  private readonly everyMs: number;

  constructor(private readonly opts: ProgressOptions) {
    this.now = opts.now ?? Date.now;
    this.start = this.now();
    this.everyMs = opts.everyMs ?? (opts.tty ? 200 : 5000);
  }

  /** Redraw if enough time has passed (or `force`). */
  update(c: ProgressCounts, force = false): void {
    const t = this.now();
    if (!force && t - this.last < this.everyMs) return;
    this.last = t;
    this.lastDone = c.done;
    const line = progressLine(c, t - this.start, this.opts.tty);
    this.opts.write(this.opts.tty ? `\r\x1b[2K${line}` : `${line}\n`);
  }

  /** Final state (unless just shown); on a TTY ends the bar's line. */
  finish(c: ProgressCounts): void {
    if (c.done !== this.lastDone) this.update(c, true);
    if (this.opts.tty) this.opts.write('\n');
  }

  elapsedMs(): number {
    return this.now() - this.start;
  }
}
