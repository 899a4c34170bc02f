import { DictSources } from '../dict/files.js';
import { analyse } from '../text/analyse.js';
import { findDates, loadCalendar } from '../text/dates.js';
import { findActors, findAttribution, loadActors } from '../actors/index.js';
import { codeEvents, loadEvents } from '../events/index.js';
import { extractSignals, loadSignals } from '../signals/index.js';
import { frame } from '../framing/frame.js';
import { loadFraming } from '../framing/load.js';
import type { CodedDocument, DocumentInput } from '../types.js';
import type { StageContext } from './stages.js';

/** The stages of coding an English document, in the order they run. */
export const STAGES = ['text', 'actors', 'dates', 'attribution', 'framing', 'events', 'signals'] as const;
export type Stage = (typeof STAGES)[number];

export interface CoderOptions {
  /** User dictionary directories layered over the shipped `data/` (`--dict DIR`). */
  dictDirs?: string[];
  /**
   * Called as each stage of an English document begins, and with null when the document is coded: lets a
   * benchmark say what each stage costs (bench/coder.bench.ts). The coder itself does not time anything.
   */
  onStage?: (stage: Stage | null) => void;
}

export interface Coder {
  /**
   * Code one document. Pure: the same input gives the same output. `language` defaults to English; a document
   * in another language comes back uncoded (empty lists), labelled with its language.
   */
  code(doc: DocumentInput): CodedDocument;
  /** The dictionaries' sources, for reporting. */
  readonly sources: DictSources;
}

/**
 * Load every dictionary once (a malformed line throws DictError "file:line: problem" and nothing is coded),
 * then code documents through the stages in the order of STAGES (text, actors, dates, attribution, framing, events,
 * signals).
 */
export function createCoder(opts: CoderOptions = {}): Coder {
  const sources = new DictSources(opts.dictDirs ?? []);
  const calendar = loadCalendar(sources);
  const actors = loadActors(sources);
  const events = loadEvents(sources);
  const signals = loadSignals(sources);
  const framing = loadFraming(sources);
  return {
    sources,
    code(doc: DocumentInput): CodedDocument {
      const pubDate = doc.date ?? null;
      const language = doc.language ?? 'en';
      // Fields in the order of DESIGN.md's contract: id, date, source, language, then the coding.
      const head = (source: string | null) => ({
        id: doc.id,
        date: pubDate,
        source,
        language,
        ...(doc.title ? { title: doc.title } : {}),
        ...(doc.url ? { url: doc.url } : {}),
      });
      // The dictionaries are English: other languages are kept and labelled, not coded into noise.
      if (language !== 'en') return { ...head(doc.source ?? null), events: [], signals: [], markers: [], domains: [], tone: 0 };
      const mark = opts.onStage;
      mark?.('text');
      const analysed = analyse(doc.text, pubDate);
      mark?.('actors');
      const mentions = findActors(analysed, actors, { source: doc.source ?? null });
      mark?.('dates');
      const dates = findDates(analysed, mentions, calendar);
      mark?.('attribution');
      const attribution = findAttribution(analysed, mentions, actors);
      const source = doc.source ?? attribution?.agency ?? null;
      const ctx: StageContext = { analysed, mentions, dates, attribution, source };
      mark?.('framing');
      const f = frame(ctx, framing);
      mark?.('events');
      const coded = codeEvents(ctx, events);
      mark?.('signals');
      const sent = extractSignals(ctx, signals);
      mark?.(null);
      return { ...head(source), events: coded, signals: sent, markers: f.markers, domains: f.domains, tone: f.tone };
    },
  };
}
