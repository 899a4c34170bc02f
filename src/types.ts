/**
 * The records that flow through attaché. The first half is the output contract of `attache code`
 * (../shared/DESIGN.md); the second half is what the stages hand each other inside the pipeline.
 */
import type { Unit } from './text/units.js';

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

/** One document to code. `text` is the raw text; every span in the output points into it. */
export interface DocumentInput {
  id: string;
  text: string;
  url?: string | null;
  source?: string | null;
  /** Publication date, ISO YYYY-MM-DD, or null when unknown. */
  date?: string | null;
  language?: string | null;
  title?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Output contract (DESIGN.md)
// ---------------------------------------------------------------------------------------------

export interface ActorRef {
  /** The words in the text that name the actor. */
  text: string;
  /** Canonical name (a person's name, a country's short name, an organisation's name), or null. */
  name: string | null;
  /** ISO 3166-1 alpha-3, or null for international bodies and unknowns. */
  country: string | null;
  /** CAMEO agent code: GOV, MIL, BUS, MED, CVL, OPP, REB, IGO, … or null. */
  sector: string | null;
  /** CAMEO-style actor code: country + agents (PRKGOV), IGO… for international bodies, --- for unknown country. */
  code: string | null;
}

export interface PloverCoding {
  event: PloverEvent;
  mode: string | null;
  context: string[];
}

export type PloverEvent =
  | 'AGREE' | 'CONSULT' | 'SUPPORT' | 'CONCEDE' | 'COOPERATE' | 'AID' | 'RETREAT' | 'REQUEST'
  | 'ACCUSE' | 'REJECT' | 'THREATEN' | 'PROTEST' | 'SANCTION' | 'MOBILIZE' | 'COERCE' | 'ASSAULT';

export type Modality = 'asserted' | 'negated' | 'hypothetical' | 'future' | 'historical';

export interface Attribution {
  agency: string;
  country: string | null;
}

export interface CodedEvent {
  sentence: number;
  span: [number, number];
  source: ActorRef;
  target: ActorRef | null;
  plover: PloverCoding;
  /** CAMEO code as a string, 2–4 digits. */
  cameo: string;
  goldstein: number;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quad_class: 1 | 2 | 3 | 4;
  modality: Modality;
  /** When the event happened, ISO date (or partial YYYY / YYYY-MM), or null. */
  date: string | null;
  attribution: Attribution | null;
  /** Why the event exists: the trigger and the dictionary file:line that produced it. */
  rule: string;
}

export type SignalKind =
  | 'congratulations' | 'greetings' | 'condolences' | 'sympathy' | 'thanks' | 'letter' | 'reply'
  | 'gift' | 'wreath' | 'other_message';

export type SignalChannel = 'telegram' | 'message' | 'letter' | 'phone' | 'in_person' | 'gift' | 'wreath';

export type OccasionType =
  | 'national_day' | 'anniversary' | 'election' | 'appointment' | 'birthday' | 'new_year' | 'death'
  | 'disaster' | 'holiday' | 'other' | 'none';

export interface SignalParty {
  name: string | null;
  role: string | null;
  country: string | null;
  org: string | null;
  /** CAMEO agent code of the party (GOV, CVL, …) where known. Extension of the contract. */
  sector?: string | null;
  /** The words in the text, where they differ from name ("the friendly government"). Extension. */
  text?: string | null;
}

export interface Signal {
  kind: SignalKind;
  channel: SignalChannel | null;
  sender: SignalParty;
  recipient: SignalParty;
  on_behalf_of: string | null;
  occasion: string | null;
  occasion_type: OccasionType;
  date: string | null;
  span: [number, number];
  /** Why the signal exists (extension of the contract, like events' rule). */
  rule: string;
}

export interface MarkerHit {
  marker: string;
  count: number;
  spans: [number, number][];
}

export interface CodedDocument {
  id: string;
  date: string | null;
  source: string | null;
  language: string;
  title?: string | null;
  url?: string | null;
  events: CodedEvent[];
  signals: Signal[];
  markers: MarkerHit[];
  domains: string[];
  tone: number;
}

/** A document that could not be coded: the line still appears in the output. */
export interface CodingError {
  id: string;
  error: string;
}

// ---------------------------------------------------------------------------------------------
// Inside the pipeline
// ---------------------------------------------------------------------------------------------

/** A token from wink-nlp, with character offsets into the document text. */
export interface Token {
  /** Text as written. */
  text: string;
  /** Lower case. */
  lower: string;
  /** Universal Dependencies POS tag (NOUN, VERB, PROPN, ADP, …). */
  pos: string;
  /** Lemma (lower case). */
  lemma: string;
  start: number;
  end: number;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /**
   * Work that several stages share, computed on first use and kept with the sentence (text/units.ts):
   * never set by the text stage, never part of an output.
   */
  shared?: SharedUnits;
}

/** A sentence's units, numbered against the dictionaries' vocabulary as it was (`vocab` words). */
export interface SharedUnits {
  vocab: number;
  /** Word units (actors, dates). */
  words: Unit[] | undefined;
  /** Lemma units (framing, signals). */
  lemmas: Unit[] | undefined;
}

/** The text stage's result. `text` is the normalised text: same length as the input, so offsets agree. */
export interface AnalysedText {
  text: string;
  sentences: Sentence[];
  /** Publication date (ISO) or null. */
  pubDate: string | null;
}

export type ActorKind = 'country' | 'person' | 'igo' | 'agency' | 'org' | 'group' | 'title';

/** One entry of an actor dictionary, compiled. */
export interface ActorEntry {
  /** Stable id, e.g. "PRK", "person:kim-jong-un", "igo:UNO". */
  id: string;
  kind: ActorKind;
  name: string;
  country: string | null;
  sector: string | null;
  code: string;
  /** For persons: the office ("President", "Foreign Minister"). */
  role: string | null;
  /** Tenure or validity, ISO dates, inclusive; null = open. */
  from: string | null;
  to: string | null;
  /** file:line of the dictionary line. */
  rule: string;
}

/** How the text named the actor. */
export type MentionForm = 'name' | 'demonym' | 'capital' | 'place' | 'title' | 'affiliation' | 'acronym' | 'coref';

export interface ActorMention {
  sentence: number;
  start: number;
  end: number;
  text: string;
  form: MentionForm;
  actor: ActorRef;
  kind: ActorKind;
  /** For persons: role or title as written or known. */
  role: string | null;
  /** file:line of the dictionary line(s) that produced this mention. */
  rule: string;
  /** For a person who had died before the document's date (data/actors/deceased.txt): the date of death. */
  died?: string;
}
