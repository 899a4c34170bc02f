/**
 * The views of a pair of countries chosen in their form as ?pair=A-B (framing, follow-through): the pair's
 * field, its report from /api/VIEW/A-B with the other parameters, and a prompt until a pair is given.
 */
import { useApi, type Loaded } from '../api';
import { paramsOf } from '../router';
import { Field } from './Form';
import { Status } from './Status';
import { DYAD_PATTERN, validPair } from '../format';

/** The view's parameters, its pair (as typed, and valid upper-case or null) and the report of the pair. */
export function usePairReport<T>(url: URL, view: string) {
  const params = paramsOf(url);
  const { pair, ...rest } = params;
  const valid = validPair(pair);
  const state = useApi<T>(valid ? `${view}/${valid}` : null, rest);
  return { params, pair, rest, valid, state };
}

export function PairField({ value }: { value?: string }) {
  return <Field name="pair" label="Countries (A-B)" value={value} placeholder="PRK-RUS" pattern={DYAD_PATTERN} title="two country codes, e.g. PRK-RUS" />;
}

/** A prompt for a pair until one is given, then the report's loading and error states. */
export function PairStatus({ view, valid, state }: { view: string; valid: string | null; state: Loaded<unknown> }) {
  if (valid) return <Status state={state} />;
  return (
    <p>
      Give two countries, e.g. <a href={`/${view}?pair=PRK-RUS`}>PRK-RUS</a>.
    </p>
  );
}
