import { beforeAll, describe, expect, it } from 'vitest';
import { DictSources } from '../dict/files.js';
import { analyse } from '../text/analyse.js';
import type { ActorMention } from '../types.js';
import { findActors, loadActors, type ActorDicts } from './index.js';

let dicts: ActorDicts;
beforeAll(() => {
  dicts = loadActors(new DictSources());
});

const find = (text: string, date: string | null = '2015-06-01'): ActorMention[] => findActors(analyse(text, date), dicts, {}).flat();
const brief = (text: string) => find(text).map((m) => `${m.text}=${m.actor.code}`);

describe('places (places*.txt)', () => {
  it('read a city, province or territory as its country, with the rule that made it', () => {
    const ms = find('Shelling hit Aleppo, the Gaza Strip, Khanty-Mansiysk and Kandahar.');
    expect(ms.map((m) => `${m.text}=${m.actor.code}/${m.form}/${m.kind}`)).toEqual([
      'Aleppo=SYR/place/country', 'Gaza Strip=PSE/place/country', 'Khanty-Mansiysk=RUS/place/country', 'Kandahar=AFG/place/country',
    ]);
    expect(ms[0].rule).toMatch(/^data\/actors\/places-mideast\.txt:\d+$/);
  });

  it('join agent words, "of" and the words that continue their name (suffixes.txt)', () => {
    expect(brief('The people of Aleppo fled; the Gaza police and the government of Sindh province acted.')).toEqual([
      'people of Aleppo=SYRCVL', 'Gaza police=PSECOP', 'government of Sindh=PAKGOV',
    ]);
    expect(brief('The Sindh province government met officials of Chongjin City and the Tyumen region.')).toEqual([
      'Sindh province government=PAKGOV', 'officials of Chongjin=PRKGOV', 'Tyumen region=RUS',
    ]);
    // A capital stays the government with its suffix.
    expect(brief('Pyongyang City sent a wreath.')).toEqual(['Pyongyang City=PRKGOV']);
  });

  it('give a title of a place to no national office holder', () => {
    const [local] = find('The President of Chechnya arrived.');
    expect([local.actor.name, local.actor.code, local.kind]).toEqual([null, 'RUSGOV', 'title']);
    expect(find('The President of Russia arrived.')[0].actor.name).toBe('Vladimir Putin');
  });

  it('match only written with their capitals', () => {
    expect(brief('They camped on the west bank of the river.')).toEqual([]);
    expect(brief('The Gaza strip was closed.')).toEqual(['Gaza=PSE']);
  });

  it('do not count as the countries of "the two countries"', () => {
    expect(brief('China and Russia met in Geneva. The two countries agreed.').slice(-2)).toEqual(['The two countries=RUS', 'The two countries=CHN']);
  });
});

describe('capitals and places inside other names', () => {
  it('name no actor in the name of an agreement, meeting or group (namesakes.txt)', () => {
    for (const t of [
      'The Paris Club agreed.', 'The Geneva Conventions apply.', 'The Oslo Accords failed.', 'The Minsk agreements collapsed.',
      'The Treaty of Rome and the Club of Rome.', 'The Paris Peace Accords held.', 'The Helsinki Final Act was signed.',
    ]) expect(brief(t), t).toEqual([]);
    expect(brief('The London-based Amnesty International said so.')).toEqual(['Amnesty International=NGOHRIAMN']);
  });

  it('keep the actor where the place acts or names the parties', () => {
    expect(brief("Moscow agreed; Moscow's agreement came late.")).toEqual(['Moscow=RUSGOV', 'Moscow=RUSGOV']);
    expect(brief('The Seoul-Tokyo agreement holds.')).toEqual(['Seoul=KORGOV', 'Tokyo=JPNGOV']);
    expect(brief('A Paris club opened.')).toEqual(['Paris=FRAGOV']);
  });

  it('make an institution of the country before a capitalised institution noun (institutions.txt)', () => {
    expect(brief('Moscow State University and Kabul University signed.')).toEqual(['Moscow State University=RUSEDU', 'Kabul University=AFGEDU']);
  });
});

describe('names that need their capitals (agencies.txt "cased")', () => {
  it('reads "Russia today" as the country, "Russia Today" as the channel', () => {
    expect(brief("Taiwan's Vice Foreign Minister visited Russia today.")).toEqual(['Taiwan=TWN', 'Russia=RUS']);
    expect(brief('Russia Today and RT reported.')).toEqual(['Russia Today=RUSMED', 'RT=RUSMED']);
    expect(brief("The people's daily life improved, People's Daily wrote.")).toEqual(["People's Daily=CHNMED"]);
  });

  it('reads the shorter phrases inside a phrase whose case is refused', () => {
    expect(brief('South Korea signed the FTA with the U.S., a crime.')).toEqual(['South Korea=KOR', 'U.S=USA']);
  });
});
