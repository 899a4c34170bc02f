import { describe, expect, it } from 'vitest';
import { DictSources } from '../dict/files.js';
import { analyse } from '../text/analyse.js';
import { sentenceUnits } from '../text/units.js';
import { KCNA_SKIP_REASON, kcnaStories, skipWithoutKcna } from '../../test/store-corpus.js';
import { loadEvents } from './load.js';
import { findTriggers } from './match.js';
import { buildView } from './view.js';

const d = loadEvents(new DictSources());
const passes = (text: string) => {
  const a = analyse(text);
  return d.prefilter.mayHoldEvent(sentenceUnits(a.text, a.sentences[0]));
};

describe('events pre-filter', () => {
  it('passes a sentence holding every word of a trigger in any inflection, or a message noun', () => {
    expect(passes('The two sides held talks in Moscow.')).toBe(true);
    expect(passes('China has been imposing sanctions.')).toBe(true);
    expect(passes('The telegram was warmly worded.')).toBe(true);
  });

  it('drops a sentence without the words of any trigger', () => {
    expect(passes('The weather was fine and the harvest rich.')).toBe(false);
    // "hold" alone is no trigger: "hold talks", "hold a meeting" are.
    expect(passes('They hold the view firmly.')).toBe(false);
  });

  describe.skipIf(skipWithoutKcna)(`on KCNA stories${skipWithoutKcna ? ` (skipped: ${KCNA_SKIP_REASON})` : ''}`, () => {
    it('never drops a sentence in which the tagger-based matcher finds a trigger', () => {
      let matched = 0;
      const missed: string[] = [];
      for (const story of kcnaStories(1500)) {
        const a = analyse(story.text);
        for (const s of a.sentences) {
          const found = findTriggers(buildView(s, [], d.cues), d).length > 0;
          if (!found) continue;
          matched++;
          if (!d.prefilter.mayHoldEvent(sentenceUnits(a.text, s))) missed.push(s.text);
        }
      }
      expect(matched).toBeGreaterThan(1000);
      expect(missed).toEqual([]);
    });
  });
});
