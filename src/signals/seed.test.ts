import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCoder } from '../pipeline/coder.js';

const SEED = resolve(import.meta.dirname, '../../../shared/seed/victory-day-telegram.txt');
const EXPECTED = resolve(import.meta.dirname, '../../../shared/seed/victory-day-telegram.expected.json');
const shared = existsSync(SEED);

interface ExpectedSignal {
  kind: string;
  channel: string;
  sender: { country: string; sector: string };
  recipients: { name: string | null; country: string; sector: string }[];
  occasion: string;
  occasion_type: string;
  occasion_date: string;
  evidence_contains: string[];
}

describe(`signals of the seed report through the coder (${shared ? 'seed' : '../shared absent: skipped'})`, () => {
  it.skipIf(!shared && process.env.CI !== 'true')('codes one congratulations telegram from Kim Jong Un to each of the three recipients', () => {
    const expected = (JSON.parse(readFileSync(EXPECTED, 'utf8')) as { signals: ExpectedSignal[] }).signals[0];
    const text = readFileSync(SEED, 'utf8');
    const doc = createCoder().code({ id: 'seed', text, date: '2025-05-09' });
    expect(doc.signals).toHaveLength(expected.recipients.length);
    doc.signals.forEach((s, i) => {
      const r = expected.recipients[i];
      expect(s).toMatchObject({ kind: expected.kind, channel: expected.channel, occasion: expected.occasion, occasion_type: expected.occasion_type, date: expected.occasion_date });
      expect(s.sender).toMatchObject({ name: 'Kim Jong Un', country: expected.sender.country, sector: expected.sender.sector });
      expect(s.recipient).toMatchObject({ name: r.name === null ? null : 'Vladimir Putin', country: r.country, sector: r.sector });
      for (const e of expected.evidence_contains) expect(text.slice(...s.span)).toContain(e);
    });
    expect(doc.signals[0].on_behalf_of).toMatch(/government/);
    expect(doc.signals.map((s) => s.recipient.text)).toEqual(['Russian President Vladimir Putin', 'the friendly government', 'the Russian people']);
  });
});
