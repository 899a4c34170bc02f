import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DictSources, SHIPPED_DATA_DIR } from '../dict/files.js';
import { givenDates, type DateMention, type StageContext } from '../pipeline/stages.js';
import { analyse } from '../text/analyse.js';
import type { ActorKind, ActorMention, Signal } from '../types.js';
import { extractSignals } from './extract.js';
import { loadSignals } from './load.js';

const dicts = loadSignals(new DictSources());

/** An actor the test's hand-made gazetteer knows: [phrase, kind, name, country, sector]. */
type Known = [string, ActorKind, string | null, string, string | null];

/** The stage context for `text`, with actor mentions built by hand from `known` (longest phrase first, no overlaps). */
function ctxOf(text: string, known: Known[], pubDate = '2012-06-15', dates: Omit<DateMention, 'sentence'>[] = []): StageContext {
  const analysed = analyse(text, pubDate);
  const sentenceAt = (i: number) => analysed.sentences.find((s) => s.start <= i && i < s.end)!;
  const mentions: ActorMention[][] = analysed.sentences.map(() => []);
  const taken: [number, number][] = [];
  for (const [phrase, kind, name, country, sector] of [...known].sort((a, b) => b[0].length - a[0].length)) {
    for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
      const end = i + phrase.length;
      if (taken.some(([a, b]) => i < b && end > a)) continue;
      taken.push([i, end]);
      const s = sentenceAt(i);
      const actor = { text: phrase, name, country, sector, code: `${country}${sector ?? ''}` };
      mentions[s.index].push({ sentence: s.index, start: i, end, text: phrase, form: 'name', kind, role: null, rule: 'test', actor });
    }
  }
  for (const ms of mentions) ms.sort((a, b) => a.start - b.start);
  const ds: DateMention[][] = analysed.sentences.map(() => []);
  for (const d of dates) ds[sentenceAt(d.start).index].push({ ...d, sentence: sentenceAt(d.start).index });
  return { analysed, mentions, dates: givenDates(ds), attribution: null, source: null };
}

const pair = (s: Signal) => `${s.kind}: ${s.sender.name ?? s.sender.org ?? s.sender.text} (${s.sender.country}) -> ${s.recipient.name ?? s.recipient.org ?? s.recipient.text} (${s.recipient.country})`;

const KIM_YONG_NAM: Known = ['Kim Yong Nam', 'person', 'Kim Yong Nam', 'PRK', 'GOV'];
const KIM_JONG_UN: Known = ['Kim Jong Un', 'person', 'Kim Jong Un', 'PRK', 'GOV'];
const KIM_JONG_IL: Known = ['Kim Jong Il', 'person', 'Kim Jong Il', 'PRK', 'GOV'];
const DPRK: Known = ['DPRK', 'country', null, 'PRK', null];

