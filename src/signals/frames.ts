import type { SignalChannel, SignalKind } from '../types.js';
import type { Occasion } from './occasion.js';
import type { Party } from './parties.js';
import type { SentenceView } from './sentence.js';

/** What a frame is made with. */
export interface FrameInit {
  kind: SignalKind;
  channel: SignalChannel | null;
  generic: boolean;
  senders: Party[];
  recipients: Party[];
  behalf: string | null;
  sentence: number;
  span: [number, number];
  rule: string;
}

/** A signal being assembled: one trigger, its senders and recipients, gathered over one or more sentences. */
export class Frame {
  kind: SignalKind;
  channel: SignalChannel | null;
  /** A plain "message"/"telegram" whose kind its body may still tell. */
  generic: boolean;
  senders: Party[];
  /** The trigger's sentence named no sender: "They were from X; Y" lists them. */
  openList = false;
  recipients: Party[];
  behalf: string | null;
  date: string | null = null;
  sentence: number;
  span: [number, number];
  rule: string;
  #occasion: Occasion | null = null;
  /** The sentence whose occasion is the frame's until one is set, while not yet looked up. */
  #occasionOf: SentenceView | null;

  constructor(init: FrameInit, occasionOf: SentenceView) {
    this.kind = init.kind;
    this.channel = init.channel;
    this.generic = init.generic;
    this.senders = init.senders;
    this.recipients = init.recipients;
    this.behalf = init.behalf;
    this.sentence = init.sentence;
    this.span = init.span;
    this.rule = init.rule;
    this.#occasionOf = occasionOf;
  }

  /**
   * The occasion: its sentence's, looked up when first read. Most frames emit nothing (no sender → recipient
   * pair) and are never asked, and looking it up finds the sentence's dates.
   */
  get occasion(): Occasion | null {
    if (this.#occasionOf !== null) {
      this.#occasion = this.#occasionOf.occasion;
      this.#occasionOf = null;
    }
    return this.#occasion;
  }

  set occasion(o: Occasion | null) {
    this.#occasionOf = null;
    this.#occasion = o;
  }
}
