/**
 * The acceptance test of issue "The coder": `attache code` on the seed report meets every must and must_not of
 * ../shared/seed/victory-day-telegram.expected.json. Runs the real CLI in a child process.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CodedDocument } from '../src/types.js';
import { sharedPath, skipWithoutShared } from './shared.js';

const SEED = 'seed/victory-day-telegram.txt';
/** Names compare without case and hyphenation: "Kim Jong-un" is "Kim Jong Un". */
const sameName = (a: string | null, b: string) => a !== null && a.toLowerCase().replace(/[-\s]+/g, ' ') === b.toLowerCase().replace(/[-\s]+/g, ' ');
const skip = skipWithoutShared(SEED);

describe.skipIf(skip)('seed: Victory Day telegram', () => {
  const expected = skip ? null : JSON.parse(readFileSync(sharedPath('seed/victory-day-telegram.expected.json'), 'utf8'));
  const out = skip
    ? ''
    : execFileSync('node', ['bin/attache.js', 'code', sharedPath(SEED), '--date', expected.publication_date_for_checks, '--format', 'json'], {
        encoding: 'utf8',
      });
  const doc = (skip ? null : JSON.parse(out)) as CodedDocument;
  const text = skip ? '' : readFileSync(sharedPath(SEED), 'utf8');

  it('codes the must event: PRK → RUS SUPPORT, CAMEO 05, quad class 1', () => {
    for (const m of expected.events.must) {
      const hit = doc.events.find(
        (e) =>
          e.source.country === m.source_country &&
          e.target?.country === m.target_country &&
          e.plover.event === m.plover &&
          e.cameo.startsWith(m.cameo_root) &&
          e.quad_class === m.quad_class,
      );
      expect(hit, JSON.stringify(m)).toBeDefined();
      expect(hit!.rule).toMatch(/data\//);
    }
  });

  it('has no event whose source or target is not PRK or RUS', () => {
    for (const e of doc.events) {
      expect(['PRK', 'RUS']).toContain(e.source.country);
      if (e.target) expect(['PRK', 'RUS']).toContain(e.target.country);
    }
  });

  it('has no conflict event', () => {
    expect(doc.events.filter((e) => e.quad_class >= 3)).toEqual([]);
  });

  it('has no event from the sentence about absent invited guests', () => {
    const start = text.indexOf('In this instance, the absence');
    const end = text.indexOf('.', start);
    expect(doc.events.filter((e) => e.span[0] < end && e.span[1] > start)).toEqual([]);
  });

  it('attributes the report to KCNA', () => {
    expect(doc.events.every((e) => e.attribution?.agency === 'KCNA' && e.attribution.country === 'PRK')).toBe(true);
  });

  it('finds the congratulations signal to each of the three recipients', () => {
    const sig = expected.signals[0];
    for (const r of sig.recipients) {
      const hit = doc.signals.find(
        (s) =>
          s.kind === sig.kind &&
          s.channel === sig.channel &&
          s.sender.country === sig.sender.country &&
          s.recipient.country === r.country &&
          (s.recipient.sector ?? 'GOV') === r.sector &&
          (r.name ? sameName(s.recipient.name, r.name) : s.recipient.name === null) &&
          sameName(s.sender.name, sig.sender.name),
      );
      expect(hit, JSON.stringify(r)).toBeDefined();
      expect(hit!.occasion).toBe(sig.occasion);
      expect(hit!.occasion_type).toBe(sig.occasion_type);
      expect(hit!.date).toBe(sig.occasion_date);
      const evidence = text.slice(hit!.span[0], hit!.span[1]).replace(/[\u2019]/g, "'");
      for (const e of sig.evidence_contains) expect(evidence).toContain(e);
    }
    expect(doc.signals.filter((s) => s.kind === sig.kind)).toHaveLength(sig.recipients.length);
  });

  it('finds the framing markers, domains and a positive tone', () => {
    const markers = doc.markers.map((m) => m.marker);
    for (const m of expected.framing_markers_present) expect(markers).toContain(m);
    for (const d of expected.cooperation_domains_mentioned) expect(doc.domains).toContain(d);
    expect(doc.tone).toBeGreaterThan(0);
    for (const m of doc.markers) for (const [s, e] of m.spans) expect(e).toBeGreaterThan(s);
  });
});
