/**
 * The stage signatures the pipeline calls, in order. Each stage module implements one of these;
 * this file is the single place that says how they fit together.
 */
import type { ActorMention, AnalysedText, Attribution, CodedEvent, MarkerHit, Signal } from '../types.js';

/** A date expression found in a sentence and resolved against the publication date. */
export interface DateMention {
  sentence: number;
  start: number;
  end: number;
  text: string;
  /** ISO date, or partial (YYYY, YYYY-MM) when the text leaves parts open; null when unresolvable. */
  date: string | null;
  /** For named days ("Victory Day"): the name as in data/calendar and its occasion type. */
  named: { name: string; occasion_type: string; rule: string } | null;
}

/** Date mentions per sentence, found when a stage first asks for a sentence's (most never need theirs). */
export interface SentenceDates {
  of(sentence: number): DateMention[];
}

/** Dates given in advance, one list per sentence (tests that write their date mentions by hand). */
export function givenDates(lists: DateMention[][]): SentenceDates {
  return { of: (i) => lists[i] ?? [] };
}

/** What every stage after the text stage may read. */
export interface StageContext {
  analysed: AnalysedText;
  /** Actor mentions per sentence (index = sentence index). */
  mentions: ActorMention[][];
  /** Date mentions per sentence. */
  dates: SentenceDates;
  /** Document-level attribution (the agency that reported it), if any. */
  attribution: Attribution | null;
  /** Outlet that published the text (given with --source or found). */
  source: string | null;
}

export type EventStage = (ctx: StageContext) => CodedEvent[];
export type SignalStage = (ctx: StageContext) => Signal[];
export type FramingStage = (ctx: StageContext) => { markers: MarkerHit[]; domains: string[]; tone: number };
