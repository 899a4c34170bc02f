import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from './eval.js';

function gold(text: string): string {
  const p = join(mkdtempSync(join(tmpdir(), 'attache-eval-')), 'gold.tsv');
  writeFileSync(p, text);
  return p;
}

async function run(args: string[]): Promise<string> {
  const out: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  const program = new Command('attache').exitOverride();
  register(program);
  await program.parseAsync(['node', 'attache', 'eval', ...args]);
  return out.join('');
}

afterEach(() => vi.restoreAllMocks());

describe('attache eval', () => {
  // The last line is labelled a conflict on purpose: nothing codes it, so it is listed among the errors.
  const file = gold('Russia attacked Ukraine on Monday.\t4\nChina praised Cuba for its support.\t1\nThe weather was mild.\t4\n');

  it('prints the figures, the confusion matrix and the worst errors', async () => {
    const text = await run(['cameo-pentaclass', file]);
    expect(text).toMatch(/^cameo-pentaclass .*gold\.tsv {2}\(3 items\)/);
    expect(text).toMatch(/accuracy +\d\.\d{3}/);
    expect(text).toMatch(/confusion \(rows gold, columns coded\):/);
    expect(text).toMatch(/worst errors \(\d+\):\n- \[line-3\] The weather was mild\.\n {4}expected: class 4\n {4}got: {6}class 0: \(no event\)\n {4}rule: {5}\(none fired\)/);
  });

  it('--json gives the report as JSON, coded through the whole pipeline', async () => {
    const report = JSON.parse(await run(['cameo-pentaclass', file, '--json']));
    expect(report.set).toBe('cameo-pentaclass');
    expect(report.n).toBe(3);
    expect(report.figures.accuracy).toBeGreaterThanOrEqual(0);
    expect(report.confusion.labels).toContain('0');
  }, 60_000);
});
