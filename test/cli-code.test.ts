/** `attache code` on bad input: a clear error naming the input (and line), the rest still coded, non-zero exit. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sharedPath, skipWithoutShared } from './shared.js';

const dir = mkdtempSync(join(tmpdir(), 'attache-code-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const run = (args: string[], input?: string) => {
  const r = spawnSync('node', ['bin/attache.js', 'code', ...args], { encoding: 'utf8', input });
  return { status: r.status, out: r.stdout, err: r.stderr };
};
const TELEGRAM = 'Kim Jong Un sent a congratulatory message to Vladimir Putin on Victory Day.';

describe('attache code: input handling', () => {
  it('codes a JSONL file line by line, in order, reporting bad lines by file:line and exiting non-zero', () => {
    const p = file(
      'docs.jsonl',
      [
        JSON.stringify({ id: 'a', date: '2025-05-09', text: TELEGRAM }),
        '{not json',
        JSON.stringify({ id: 'c', date: '2025-05-09' }),
        JSON.stringify({ id: 'd', text: '   ' }),
        JSON.stringify({ id: 'e', date: '2025-05-09', text: TELEGRAM }),
      ].join('\n'),
    );
    const r = run([p]);
    expect(r.status).toBe(1);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', `${p}:2`, 'c', 'd', 'e']);
    expect(lines[0].signals.length).toBeGreaterThan(0);
    expect(lines[1].error).toMatch(/docs\.jsonl:2: not JSON/);
    expect(lines[2].error).toMatch(/docs\.jsonl:3: text: missing/);
    expect(lines[3].error).toMatch(/docs\.jsonl:4: empty text/);
    expect(lines[4].events.length).toBeGreaterThan(0);
    expect(r.err).toMatch(/3 of 5 documents failed/);
  });

  it('reads .jsonl.gz', () => {
    const p = file('docs.jsonl.gz', gzipSync(JSON.stringify({ id: 'z', date: '2025-05-09', text: TELEGRAM }) + '\n'));
    const r = run([p]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out).id).toBe('z');
  });

  it('codes standard input with - and prints the contract as one JSON object', () => {
    const r = run(['-', '--date', '2025-05-09', '--source', 'KCNA'], TELEGRAM);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ id: 'stdin', date: '2025-05-09', source: 'KCNA', language: 'en' });
  });

  it.each([
    ['empty.txt', '', /empty\.txt: empty text/],
    ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), /binary\.txt: binary data/],
    ['latin1.txt', Buffer.from('Caf\xe9 Pyongyang', 'latin1'), /latin1\.txt: not valid UTF-8/],
  ])('rejects %s with a clear error and exit 1', (name, content, message) => {
    const r = run([file(name, content)]);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(message);
  });

  it('refuses a text over the size limit without reading it all', () => {
    const r = run([file('big.txt', Buffer.alloc(11 * 1024 * 1024, 'a '))]);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/big\.txt: \d+ bytes exceeds the limit/);
  });

  it('rejects a bad --date and a missing file with exit 2', () => {
    expect(run(['-', '--date', '2025-13-40'], TELEGRAM)).toMatchObject({ status: 2, err: expect.stringMatching(/--date "2025-13-40"/) });
    expect(run([join(dir, 'nope.txt')])).toMatchObject({ status: 2, err: expect.stringMatching(/nope\.txt: no such file/) });
  });

  it('stops before coding when a --dict line is malformed, naming file:line', () => {
    const d = join(dir, 'dict');
    mkdirSync(join(d, 'calendar'), { recursive: true });
    writeFileSync(join(d, 'calendar', 'named-days.txt'), '# mine\nHarvest Day | 13-45 | holiday | - |\n');
    const r = run(['-', '--dict', d], TELEGRAM);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/calendar\/named-days\.txt:2: bad date "13-45"/);
    expect(r.out).toBe('');
  });

  it.skipIf(skipWithoutShared('dicts/phoenix/Phoenix.Countries.actors.txt'))(
    'reads PETRARCH actor files from --dict with their date restrictions',
    () => {
      const d = join(dir, 'phoenix');
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, 'Phoenix.Countries.actors.txt'), readFileSync(sharedPath('dicts/phoenix/Phoenix.Countries.actors.txt')));
      const codes = (date: string, dict: string[]) =>
        JSON.parse(run(['-', '--date', date, ...dict], 'Dennis C. Blair met Jacques Chirac.').out).events.map((e: { source: { code: string }; target: { code: string } }) => `${e.source.code}>${e.target.code}`);
      expect(codes('2009-05-01', [])).toEqual(['--->---']);
      // Dennis Blair: [USAELI 650101-090129] then [USASPY 090129-100528]
      expect(codes('2009-05-01', ['--dict', d])).toEqual(['USASPY>FRAELI']);
      expect(codes('2005-05-01', ['--dict', d])[0]).toMatch(/^USAELI>FRA/);
    },
  );

  it('prints csv and table views with evidence and rule', () => {
    const csv = run(['-', '--date', '2025-05-09', '--format', 'csv'], TELEGRAM);
    expect(csv.out.split('\n')[0]).toMatch(/^id,record,sentence,start,end,source/);
    expect(csv.out).toMatch(/signal,.*congratulations/);
    const table = run(['-', '--date', '2025-05-09', '--format', 'table'], TELEGRAM);
    expect(table.out).toMatch(/rule: data\//);
    expect(table.out).toContain('Vladimir Putin');
  });
});
