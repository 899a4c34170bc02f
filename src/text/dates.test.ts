import * as chrono from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { DictSources } from '../dict/files.js';
import type { ActorMention, AnalysedText } from '../types.js';
import { analyse } from './analyse.js';
import { findDates, loadCalendar, loneWeekday, nearestOccurrence } from './dates.js';

const cal = loadCalendar(new DictSources());
/** Every sentence's date mentions, in order. */
const all = (a: AnalysedText, mentions: ActorMention[][]) => {
  const found = findDates(a, mentions, cal);
  return a.sentences.flatMap((s) => found.of(s.index));
};
const dates = (text: string, pub: string | null, mentions: ActorMention[][] = []) => all(analyse(text, pub), mentions);

describe('dates', () => {
  it('resolves a named day to the occurrence nearest the publication date', () => {
    const [d] = dates('Kim Jong Un sent a telegram to Putin on Victory Day.', '2025-05-09');
    expect(d).toMatchObject({ text: 'Victory Day', date: '2025-05-09', named: { name: 'Victory Day', occasion_type: 'holiday' } });
    expect(d.named!.rule).toMatch(/^data\/calendar\/named-days\.txt:\d+$/);
  });

  it('reads Victory Day as 27 July when the document speaks of the Fatherland Liberation War', () => {
    const text = 'Victory Day was marked. It commemorates the Fatherland Liberation War.';
    expect(dates(text, '2012-07-26')[0].date).toBe('2012-07-27');
  });

  it('reads a lone weekday as chrono does, and leaves any other window to chrono', () => {
    const frames = ['He came on %.', '(%) he came', 'the talks, %, were', 'the talks ,% were', '% the team', 'the delegation on %', 'é% é', '%'];
    const names = ['Monday', 'Tuesday', 'Wednesday', 'THURSDAY', 'friday', 'Saturday', 'Sunday'];
    for (let day = 1; day <= 7; day++) {
      const instant = new Date(Date.UTC(2012, 0, day, 12));
      for (const f of frames) {
        for (const name of names) {
          const window = f.replace('%', name);
          const [r, ...more] = chrono.casual.parse(window, { instant, timezone: 'UTC' });
          expect(more).toEqual([]);
          const want = { index: r.index, text: r.text, date: r.start.date().toISOString().slice(0, 10) };
          expect(loneWeekday(window, instant), `${window} (${instant.toISOString()})`).toEqual(want);
        }
      }
    }
    const ref = new Date('2012-01-05T12:00:00Z');
    for (const other of ['Kim Il Sung on Thursday', 'last Thursday', 'Thursday next week', 'on Thursday, May 9', 'Thursday and Friday', 'Thursdays', 'Thurs.', 'the weekend', 'two days after Thursday', 'at the end of Thursday'])
      expect(loneWeekday(other, ref), other).toBeNull();
  });

  it('counts the years of "August 15, 66 years ago" back from the publication date', () => {
    const [d] = dates('Korea was liberated on August 15, 66 years ago, from the Japanese.', '2011-08-15');
    expect(d).toMatchObject({ text: 'August 15, 66 years ago', date: '1945-08-15' });
    expect(dates('Korea was liberated on August 15, 66 years ago.', null)[0]).toMatchObject({ text: 'August 15, 66 years ago', date: null });
    // A year that is a year stays one.
    expect(dates('The treaty was signed on July 11, 1961, years ago.', '2011-07-11')[0].date).toBe('1961-07-11');
  });

  it('resolves weekdays and relative dates against the publication date', () => {
    const ds = dates('He sent a wreath to the bier Sunday. Two days ago they met.', '2012-09-02');
    expect(ds.map((d) => d.date)).toEqual(['2012-09-02', '2012-08-31']);
  });

  it('keeps a lone month in the past year when it lies after publication', () => {
    expect(dates('The talks took place in November.', '2012-03-10')[0].date).toBe('2011-11');
    expect(dates('The talks took place in February.', '2012-03-10')[0].date).toBe('2012-02');
  });

  it('never invents a year when the publication date is unknown', () => {
    const ds = dates('They met on 9 May 2010 and again on Victory Day and on May 12.', null);
    expect(ds.map((d) => d.date)).toEqual(['2010-05-09', null, null]);
  });

  it('finds dates however a sentence is written: hint words alone, digits alone, letters beside non-ASCII ones', () => {
    expect(dates('The delegation left this week.', '2012-09-05').map((d) => d.text)).toEqual(['this week']);
    expect(dates('It was signed on 5/9/2012 in Pyongyang.', '2012-09-06').map((d) => d.date)).toEqual(['2012-05-09']);
    // \b is ASCII-only: "Monday" after an accented letter is still a hint, though no unit of its own.
    expect(dates('Le sommet éMonday fut reporté.', '2012-09-05').map((d) => d.text)).toEqual(['Monday']);
    expect(dates('No date is named in this sentence at all.', '2012-09-05')).toEqual([]);
  });

  it('finds bare years', () => {
    expect(dates('The victory in 1945 is remembered.', '2025-05-09')[0].date).toBe('1945');
  });

  it('resolves "the national day" through the country named beside it', () => {
    const text = 'He sent a message on the national day of Laos.';
    const a = analyse(text, '2011-12-01');
    const start = text.indexOf('Laos');
    const laos: ActorMention = {
      sentence: 0, start, end: start + 4, text: 'Laos', form: 'name', kind: 'country', role: null, rule: 'test',
      actor: { text: 'Laos', name: 'Laos', country: 'LAO', sector: null, code: 'LAO' },
    };
    const [d] = all(a, [[laos]]);
    expect(d).toMatchObject({ date: '2011-12-02', named: { occasion_type: 'national_day' } });
  });

  it('nearestOccurrence crosses the year boundary', () => {
    expect(nearestOccurrence('01-01', '2012-12-30')).toBe('2013-01-01');
    expect(nearestOccurrence('12-25', '2012-01-02')).toBe('2011-12-25');
  });
});
