import { beforeAll, describe, expect, it } from 'vitest';
import { DictSources } from '../dict/files.js';
import { analyse } from '../text/analyse.js';
import type { ActorMention } from '../types.js';
import { findActors, loadActors, type ActorDicts } from './index.js';

let dicts: ActorDicts;
beforeAll(() => {
  dicts = loadActors(new DictSources());
});

const find = (text: string, date: string | null, source: string | null = null): ActorMention[] =>
  findActors(analyse(text, date), dicts, { source }).flat();
const brief = (ms: ActorMention[]) => ms.map((m) => `${m.text}=${m.actor.code}${m.actor.name ? `:${m.actor.name}` : ''}`);

describe('names, demonyms, capitals, acronyms', () => {
  it('codes countries by name, demonym and capital (capital = the government)', () => {
    const ms = find('Russia, the Lao side and Vientiane agreed; Laotian officials met Chinese guests in Beijing.', '2012-01-01');
    expect(brief(ms)).toEqual([
      'Russia=RUS:Russia', 'Lao side=LAOGOV:Laos', 'Vientiane=LAOGOV:Laos', 'Laotian officials=LAOGOV:Laos', 'Chinese=CHN:China', 'Beijing=CHNGOV:China',
    ]);
    expect(ms.find((m) => m.text === 'Vientiane')?.form).toBe('capital');
  });

  it('reads every way of writing the DPRK', () => {
    for (const n of ['DPRK', 'D.P.R.K.', 'North Korea', "Democratic People's Republic of Korea", 'Korea DPR']) {
      expect(find(`${n} sent a delegation.`, '2012-01-01').map((m) => m.actor.country), n).toEqual(['PRK']);
    }
  });

  it('matches an upper-case acronym only in upper case (US, WHO) and ignores accents', () => {
    expect(brief(find('Let us ask who is there.', null))).toEqual([]);
    expect(brief(find('The US and WHO met.', null))).toEqual(['US=USA:United States', 'WHO=IGOUNOWHO:World Health Organization']);
    expect(find("Côte d'Ivoire voted.", null)[0].actor.country).toBe('CIV');
  });

  it('does not read regions and seas as countries', () => {
    expect(brief(find('Latin American countries sailed the South China Sea to the Korean Peninsula.', null))).toEqual([]);
  });
});

describe('country + agent', () => {
  it('joins a country word and an agent word', () => {
    const ms = find("The Russian army, the Russian people, the North Korean government and the DPRK Foreign Ministry spoke. Russia's military agreed.", '2025-05-09');
    expect(brief(ms)).toEqual([
      'Russian army=RUSMIL:Russia', 'Russian people=RUSCVL:Russia', 'North Korean government=PRKGOV:North Korea',
      'DPRK Foreign Ministry=PRKGOV:North Korea', "Russia's military=RUSMIL:Russia",
    ]);
  });

  it('reads "the government and people of" a country as two actors', () => {
    const ms = find("Thanks went to the government and people of the Lao People's Democratic Republic.", '2011-12-01');
    expect(ms.map((m) => m.actor.code)).toEqual(['LAOGOV', 'LAOCVL']);
  });
});

describe('titles resolved by date', () => {
  it('names the Russian President of the day', () => {
    expect(find('The Russian President attended the parade.', '2010-05-09')[0].actor.name).toBe('Dmitry Medvedev');
    expect(find('The Russian President attended the parade.', '2025-05-09')[0].actor.name).toBe('Vladimir Putin');
  });

  it('names the DPRK leader before and after December 2011', () => {
    expect(find('A gift was sent to the DPRK leader.', '2011-06-15')[0].actor.name).toBe('Kim Jong Il');
    expect(find('A gift was sent to the DPRK leader.', '2012-06-15')[0].actor.name).toBe('Kim Jong Un');
  });

  it('resolves "the DPRK Premier" and "the foreign minister of Laos"', () => {
    const [premier] = find('The DPRK Premier toured a farm.', '2011-03-01');
    expect([premier.actor.name, premier.actor.code, premier.form, premier.role]).toEqual(['Choe Yong Rim', 'PRKGOV', 'title', 'Premier']);
    const [fm] = find('They met the foreign minister of Laos.', '2012-03-01');
    expect([fm.actor.name, fm.actor.country, fm.role]).toEqual(['Thongloun Sisoulith', 'LAO', 'Foreign Minister']);
  });

  it('leaves the name open without a date rather than guessing', () => {
    const [m] = find('The Russian President attended the parade.', null);
    expect([m.actor.name, m.actor.code, m.kind]).toEqual([null, 'RUSGOV', 'title']);
  });

  it('takes the role from a title before a known name', () => {
    const [m] = find('General Secretary Kim Jong Il sent a message.', '2011-12-01');
    expect([m.text, m.actor.name, m.role]).toEqual(['Kim Jong Il', 'Kim Jong Il', 'General Secretary']);
    expect(m.rule).toMatch(/persons\.txt:\d+; data\/actors\/titles\.txt:\d+/);
  });
});

