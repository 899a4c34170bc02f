import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EVENT_CSV_COLUMNS, GDELT_COLUMNS, formatEvents, writeChunks } from './export.js';
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
const text = async (it: AsyncIterable<string>) => {
  let s = '';
  for await (const c of it) s += c;
  return s;
};

describe('formatEvents', () => {
  it('csv: a header and one quoted-where-needed row per event', async () => {
    const out = (await text(formatEvents(rows(row(1)), 'csv'))).split('\n');
    expect(out[0]).toBe(EVENT_CSV_COLUMNS.join(','));
    expect(out[1]).toBe(
      '1,2011-12-19,7,2011-12-20,KCNA,https://kcna.example/a,Hu Jintao,Hu Jintao,CHN,GOV,CHNGOV,DPRK,North Korea,PRK,GOV,PRKGOV,' +
        'SUPPORT,,diplomatic;humanitarian,0521,3.5,1,asserted,KCNA,PRK,3,10,4,-1.5,"Hu Jintao sent condolences,\tdeeply.",' +
        "trigger 'sent condolences' (data/triggers/x.txt:4)",
    );
    expect(out.length).toBe(3);
  });

  it('gdelt: GDELT event-table columns, tab-separated, story counts as NumMentions/NumSources', async () => {
    const [head, line] = (await text(formatEvents(rows(row(1, { date: '2011-12' })), 'gdelt'))).split('\n');
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
    const jsonl = (await text(formatEvents(rows(...r), 'jsonl'))).trim().split('\n').map((l) => JSON.parse(l));
    expect(jsonl).toEqual(r);
    expect(JSON.parse(await text(formatEvents(rows(...r), 'json')))).toEqual(r);
    expect(JSON.parse(await text(formatEvents(rows(), 'json')))).toEqual([]);
    const [p] = (await text(formatEvents(rows(r[1]), 'plover'))).trim().split('\n').map((l) => JSON.parse(l));
    expect(p).toMatchObject({ id: 'attache-2', date: '2011-12-19', event: 'SUPPORT', context: ['diplomatic', 'humanitarian'], recipient: null, source_text: r[1].evidence });
    expect(p.actor).toEqual(r[1].event.source);
    expect(p.source).toMatchObject({ outlet: 'KCNA', url: 'https://kcna.example/a', document_id: 7 });
  });
});

describe('writeChunks', () => {
  it('waits for drain when the destination is slow, and writes everything in order', async () => {
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
      for (let i = 0; i < 5000; i++) yield `line ${i}\n`;
    }
    expect(await writeChunks(many(), slow, 4096)).toBe(5000);
    const all = got.join('');
    expect(all.split('\n').length).toBe(5001);
    expect(all.startsWith('line 0\nline 1\n')).toBe(true);
    // ~53 KB written through a 1 KB buffer: never more than one 4 KB gathered chunk waits at a time
    expect(maxBuffered).toBeLessThan(2 * 4096 + 16);
  });

  it('rejects when the destination fails', async () => {
    const broken = new PassThrough();
    async function* one() {
      broken.destroy(new Error('EPIPE-like'));
      yield 'x';
    }
    await expect(writeChunks(one(), broken, 1)).rejects.toThrow();
  });
});
