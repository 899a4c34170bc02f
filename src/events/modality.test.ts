import { describe, expect, it } from 'vitest';
import { createCoder } from '../pipeline/coder.js';

// The whole coder: the death dates come from the actors stage (data/actors/deceased.txt).
const coder = createCoder();
const code = (text: string, date: string) =>
  coder.code({ id: 't', text, date }).events.map((e) => `${e.source.text}>${e.target?.text ?? '-'} ${e.cameo} ${e.modality}`);

describe('acts of the dead are historical', () => {
  it('an event whose source had died before the document is recalled', () => {
    expect(code('Kim Il Sung signed the treaty of friendship with Zhou Enlai.', '2011-07-11')).toEqual(['Kim Il Sung>Zhou Enlai 057 historical']);
    expect(code('Kim Jong Il visited China.', '2012-05-20')).toEqual(['Kim Jong Il>China 042 historical']);
  });

  it('the same act reported while the person lived is asserted', () => {
    expect(code('Kim Jong Il visited China.', '2011-05-20')).toEqual(['Kim Jong Il>China 042 asserted']);
  });

  it('a converse shares the act: the visit to a dead host is historical too', () => {
    expect(code('Kim Il Sung received Jimmy Carter in Pyongyang.', '2011-06-15')).toEqual([
      'Kim Il Sung>Jimmy Carter 043 historical', 'Jimmy Carter>Kim Il Sung 042 historical',
    ]);
  });

  it('living ex-leaders and acts toward the dead are not affected', () => {
    expect(code('Jimmy Carter visited Pyongyang.', '2010-08-26')).toEqual(['Jimmy Carter>Pyongyang 042 asserted']);
    expect(code('Medvedev accused Japan of provocations.', '2025-05-09')).toEqual(['Medvedev>Japan 112 asserted']);
    expect(code('Russia praised Kim Il Sung.', '2012-04-15')).toEqual(['Russia>Kim Il Sung 051 asserted']);
  });
});

describe('recollections, with the dates the text stage finds', () => {
  it('the day of the year a recollection is marked on does not date it; a written year does', () => {
    expect(code('October 6 is the day when China and the DPRK established diplomatic relations.', '2019-10-04')).toEqual([
      'China>DPRK 054 historical', 'DPRK>China 054 historical',
    ]);
    const dated = (text: string) => coder.code({ id: 't', text, date: '2019-10-04' }).events.map((e) => e.date);
    expect(dated('October 6 is the day when China and the DPRK established diplomatic relations.')).toEqual([null, null]);
    expect(dated('October 6 is the day when China and the DPRK established diplomatic relations in 1949.')).toEqual(['1949', '1949']);
    expect(dated('It is 69 years since the U.S. attacked the DPRK.')).toEqual(['1950']);
  });
});
