import { describe, expect, it } from 'vitest';
import { normaliseOccasion, rituals } from './rituals.js';
import { historyRows } from '../../test/analysis-history.js';

const { signals } = historyRows();

const brief = (r: ReturnType<typeof rituals>) =>
  r.rituals.map((x) => [`${x.sender}>${x.recipient}`, x.kind, x.occasionType, x.usualDay, x.yearsSeen.join(','), x.status, x.lag, x.received?.date ?? null]);

describe('rituals', () => {
  it('learns the rituals of the last three years and checks 2023: on time, late, missing, first-time', () => {
    const r = rituals(signals, { year: 2023 });
    expect(r.asOf).toBe('2023-12-02');
    expect(r.summary).toEqual({ expected: 3, onTime: 1, late: 1, missing: 1, pending: 0, firstTime: 1 });
    expect(brief(r)).toEqual([
      // New Year greetings: the one for 2021 was sent on 30 December 2020; 2023's came 19 days late
      ['CHN>PRK', 'greetings', 'new_year', '01-01', '2020,2021,2022', 'late', 19, '2023-01-20'],
      ['PRK>RUS', 'congratulations', 'national_day', '06-12', '2020,2021,2022', 'missing', null, null],
      ['PRK>CHN', 'congratulations', 'national_day', '10-01', '2020,2021,2022', 'on_time', 2, '2023-10-03'],
    ]);
    const [ny, russia, china] = r.rituals;
    expect(ny.recipientChange).toEqual({ before: ['Kim Jong Il'], now: 'Kim Jong Un' });
    expect(ny.senderChange).toBeNull();
    expect(china.senderChange).toEqual({ before: ['Kim Jong Il'], now: 'Kim Jong Un' });
    expect(china.occasion).toBe("National Day of the People's Republic of China");
    expect(china.received?.evidence).toBe("Kim Jong Un sent a congratulatory message to Xi Jinping on the National Day of the People's Republic of China.");
    expect(russia.expected).toBe('2023-06-12');
    expect(russia.lastSeen.date).toBe('2022-06-12');
    expect(russia.occasion).toBe('Russia Day');
    // the PRK→LAO message of 2023 was seen once before (2022): neither a ritual nor first-time
    expect(r.firstTime.map((f) => [`${f.sender}>${f.recipient}`, f.kind, f.occasionType, f.occasion, f.first.date, f.count])).toEqual([
      ['PRK>RUS', 'condolences', 'disaster', 'floods', '2023-03-10', 2],
    ]);
  });

  it('counts a greeting and a congratulation on the same day as one ritual, shown by its commoner kind', () => {
    const base = signals.find((x) => x.signal.sender.country === 'PRK' && x.signal.recipient.country === 'CHN')!;
    const row = (id: number, date: string, kind: 'greetings' | 'congratulations') => ({
      ...base,
      id,
      doc: { ...base.doc, date },
      signal: { ...signals[0].signal, kind, date, occasion_type: 'national_day' as const, sender: { name: 'Kim Jong Un', role: null, country: 'PRK', org: null }, recipient: { name: 'Xi Jinping', role: null, country: 'CHN', org: null } },
    });
    const r = rituals([row(1, '2023-10-01', 'congratulations'), row(2, '2024-10-01', 'greetings'), row(3, '2025-10-01', 'greetings')], { year: 2025, asOf: '2025-12-31' });
    expect(brief(r)).toEqual([['PRK>CHN', 'greetings', 'national_day', '10-01', '2023,2024', 'on_time', 0, '2025-10-01']]);
    expect(r.firstTime).toEqual([]);
  });

  it('leaves expected days after the last observed day pending', () => {
    const r = rituals(signals, { year: 2023, asOf: '2023-06-15' });
    expect(r.rituals.map((x) => [x.sender, x.status])).toEqual([['CHN', 'late'], ['PRK', 'pending'], ['PRK', 'pending']]);
    // 12 June + 7 days of tolerance have passed by 20 June
    expect(rituals(signals, { year: 2023, asOf: '2023-06-20' }).rituals[1].status).toBe('missing');
  });

  it('filters by actor', () => {
    const r = rituals(signals, { year: 2023, actor: 'RUS' });
    expect(brief(r)).toEqual([['PRK>RUS', 'congratulations', 'national_day', '06-12', '2020,2021,2022', 'missing', null, null]]);
    expect(r.firstTime).toHaveLength(1);
  });

  it('works on short histories with --window 1 --min-years 1 (the KCNA setting)', () => {
    const r = rituals(signals, { year: 2023, window: 1, minYears: 1 });
    expect(brief(r)).toEqual([
      ['CHN>PRK', 'greetings', 'new_year', '01-01', '2022', 'late', 19, '2023-01-20'],
      ['PRK>RUS', 'congratulations', 'national_day', '06-12', '2022', 'missing', null, null],
      ['PRK>CHN', 'congratulations', 'national_day', '10-01', '2022', 'on_time', 2, '2023-10-03'],
      ['PRK>LAO', 'congratulations', 'national_day', '12-02', '2022', 'on_time', 0, '2023-12-02'],
    ]);
  });

  it('a tighter tolerance turns a late arrival into a first-time signal and narrows on time', () => {
    const r = rituals(signals, { year: 2023, tolerance: 1, late: 10 });
    // 30 Sep 2020 is 1 day off 1 Oct: still counted; 3 Oct 2023 is 2 days late; 20 Jan is past 1 + 10 days
    expect(brief(r).map((x) => [x[0], x[5], x[6]])).toEqual([
      ['CHN>PRK', 'missing', null],
      ['PRK>RUS', 'missing', null],
      ['PRK>CHN', 'late', 2],
    ]);
    expect(r.firstTime.map((f) => [f.kind, f.first.date])).toEqual([['greetings', '2023-01-20'], ['condolences', '2023-03-10']]);
  });

  it('leaves out signals within one country, and learns only the occasion types asked for', () => {
    const domestic = signals.map((s) => ({ ...s, signal: { ...s.signal, recipient: { ...s.signal.recipient, country: s.signal.sender.country } } }));
    expect(rituals(domestic, { year: 2023 }).summary.expected).toBe(0);
    expect(brief(rituals(signals, { year: 2023, occasions: ['new_year'] })).map((x) => x[0])).toEqual(['CHN>PRK']);
  });

  it('a signal on time for one ritual is never the late receipt of another', () => {
    // PRK→RUS national-day messages on 15 Aug and 9 Sep in 2021 and 2022; in 2023 only 9 Sep came
    const base = signals.find((s) => s.signal.recipient.country === 'RUS' && s.signal.kind === 'congratulations')!;
    const at = (date: string, id: number) => ({ ...base, id, doc: { ...base.doc, id, date }, signal: { ...base.signal, date } });
    const rows = [at('2021-08-15', 1), at('2021-09-09', 2), at('2022-08-15', 3), at('2022-09-09', 4), at('2023-09-09', 5), at('2023-12-31', 6)];
    expect(brief(rituals(rows, { year: 2023 }))).toEqual([
      ['PRK>RUS', 'congratulations', 'national_day', '08-15', '2021,2022', 'missing', null, null],
      ['PRK>RUS', 'congratulations', 'national_day', '09-09', '2021,2022', 'on_time', 0, '2023-09-09'],
    ]);
  });

  it('reads the same day as the same ritual whatever occasion type the signal stage gave it', () => {
    const retyped = signals.map((s) =>
      s.signal.date === '2023-10-03' ? { ...s, signal: { ...s.signal, occasion_type: 'anniversary' as const } } : s,
    );
    const r = rituals(retyped, { year: 2023 });
    expect(brief(r)[2]).toEqual(['PRK>CHN', 'congratulations', 'national_day', '10-01', '2020,2021,2022', 'on_time', 2, '2023-10-03']);
    expect(r.firstTime.map((f) => f.kind)).toEqual(['condolences']);
  });

  it('a late receipt must name the ritual\'s occasion type', () => {
    const retyped = signals.map((s) => (s.signal.date === '2023-01-20' ? { ...s, signal: { ...s.signal, occasion_type: 'none' as const } } : s));
    const r = rituals(retyped, { year: 2023 });
    expect(brief(r)[0]).toEqual(['CHN>PRK', 'greetings', 'new_year', '01-01', '2020,2021,2022', 'missing', null, null]);
    expect(r.firstTime.map((f) => [f.kind, f.occasionType, f.first.date])).toEqual([['greetings', 'none', '2023-01-20'], ['condolences', 'disaster', '2023-03-10']]);
  });

  it('normalises occasion wording', () => {
    expect(normaliseOccasion('the 63rd founding anniversary of the DPRK')).toBe('founding anniversary of the DPRK');
    expect(normaliseOccasion('2012')).toBeNull();
  });
});