describe('unknown persons with a stated affiliation', () => {
  it('"Name, title of Country"', () => {
    const [m] = find('Amama Mbabazi, prime minister of Uganda, arrived on Monday.', '2012-03-01');
    expect([m.text, m.form, m.actor.name, m.actor.country, m.actor.code, m.role]).toEqual(['Amama Mbabazi', 'affiliation', 'Amama Mbabazi', 'UGA', 'UGAGOV', 'Prime Minister']);
  });

  it('"Demonym Title Name"', () => {
    const [m] = find('Lao President Bounma Khamphoui sent a message.', '2012-03-01');
    expect([m.text, m.form, m.actor.country, m.actor.code]).toEqual(['Bounma Khamphoui', 'affiliation', 'LAO', 'LAOGOV']);
  });

  it('does not repeat a named person for an appositive title', () => {
    const ms = find("Kim Jong Il wrote to Choummaly Sayasone, president of the Lao People's Democratic Republic.", '2011-12-01');
    expect(ms.map((m) => m.actor.name)).toEqual(['Kim Jong Il', 'Choummaly Sayasone']);
  });
});

describe('ambiguous "Korean"', () => {
  it('is the DPRK when KCNA publishes or reports the story, unknown otherwise', () => {
    expect(find('The Korean people are pleased.', '2012-03-01', 'KCNA')[0].actor.code).toBe('PRKCVL');
    expect(find('The Korean people are pleased. KCNA reported this.', '2012-03-01')[0].actor.code).toBe('PRKCVL');
    expect(find('The Korean people are pleased.', '2012-03-01', 'Yonhap')[0].actor.code).toBe('KORCVL');
    const [m] = find('The Korean people are pleased.', '2012-03-01');
    expect([m.actor.country, m.actor.code]).toEqual([null, '---CVL']);
  });
});

describe('light coreference', () => {
  it('"the two nations" and "both sides" are the two latest countries', () => {
    const ms = find('Russia and China met. Both sides signed. The two nations agreed.', '2012-01-01');
    const pairs = ms.filter((m) => m.form === 'coref');
    expect(pairs.map((m) => `${m.text}=${m.actor.code}`)).toEqual([
      'Both sides=CHNGOV', 'Both sides=RUSGOV', 'The two nations=CHN', 'The two nations=RUS',
    ]);
  });

  it('"he" and "the President" point back to the right person; "the message" is no actor', () => {
    const ms = find('Kim Jong Il met Choummaly Sayasone. The President said he liked the message.', '2011-03-01');
    expect(ms.filter((m) => m.form === 'coref').map((m) => `${m.text}=${m.actor.name}`)).toEqual(['President=Choummaly Sayasone', 'he=Choummaly Sayasone']);
    expect(ms.some((m) => m.text.includes('message'))).toBe(false);
  });

  it('"its people" and "the friendly government" take the latest country', () => {
    const ms = find('Greetings went to Putin, to the friendly government and to the Russian army and its people.', '2025-05-09');
    expect(brief(ms)).toEqual(['Putin=RUSGOV:Vladimir Putin', 'government=RUSGOV:Russia', 'Russian army=RUSMIL:Russia', 'people=RUSCVL:Russia']);
  });

  it('a surname alone is the person named in full before, unless two share it', () => {
    expect(find("Kim Jong Un spoke. Kim's words were clear.", '2015-01-01').map((m) => m.actor.name)).toEqual(['Kim Jong Un', 'Kim Jong Un']);
    const two = find("Kim Jong Un and Kim Yong Nam spoke. Kim's words were clear.", '2015-01-01');
    expect(two.map((m) => m.actor.name)).toEqual(['Kim Jong Un', 'Kim Yong Nam']);
  });
});

describe('organisations', () => {
  it('codes IGOs, agencies and named organisations', () => {
    const ms = find("The United Nations, NATO, Xinhua and the Korean People's Army were named.", null);
    expect(ms.map((m) => `${m.actor.code}/${m.kind}`)).toEqual(['IGOUNO/igo', 'IGOWSTNAT/igo', 'CHNMED/agency', 'PRKMIL/org']);
  });
});

