/** What every `attache eval` scorer returns; the CLI prints it as text or JSON. */
export interface EvalReport {
  set: string;
  file: string;
  /** Items scored (stories, sentences). */
  n: number;
  /** Named figures, e.g. {precision, recall, f1} or {type_accuracy, dyad_accuracy}; all in [0, 1]. */
  figures: Record<string, number>;
  /** Confusion matrix by class (rows = gold, columns = predicted), or null where the set has no classes. */
  confusion: { labels: string[]; matrix: number[][] } | null;
  /** The worst errors (at most 20): the sentence, what gold says, what we said, the rule that fired. */
  worst: EvalError[];
}

export interface EvalError {
  id: string;
  sentence: string;
  expected: string;
  got: string;
  rule: string | null;
}
