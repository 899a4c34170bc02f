/**
 * URL normalisation for document identity: two spellings of one page are one document.
 * Lower-cases scheme and host, drops "www.", the default port, the fragment, tracking parameters
 * (utm_*, fbclid, gclid, mc_cid, mc_eid) and a trailing slash, and sorts the query parameters.
 * Something that is not an absolute URL (a file path) is returned trimmed, otherwise unchanged.
 */
const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|mc_cid|mc_eid)$/i;

export function normaliseUrl(input: string): string {
  const trimmed = input.trim();
  let u: URL;
  try {
    u = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return trimmed;
  u.hash = '';
  u.hostname = u.hostname.replace(/^www\./, '');
  const params = [...u.searchParams].filter(([k]) => !TRACKING.test(k));
  params.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  u.search = new URLSearchParams(params).toString();
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.replace(/\/+$/, '');
  return u.toString();
}
