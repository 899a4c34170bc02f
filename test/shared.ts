import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** ../shared beside the project: evaluation sets, the KCNA corpus, the seed. */
export const SHARED = resolve(import.meta.dirname, '../../shared');

/**
 * Whether tests that read `rel` under ../shared should be skipped: only when it is absent and we are not in CI
 * (CI always has ../shared; there an absent file must fail, never skip). Prints the one-line reason.
 */
export function skipWithoutShared(rel: string): boolean {
  const path = resolve(SHARED, rel);
  if (existsSync(path)) return false;
  if (process.env.CI === 'true') return false;
  console.warn(`skipped: ${path} is absent (tests that read ../shared need it beside the project)`);
  return true;
}

export const sharedPath = (rel: string) => resolve(SHARED, rel);
