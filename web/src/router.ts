/**
 * State lives in the URL: the path picks the view, the query string holds its filters. Links and forms
 * push history entries; the back button works; every view can be bookmarked or shared.
 */
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((f) => f());
addEventListener('popstate', notify);

export function navigate(href: string, replace = false): void {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  notify();
  if (!replace) scrollTo(0, 0);
}

/** The current location; re-renders the caller when it changes. */
export function useLocation(): URL {
  const [, tick] = useState(0);
  useEffect(() => {
    const f = () => tick((n) => n + 1);
    listeners.add(f);
    return () => void listeners.delete(f);
  }, []);
  return new URL(location.href);
}

/** A query string from params, leaving out empty values. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const t = s.toString();
  return t ? `?${t}` : '';
}

/** The current query parameters as a plain object. */
export const paramsOf = (url: URL): Record<string, string> => Object.fromEntries(url.searchParams);

/** Same-origin left clicks on <a> elements navigate inside the app. */
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element).closest?.('a');
  if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin || a.pathname.startsWith('/api/')) return;
  // In-page anchors (the skip link) keep the browser's own behaviour: scroll and focus the target.
  if (a.hash && a.pathname === location.pathname && a.search === location.search) return;
  e.preventDefault();
  navigate(a.pathname + a.search + a.hash);
});