describe('family names', () => {
  it('resolve only the family name, and not inside a longer unknown name', () => {
    expect(find('Kim Jong Il met Kim Jong Chol. Jong left.', '2011-03-01').map((m) => m.text)).toEqual(['Kim Jong Il']);
    expect(find('Vladimir Putin spoke. Vladimir smiled; Putin left.', '2015-03-01').map((m) => m.text)).toEqual(['Vladimir Putin', 'Putin']);
  });
});

describe('the dead (deceased.txt)', () => {
  const died = (text: string, date: string | null) => find(text, date).filter((m) => m.kind === 'person').map((m) => `${m.text}:${m.died ?? 'alive'}`);

  it('marks a person named after their death, by name, surname and coreference', () => {
    expect(died('Kim Il Sung signed the treaty with Zhou Enlai. Kim said that he trusted China.', '2011-07-11')).toEqual([
      'Kim Il Sung:1994-07-08', 'Zhou Enlai:1976-01-08', 'Kim:1994-07-08', 'he:1976-01-08',
    ]);
    expect(died('Kim Jong Il visited China.', '2012-05-20')).toEqual(['Kim Jong Il:2011-12-17']);
  });

  it('does not mark a person before their death, living ex-leaders, or an undated text', () => {
    expect(died('Kim Jong Il visited China.', '2011-05-20')).toEqual(['Kim Jong Il:alive']);
    expect(died('Jimmy Carter arrived in Pyongyang.', '2010-08-25')).toEqual(['Jimmy Carter:alive']);
    expect(died('Dmitry Medvedev met Kim Jong Un.', '2025-05-09')).toEqual(['Dmitry Medvedev:alive', 'Kim Jong Un:alive']);
    expect(died('Kim Il Sung signed the treaty.', null)).toEqual(['Kim Il Sung:alive']);
  });
});

describe('names inside the names of places and institutions (institutions.txt)', () => {
  const at = (text: string) => brief(find(text, '2012-04-15').filter((m) => m.kind === 'person' || m.kind === 'org'));

  it('a person name followed by a capitalised place, institution or honour noun is an org of their country', () => {
    expect(at('Students gathered at Kim Il Sung Square and Kim Il Sung University hosted the Kim Il Sung Prize ceremony.')).toEqual([
      'Kim Il Sung Square=PRK:Kim Il Sung Square', 'Kim Il Sung University=PRKEDU:Kim Il Sung University', 'Kim Il Sung Prize=PRK:Kim Il Sung Prize',
    ]);
    expect(at('He was awarded the Kim Jong Il Order and the Kim Il Sung Socialist Youth League sent a delegation.')).toEqual([
      'Kim Jong Il Order=PRK:Kim Jong Il Order', 'Kim Il Sung Socialist Youth League=PRKCVL:Kim Il Sung Socialist Youth League',
    ]);
    expect(at('Kim Jong Un visited Kim Il Sung Stadium in Ho Chi Minh City.')).toEqual([
      'Kim Jong Un=PRKGOV:Kim Jong Un', 'Kim Il Sung Stadium=PRK:Kim Il Sung Stadium', 'Ho Chi Minh City=VNM:Ho Chi Minh City',
    ]);
    expect(find('Kim Il Sung Square', '2012-04-15')[0].rule).toMatch(/^data\/actors\/institutions\.txt:\d+; data\/actors\/persons\.txt:\d+$/);
  });

  it('allows two capitalised words between, and reads hyphen-joined names together', () => {
    expect(at('They visited Kim Il Sung Military University and the Kim Il Sung-Kim Jong Il Foundation.')).toEqual([
      'Kim Il Sung Military University=PRKEDU:Kim Il Sung Military University', 'Kim Il Sung-Kim Jong Il Foundation=PRK:Kim Il Sung-Kim Jong Il Foundation',
    ]);
  });

  it('keeps the person before a verb, a lower-case noun or another name', () => {
    expect(at('Did Kim Jong Un order the test? The Kim Il Sung statue stands there.')).toEqual(['Kim Jong Un=PRKGOV:Kim Jong Un', 'Kim Il Sung=PRKGOV:Kim Il Sung']);
    expect(at('Kim Jong Un Visits Kim Il Sung University.')).toEqual(['Kim Jong Un=PRKGOV:Kim Jong Un', 'Kim Il Sung University=PRKEDU:Kim Il Sung University']);
  });

  it('does not read Sukarno in the name of his widow (blockers.txt)', () => {
    expect(at('Dewi Sukarno met Sukarno admirers.')).toEqual(['Sukarno=IDNGOV:Sukarno']);
  });
});
