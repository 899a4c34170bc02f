import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { json, wholeNumber } from '../../analysis/cli-support.js';
import { openStore } from '../../store/open.js';
import { captureCommandOutput } from './capture.js';
import { registerReport } from './report.js';

let db: string;
beforeAll(async () => {
  db = join(mkdtempSync(join(tmpdir(), 'attache-report-')), 'empty.db');
  await (await openStore(db)).close();
});

const out = captureCommandOutput();

/** A report command over the real store: the pair, --top and the store's document count. */
function program(): Command {
  const p = new Command().exitOverride();
  registerReport(p, {
    name: 'pairs',
    description: 'test report',
    pair: true,
    declare: (c) => c.option('--top <n>', 'how many', '3'),
    options: { top: wholeNumber(1) },
    formats: ['table', 'json'],
    check: (o) => {
      if (o.a === o.b) throw new Error(`same country ${o.a}`);
    },
    compute: async (store, o) => ({ a: o.a, b: o.b, top: o.top, documents: (await store.stats()).documents }),
    render: (r, format) => (format === 'json' ? json(r) : `${r.a}-${r.b} top ${r.top}: ${r.documents} documents\n`),
  });
  return p;
}

describe('report commands', () => {
  it('takes the pair as arguments, checks the options and prints the report in the format asked', async () => {
    await program().parseAsync(['pairs', 'prk', 'chn', '--db', db], { from: 'user' });
    expect(out.stdout).toBe('PRK-CHN top 3: 0 documents\n');
    await program().parseAsync(['pairs', 'PRK', 'RUS', '--top', '5', '--format', 'json', '--db', db], { from: 'user' });
    expect(JSON.parse(out.stdout.slice(out.stdout.indexOf('{')))).toEqual({ a: 'PRK', b: 'RUS', top: 5, documents: 0 });
  });

  it('names the bad option or argument, runs the cross-option check before opening the store', async () => {
    await expect(program().parseAsync(['pairs', 'PRK', 'China', '--db', db], { from: 'user' })).rejects.toThrow('exit 2');
    await expect(program().parseAsync(['pairs', 'PRK', 'CHN', '--top', '0', '--db', db], { from: 'user' })).rejects.toThrow('exit 2');
    expect(out.stderr).toBe('attache pairs: argument B "China": expected a three-letter country code such as PRK\nattache pairs: --top "0": expected at least 1\n');
    await expect(program().parseAsync(['pairs', 'PRK', 'prk', '--db', join(db, 'absent.db')], { from: 'user' })).rejects.toThrow('same country PRK');
  });
});
