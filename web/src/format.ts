/** Small display helpers shared by the views. */
import type { ActorRef, SignalRow } from './types';

export const QUAD_LABELS: Record<number, string> = {
  1: 'Verbal cooperation',
  2: 'Material cooperation',
  3: 'Verbal conflict',
  4: 'Material conflict',
};

/** Colours of the quad classes: distinguishable with common colour-vision deficiencies (Okabe–Ito). */
export const QUAD_COLORS: Record<number, string> = { 1: '#0072B2', 2: '#009E73', 3: '#E69F00', 4: '#D55E00' };

export const actorLabel = (a: ActorRef | null) => (a ? `${a.name ?? a.text}${a.code ? ` (${a.code})` : ''}` : '—');

export const party = (p: SignalRow['signal']['sender']) => `${p.name ?? p.org ?? p.text ?? '?'}${p.country ? ` (${p.country})` : ''}`;

export const num = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '—' : x.toFixed(digits));

/** "PRK-RUS" from its parts, upper case. */
export const pairOf = (a: string, b: string) => `${a.toUpperCase()}-${b.toUpperCase()}`;

export const COUNTRY_PATTERN = '[A-Za-z]{3}';
export const DYAD_PATTERN = '[A-Za-z]{3}-[A-Za-z]{3}';

/** The pair "prk-rus" as "PRK-RUS", or null when it is not two country codes. */
export const validPair = (s: string | null | undefined) => (s && new RegExp(`^${DYAD_PATTERN}$`).test(s) ? s.toUpperCase() : null);
