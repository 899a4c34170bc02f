import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DictError, DictSources } from '../dict/files.js';
import { analyse } from '../text/analyse.js';
import { findActors, loadActors } from './index.js';
import { parsePetrarch } from './petrarch.js';

const PHOENIX = resolve(import.meta.dirname, '../../../shared/dicts/phoenix');
const shared = existsSync(PHOENIX);
// Without ../shared these tests are skipped (reason: the Phoenix dictionaries live there); on CI they must run.
const withShared = it.skipIf(!shared && process.env.CI !== 'true');

describe('PETRARCH/TABARI actor format', () => {
  it('reads names, aliases and date-restricted codes', () => {
    const { actors, warnings } = parsePetrarch(
      ['# comment', 'BARACK_OBAMA_  [USAELI]', '+OBAMA_', '\t[USAGOV 090120-170120]', 'KIM_JONG_IL_', '\t[PRKGOV >19940708]', '\t[PRKELI <19940708]', 'ROK_ [KOR]'].join('\n'),
      'x.actors.txt',
    );
    expect(warnings).toEqual([]);
    expect(actors).toEqual([
      { names: ['BARACK OBAMA', 'OBAMA'], codes: [{ code: 'USAELI', from: null, to: null }, { code: 'USAGOV', from: '2009-01-20', to: '2017-01-20' }], rule: 'x.actors.txt:2' },
      { names: ['KIM JONG IL'], codes: [{ code: 'PRKGOV', from: '1994-07-08', to: null }, { code: 'PRKELI', from: null, to: '1994-07-08' }], rule: 'x.actors.txt:5' },
      { names: ['ROK'], codes: [{ code: 'KOR', from: null, to: null }], rule: 'x.actors.txt:8' },
    ]);
  });

  it('reports a malformed line as file:line', () => {
    expect(() => parsePetrarch('FOO_ [USAGOV 20090120-', 'bad.actors.txt')).toThrow(new DictError('bad.actors.txt:1', 'unbalanced [ ] in code restriction'));
    expect(() => parsePetrarch('# x\n+ALIAS_\n', 'bad.actors.txt')).toThrow('bad.actors.txt:2: alias (+NAME) before any actor name');
    expect(() => parsePetrarch('FOO_\n\t[usa gov]\n', 'bad.actors.txt')).toThrow('bad.actors.txt:2: bad actor code "usa"');
  });

  it('a malformed line in a --dict directory stops loading', () => {
    const dir = mkdtempSync(join(tmpdir(), 'attache-petr-'));
    writeFileSync(join(dir, 'mine.actors.txt'), 'GOOD_ [USA]\n\t[PRKGOV 2011-]\n');
    expect(() => loadActors(new DictSources([dir]))).toThrow(`${dir}/mine.actors.txt:2: bad date restriction`);
  });

  it('applies date restrictions when coding', () => {
    const dir = mkdtempSync(join(tmpdir(), 'attache-petr-'));
    writeFileSync(join(dir, 'mine.actors.txt'), 'ZORAN_TESTIC_\n\t[SRBGOV 20100101-20121231]\n\t[SRBOPP >20130101]\n');
    const d = loadActors(new DictSources([dir]));
    const code = (date: string) => findActors(analyse('Zoran Testic spoke.', date), d).flat()[0].actor.code;
    expect([code('2011-06-01'), code('2014-06-01')]).toEqual(['SRBGOV', 'SRBOPP']);
  });

  withShared('imports the real Phoenix files with their date restrictions', () => {
    const d = loadActors(new DictSources([PHOENIX]));
    expect(d.warnings.length).toBeGreaterThan(0); // the real files hold a few unreadable dates, each reported
    expect(d.warnings.every((w) => /^.*\.actors\.txt:\d+: /.test(w))).toBe(true);
    const at = (text: string, date: string) => findActors(analyse(text, date), d).flat().map((m) => m.actor.code);
    // Phoenix codes Tony Blair GBRGOV while Prime Minister (1997–2007) and otherwise not
    expect(at('Tony Blair spoke.', '2003-01-01')).toEqual(['GBRGOV']);
    expect(at('Tony Blair spoke.', '2010-01-01')).not.toEqual(['GBRGOV']);
  });
});