describe('extractSignals', () => {
  it('reads "X sent a message of greeting to Y on Z" with the occasion and its type', () => {
    const text =
      'Kim Yong Nam, president of the Presidium of the DPRK Supreme People\'s Assembly, sent a message of greeting to Ali Bongo Ondimba, president of Gabon, on the 51st anniversary of its independence. Kim in the message wished the Gabonese president greater success. The message expressed belief that the relations would develop.';
    const sig = extractSignals(ctxOf(text, [KIM_YONG_NAM, DPRK, ['Gabon', 'country', null, 'GAB', null], ['Gabonese', 'country', null, 'GAB', null]]), dicts);
    expect(sig.map(pair)).toEqual(['greetings: Kim Yong Nam (PRK) -> Ali Bongo Ondimba (GAB)']);
    expect(sig[0]).toMatchObject({ channel: 'message', occasion_type: 'national_day', date: '2012-06-15' });
    const [file, line] = sig[0].rule.split(':');
    expect(readFileSync(join(SHIPPED_DATA_DIR, file.replace(/^data\//, '')), 'utf8').split('\n')[Number(line) - 1]).toMatch(/^message of greeting \|/);
    expect(sig[0].occasion).toBe('51st anniversary of its independence');
    expect(text.slice(...sig[0].span)).toContain('sent a message of greeting to Ali Bongo Ondimba');
  });

  it('reads "X received a message from Y" as sender Y, recipient X, and keeps an unknown person\'s name', () => {
    const text = 'The dear respected Kim Jong Un received a condolence message from Manuel Pinto Da Costa, president of Sao Tome and Principe, on Dec. 19. The message said: I express deepest condolences to Your Excellency.';
    const dec19 = text.indexOf('Dec. 19');
    const sig = extractSignals(
      ctxOf(text, [KIM_JONG_UN, ['Sao Tome and Principe', 'country', null, 'STP', null]], '2011-12-28', [
        { start: dec19, end: dec19 + 7, text: 'Dec. 19', date: '2011-12-19', named: null },
      ]),
      dicts,
    );
    expect(sig.map(pair)).toEqual(['condolences: Manuel Pinto Da Costa (STP) -> Kim Jong Un (PRK)']);
    expect(sig[0].date).toBe('2011-12-19');
  });

  it('reads "was presented with a gift by" and an organisation the dictionaries do not know', () => {
    const text = 'General Secretary Kim Jong Il was presented with a gift by Gazprom of Russia. Its Deputy Managing Chairman on a visit to the DPRK handed the gift to Vice-Premier Kang Sok Ju on Wednesday.';
    const sig = extractSignals(ctxOf(text, [KIM_JONG_IL, DPRK, ['Russia', 'country', null, 'RUS', null]]), dicts);
    expect(sig.map(pair)).toEqual(['gift: Gazprom of Russia (RUS) -> Kim Jong Il (PRK)']);
    expect(sig[0]).toMatchObject({ channel: 'gift', occasion_type: 'none', occasion: null });
  });

  it('makes one signal per recipient and takes the kind of a plain telegram from its body', () => {
    const text =
      'In a telegram addressed to Russian President Vladimir Putin on Victory Day, leader Kim Jong Un affirmed his support. The telegram conveyed congratulations to Putin, to the friendly government, and to the Russian people on behalf of the government and people of the DPRK.';
    const vd = text.indexOf('Victory Day');
    const sig = extractSignals(
      ctxOf(
        text,
        [
          KIM_JONG_UN, DPRK,
          ['Russian President Vladimir Putin', 'person', 'Vladimir Putin', 'RUS', 'GOV'],
          ['Putin', 'person', 'Vladimir Putin', 'RUS', 'GOV'],
          ['the friendly government', 'country', null, 'RUS', 'GOV'],
          ['the Russian people', 'country', null, 'RUS', 'CVL'],
        ],
        '2025-05-09',
        [{ start: vd, end: vd + 11, text: 'Victory Day', date: '2025-05-09', named: { name: 'Victory Day', occasion_type: 'holiday', rule: 'x' } }],
      ),
      dicts,
    );
    expect(sig.map(pair)).toEqual([
      'congratulations: Kim Jong Un (PRK) -> Vladimir Putin (RUS)',
      'congratulations: Kim Jong Un (PRK) -> the friendly government (RUS)',
      'congratulations: Kim Jong Un (PRK) -> the Russian people (RUS)',
    ]);
    expect(sig.map((s) => s.recipient.sector)).toEqual(['GOV', 'GOV', 'CVL']);
    expect(sig[0]).toMatchObject({ channel: 'telegram', occasion: 'Victory Day', occasion_type: 'holiday', date: '2025-05-09' });
    expect(sig[0].on_behalf_of).toBe('government and people of the DPRK');
  });

  it('gives each listed sender of wreaths a signal to the person at whose bier they were laid', () => {
    const text =
      'Wreaths were sent to the bier of leader Kim Jong Il by political parties and personages of Bangladesh and Italy. They were from the C.C., the Workers\' Party of Bangladesh, the Bangladesh People\'s League, the Bangladesh Institute of the Juche Idea. They were also from Dilip Barua, minister of Industry of Bangladesh; the manager of a granite mining company of Bangladesh; Giancarlo Elia Valori, chairman of the Italian General Investment Group. The wreaths were laid before the bier of Kim Jong Il on Sunday.';
    const sig = extractSignals(
      ctxOf(text, [KIM_JONG_IL, ['Bangladesh', 'country', null, 'BGD', null], ['Italy', 'country', null, 'ITA', null], ['Italian', 'country', null, 'ITA', null]], '2011-12-25'),
      dicts,
    );
    expect(sig.map(pair)).toEqual([
      "wreath: C.C. the Workers' Party of Bangladesh (BGD) -> Kim Jong Il (PRK)",
      "wreath: Bangladesh People's League (BGD) -> Kim Jong Il (PRK)",
      'wreath: Bangladesh Institute of the Juche Idea (BGD) -> Kim Jong Il (PRK)',
      'wreath: Dilip Barua (BGD) -> Kim Jong Il (PRK)',
      'wreath: the manager of a granite mining company of Bangladesh (BGD) -> Kim Jong Il (PRK)',
      'wreath: Giancarlo Elia Valori (ITA) -> Kim Jong Il (PRK)',
    ]);
  });

  it('makes a sympathy message over a death condolences, and the person through whom it goes no recipient', () => {
    const text = 'Kim Yong Nam Monday sent a message of sympathy to Abdullah Bin Abdul Aziz, king of Saudi Arabia, as regards the fact that Crown Prince Sultan died of illness. Kim in the message expressed deep condolences to the King and, through him, the government and people of Saudi Arabia.';
    const sig = extractSignals(ctxOf(text, [KIM_YONG_NAM, ['Saudi Arabia', 'country', null, 'SAU', null]]), dicts);
    expect(sig.map(pair)).toEqual(['condolences: Kim Yong Nam (PRK) -> Abdullah Bin Abdul Aziz (SAU)']);
    expect(sig[0].occasion_type).toBe('death');
  });

  it('makes no signal of congratulations to a pronoun, or of a story without a message', () => {
    const a = 'Kim Jong Il met with the participants in the meeting and congratulated them on the successful meeting.';
    expect(extractSignals(ctxOf(a, [KIM_JONG_IL]), dicts)).toEqual([]);
    const b = 'Kim Jong Il will pay an unofficial visit to Russia at the invitation of the president. During the visit the top leaders will have a meeting.';
    expect(extractSignals(ctxOf(b, [KIM_JONG_IL, ['Russia', 'country', null, 'RUS', null]]), dicts)).toEqual([]);
  });

  it('reads a reply and a standalone "congratulated X on"', () => {
    const a = 'Kim Jong Il sent a reply message to Hu Jintao, president of China, on Thursday. The message said: I express thanks to you.';
    const china: Known = ['China', 'country', null, 'CHN', null];
    const hu: Known = ['Hu Jintao', 'person', 'Hu Jintao', 'CHN', 'GOV'];
    expect(extractSignals(ctxOf(a, [KIM_JONG_IL, hu, china]), dicts).map(pair)).toEqual(['reply: Kim Jong Il (PRK) -> Hu Jintao (CHN)']);
    const b = 'Hu Jintao congratulated Kim Jong Il on his birthday.';
    const sig = extractSignals(ctxOf(b, [KIM_JONG_IL, hu]), dicts);
    expect(sig.map(pair)).toEqual(['congratulations: Hu Jintao (CHN) -> Kim Jong Il (PRK)']);
    expect(sig[0]).toMatchObject({ channel: null, occasion_type: 'birthday' });
  });

  it('ignores who hands a gift over, but not who sent it', () => {
    const text = 'Kim Jong Un received floral baskets from the diplomatic corps here. They were handed to Foreign Minister Pak Ui Chun by Cambodian Ambassador Chhorn Hay. Meanwhile a floral basket from Nigerian ambassador to Kim Jong Un was conveyed to officials concerned.';
    const sig = extractSignals(
      ctxOf(text, [KIM_JONG_UN, ['Pak Ui Chun', 'person', 'Pak Ui Chun', 'PRK', 'GOV'], ['Cambodian', 'country', null, 'KHM', null], ['Nigerian', 'country', null, 'NGA', null]]),
      dicts,
    );
    expect(sig.map(pair)).toEqual(['wreath: diplomatic corps (null) -> Kim Jong Un (PRK)', 'wreath: Nigerian ambassador to Kim Jong Un (NGA) -> Kim Jong Un (PRK)']);
  });

  it('links an answer to the letters it answers, with the letters\' senders listed in the next sentence', () => {
    const text =
      'Kim Jong Un on April 12 sent autographs after reading letters from different units. In the letters sent by employees of the Pyongyang Cosmetics Factory, workers of the Sunchon Vinalon Complex wrote about their happiness.';
    const sig = extractSignals(ctxOf(text, [KIM_JONG_UN, ['Pyongyang', 'group', 'Pyongyang', 'PRK', 'GOV']], '2012-04-19'), dicts);
    expect(sig.map(pair)).toEqual([
      'letter: Kim Jong Un (PRK) -> Pyongyang Cosmetics Factory (PRK)',
      'letter: Kim Jong Un (PRK) -> Sunchon Vinalon Complex (PRK)',
      'letter: Pyongyang Cosmetics Factory (PRK) -> Kim Jong Un (PRK)',
      'letter: Sunchon Vinalon Complex (PRK) -> Kim Jong Un (PRK)',
    ]);
  });

  it('keeps an apposition with its party and a title\'s "to" out of the recipients', () => {
    const text = 'Kim Jong Il received a gift from the family of Chai Shiying, a Chinese related to the anti-Japanese struggle, on a visit to the DPRK.';
    const sig = extractSignals(ctxOf(text, [KIM_JONG_IL, DPRK, ['Chinese', 'country', null, 'CHN', null], ['Japanese', 'country', null, 'JPN', null]]), dicts);
    expect(sig.map(pair)).toEqual(['gift: family of Chai Shiying, a Chinese (CHN) -> Kim Jong Il (PRK)']);
  });

  it('gives an organisation of Koreans abroad the country they live in', () => {
    const text = 'Kim Jong Il received a congratulatory letter from the General Association of Korean Residents in Japan on New Year\'s Day.';
    const sig = extractSignals(ctxOf(text, [KIM_JONG_IL, ['Korean', 'country', null, 'PRK', null], ['Japan', 'country', null, 'JPN', null]], '2011-01-01'), dicts);
    expect(sig.map(pair)).toEqual(['congratulations: General Association of Korean Residents in Japan (JPN) -> Kim Jong Il (PRK)']);
    expect(sig[0].occasion_type).toBe('new_year');
  });

  it('gives "a similar message" the kind of the message before, and a telephone message its channel', () => {
    const serbia: Known = ['Serbia', 'country', null, 'SRB', null];
    const pak: Known = ['Pak Ui Chun', 'person', 'Pak Ui Chun', 'PRK', 'GOV'];
    const text =
      'Kim Yong Nam sent a congratulatory message to Ivica Dacic upon his appointment as prime minister of Serbia. Pak Ui Chun sent a similar message to Ivan Mrkic upon his appointment as foreign minister of Serbia.';
    const sig = extractSignals(ctxOf(text, [KIM_YONG_NAM, pak, serbia], '2012-08-08'), dicts);
    expect(sig.map(pair)).toEqual(['congratulations: Kim Yong Nam (PRK) -> Ivica Dacic (SRB)', 'congratulations: Pak Ui Chun (PRK) -> Ivan Mrkic (SRB)']);
    expect(sig.map((s) => s.occasion_type)).toEqual(['appointment', 'appointment']);
    const phone = extractSignals(ctxOf('Kim Jong Il sent a telephone message to Hu Jintao.', [KIM_JONG_IL, ['Hu Jintao', 'person', 'Hu Jintao', 'CHN', 'GOV']]), dicts);
    expect(phone.map((s) => [s.kind, s.channel])).toEqual([['other_message', 'phone']]);
  });
});
