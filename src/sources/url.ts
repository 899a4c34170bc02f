/**
 * URL normalisation for deduplication: two addresses of the same page compare equal once normalised.
 * Scheme and host are lower-cased, default ports and fragments dropped, tracking parameters removed,
 * the remaining query sorted, and a trailing slash dropped from any path but the root.
 */

/** Query parameters that only track the reader (never select content): prefix `utm_` plus these. */
const TRACKING = new Set([
  'fbclid', 'gclid', 'dclid', 'gclsrc', 'msclkid', 'yclid', 'igshid', 'mc_cid', 'mc_eid', '_ga', '_gl',
  'ocid', 'cmpid', 'ito', 'spm', 'ref_src', 'ref_url',
]);

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || TRACKING.has(n);
}

/** True when `s` is an absolute http(s) URL. */
export function isHttpUrl(s: string): boolean {
  return /^https?:\/\//i.test(s.trim());
}

/** The normalised form of an http(s) URL; throws a clear error for anything else. */
export function normaliseUrl(input: string): string {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    throw new Error(`not a valid URL: ${JSON.stringify(input)}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new Error(`not an http(s) URL: ${JSON.stringify(input)}`);
  }
  // WHATWG URL already lower-cases scheme and host and drops the scheme's default port.
  u.hash = '';
  u.username = '';
  u.password = '';
  const kept = [...u.searchParams].filter(([k]) => !isTracking(k));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  u.search = kept.length ? new URLSearchParams(kept).toString() : '';
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.replace(/\/+$/, '') || '/';
  if (u.hostname.endsWith('.')) u.hostname = u.hostname.slice(0, -1);
  return u.toString();
}
