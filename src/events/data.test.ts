import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DictError, DictSources } from '../dict/files.js';
import { loadEvents } from './load.js';
import { pentaclass, quadClass } from './ontology.js';
import { duplicateTriggerKeys } from './triggers.js';

const src = new DictSources();
const d = loadEvents(src);
const PLOVER16 = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

describe('shipped ontology and triggers', () => {
  it('the PLOVER table holds exactly the 16 event types', () => {
    expect([...d.ontology.plover].sort()).toEqual([...PLOVER16].sort());
  });
  it('every CAMEO code has a Goldstein value in [-10, 10], a valid PLOVER event and a pentaclass', () => {
    expect(d.ontology.cameo.size).toBeGreaterThan(100);
    for (const e of d.ontology.cameo.values()) {
      expect(e.goldstein, e.rule).toBeGreaterThanOrEqual(-10);
      expect(e.goldstein, e.rule).toBeLessThanOrEqual(10);
      expect(PLOVER16, e.rule).toContain(e.event);
      expect(pentaclass(d.ontology, e.code), e.rule).not.toBeNull();
    }
  });
  it('every trigger uses a CAMEO code of the ontology and a valid PLOVER event; all 16 types are covered', () => {
    for (const t of d.triggers) {
      expect(d.ontology.cameo.has(t.cameo), t.rule).toBe(true);
      expect(PLOVER16, t.rule).toContain(t.event);
    }
    expect(new Set(d.triggers.map((t) => t.event)).size).toBe(16);
  });
  it('no duplicate trigger keys', () => {
    const lines = src.lines('triggers').filter((l) => !l.file.includes('/cues/'));
    expect(duplicateTriggerKeys(lines)).toEqual([]);
  });
  it('pentaclass and quad class follow the roots (DESIGN.md)', () => {
    const cases: [string, number, number][] = [['018', 0, 1], ['020', 0, 1], ['051', 1, 1], ['073', 2, 2], ['087', 2, 2], ['112', 3, 3], ['138', 3, 3], ['141', 4, 4], ['190', 4, 4]];
    for (const [code, p, q] of cases) expect([code, pentaclass(d.ontology, code), quadClass(d.ontology, code)]).toEqual([code, p, q]);
  });
});

describe('user dictionaries', () => {
  function userDir(file: string, text: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'attache-ev-'));
    mkdirSync(join(dir, 'triggers', 'cues'), { recursive: true });
    writeFileSync(join(dir, 'triggers', file), text);
    return dir;
  }
  it('a user trigger is added, and replaces a shipped one with the same pattern', () => {
    const dir = userDir('mine.txt', 'snub | obj | 120\npraise | obj | 051 | | | \n');
    const ud = loadEvents(new DictSources([dir]));
    expect(ud.triggers.find((t) => t.pattern === 'snub')?.event).toBe('REJECT');
    expect(ud.triggers.find((t) => t.pattern === 'praise')?.rule).toBe(`${dir}/triggers/mine.txt:2`);
  });
  it('a malformed trigger line is reported as file:line', () => {
    const dir = userDir('bad.txt', '# header\nsnub | obj | 999\n');
    expect(() => loadEvents(new DictSources([dir]))).toThrow(DictError);
    expect(() => loadEvents(new DictSources([dir]))).toThrow(/triggers\/bad\.txt:2: CAMEO code "999"/);
  });
  it('a malformed complement cue or number word is reported as file:line', () => {
    const dir = userDir('cues/numbers.txt', 'dozen | 12\nscore | twenty\n');
    expect(() => loadEvents(new DictSources([dir]))).toThrow(/cues\/numbers\.txt:2: expected "word \| positive whole number"/);
    const bad = userDir('cues/modality.txt', 'jubilee of | historical | within\n');
    expect(() => loadEvents(new DictSources([bad]))).toThrow(/cues\/modality\.txt:1: expected .*\|complement"/);
  });
  it('a trigger with no target marker must say the target is optional', () => {
    const dir = userDir('bad.txt', 'snub |  | 120\n');
    expect(() => loadEvents(new DictSources([dir]))).toThrow(/bad\.txt:1: a trigger without a target marker must carry the flag opt/);
  });
});
