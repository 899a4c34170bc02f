import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EVENT_CSV_COLUMNS, GDELT_COLUMNS, writeEvents, type EventFormat } from './export.js';
import type { EventRow } from './store.js';

const row = (id: number, over: Partial<EventRow['event']> = {}): EventRow => ({
  id,
  doc: { id: 7, url: 'https://kcna.example/a', source: 'KCNA', date: '2011-12-20', title: 'Condolences, "deep"', language: 'en', tone: -1.5 },
  story: { id: 3, mentions: 10, sources: 4, firstSeenAt: '2011-12-20T08:00:00.000Z' },
  evidence: 'Hu Jintao sent condolences,\tdeeply.',
  event: {
    sentence: 0,
    span: [0, 36],
    source: { text: 'Hu Jintao', name: 'Hu Jintao', country: 'CHN', sector: 'GOV', code: 'CHNGOV' },
    target: { text: 'DPRK', name: 'North Korea', country: 'PRK', sector: 'GOV', code: 'PRKGOV' },
    plover: { event: 'SUPPORT', mode: null, context: ['diplomatic', 'humanitarian'] },
    cameo: '0521',
    goldstein: 3.5,
    quad_class: 1,
    modality: 'asserted',
    date: '2011-12-19',
    attribution: { agency: 'KCNA', country: 'PRK' },
    rule: "trigger 'sent condolences' (data/triggers/x.txt:4)",
    ...over,
  },
});

async function* rows(...r: EventRow[]) {
  yield* r;
}
/** The export as text (written through a small buffer, so several flushes happen). */
async function text(it: AsyncIterable<EventRow>, format: EventFormat): Promise<string> {
  const parts: string[] = [];
  const sink = new Writable({ write: (c, _e, cb) => (parts.push(String(c)), cb()) });
  await writeEvents(it, format, sink, 16);
  return parts.join('');
}

describe('writeEvents formats', () => {
  it('csv: a header and one quoted-where-needed row per event', async () => {
    const out = (await text(rows(row(1)), 'csv')).split('\n');
    expect(out[0]).toBe(EVENT_CSV_COLUMNS.join(','));
    expect(out[1]).toBe(
      '1,2011-12-19,7,2011-12-20,KCNA,https://kcna.example/a,Hu Jintao,Hu Jintao,CHN,GOV,CHNGOV,DPRK,North Korea,PRK,GOV,PRKGOV,' +
        'SUPPORT,,diplomatic;humanitarian,0521,3.5,1,asserted,KCNA,PRK,3,10,4,-1.5,"Hu Jintao sent condolences,\tdeeply.",' +
        "trigger 'sent condolences' (data/triggers/x.txt:4)",
    );
    expect(out.length).toBe(3);
  });

  it('gdelt: GDELT event-table columns, tab-separated, story counts as NumMentions/NumSources', async () => {
    const [head, line] = (await text(rows(row(1, { date: '2011-12' })), 'gdelt')).split('\n');
    expect(head.split('\t')).toEqual([...GDELT_COLUMNS]);
    const cells = Object.fromEntries(line.split('\t').map((v, i) => [GDELT_COLUMNS[i], v]));
    expect(cells).toMatchObject({
      GlobalEventID: '1', SQLDATE: '20111220', MonthYear: '201112', Year: '2011', Actor1Code: 'CHNGOV', Actor1Name: 'HU JINTAO',
      Actor2CountryCode: 'PRK', EventCode: '0521', EventBaseCode: '052', EventRootCode: '05', QuadClass: '1', GoldsteinScale: '3.5',
      NumMentions: '10', NumSources: '4', NumArticles: '10', AvgTone: '-1.5', DATEADDED: '20111220080000', SOURCEURL: 'https://kcna.example/a',
    });
  });

  it('jsonl, json and plover round-trip the records', async () => {
    const r = [row(1), row(2, { target: null })];
    const jsonl = (await text(rows(...r), 'jsonl')).trim().split('\n').map((l) => JSON.parse(l));
    expect(jsonl).toEqual(r);
    expect(JSON.parse(await text(rows(...r), 'json'))).toEqual(r);
    expect(JSON.parse(await text(rows(), 'json'))).toEqual([]);
    const [p] = (await text(rows(r[1]), 'plover')).trim().split('\n').map((l) => JSON.parse(l));
    expect(p).toMatchObject({ id: 'attache-2', date: '2011-12-19', event: 'SUPPORT', context: ['diplomatic', 'humanitarian'], recipient: null, source_text: r[1].evidence });
    expect(p.actor).toEqual(r[1].event.source);
    expect(p.source).toMatchObject({ outlet: 'KCNA', url: 'https://kcna.example/a', document_id: 7 });
  });
});

describe('writeEvents backpressure', () => {
  it('waits for drain when the destination is slow, and writes every row in order', async () => {
    const got: string[] = [];
    let maxBuffered = 0;
    const slow: Writable = new Writable({
      highWaterMark: 1024,
      write(chunk, _enc, cb) {
        maxBuffered = Math.max(maxBuffered, slow.writableLength);
        got.push(String(chunk));
        setImmediate(cb);
      },
    });
    async function* many() {
      for (let i = 0; i < 3000; i++) yield row(i);
    }
    expect(await writeEvents(many(), 'jsonl', slow, 4096)).toBe(3000);
    const lines = got.join('').trim().split('\n');
    expect(lines.length).toBe(3000);
    expect(JSON.parse(lines[2999]).id).toBe(2999);
    // ~2 MB written through a 1 KB buffer: never more than one gathered chunk (~4 KB + a line) waits at a time
    expect(maxBuffered).toBeLessThan(2 * 4096 + 2048);
  });

  it('rejects when the destination fails', async () => {
    const broken = new PassThrough();
    async function* one() {
      broken.destroy(new Error('EPIPE-like'));
      yield row(1);
    }
    await expect(writeEvents(one(), 'csv', broken, 1)).rejects.toThrow();
  });
});
