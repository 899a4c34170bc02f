/**
 * HTML pages → article text, title, date and language, with @mozilla/readability over linkedom.
 * The text is built from the <p> elements of Readability's content, one paragraph a line pair:
 * Readability's own textContent glues the byline to the body ("2025PYONGYANG").
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { isoDate } from './item.js';
import { declaredLanguage } from './language.js';

export interface Article {
  title: string | null;
  text: string;
  /** Publication date from meta tags or <time>, ISO YYYY-MM-DD. */
  date: string | null;
  /** From <html lang>, or null (the caller detects it from the text). */
  language: string | null;
}

/** Below this many characters of paragraph text a page has no article (a menu, a login wall). */
const MIN_ARTICLE_CHARS = 200;

/** Meta names/properties/itemprops that carry a publication date, in order of trust. */
const DATE_METAS = [
  'article:published_time', 'datepublished', 'og:published_time', 'publishdate', 'publish-date', 'pubdate',
  'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dc.date', 'dcterms.date', 'date',
];

function metaDate(document: Document): string | null {
  const found = new Map<string, string>();
  for (const m of document.querySelectorAll('meta')) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase();
    const content = m.getAttribute('content');
    if (key && content && !found.has(key)) found.set(key, content);
  }
  for (const k of DATE_METAS) {
    const d = isoDate(found.get(k));
    if (d) return d;
  }
  for (const t of document.querySelectorAll('time')) {
    const d = isoDate(t.getAttribute('datetime') ?? t.textContent);
    if (d) return d;
  }
  return null;
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** A byline Readability kept as a paragraph (it keeps one when a meta tag already gave it the author). */
const BYLINE = /^by\s.{0,80}$/i;

/**
 * Paragraph text of an HTML fragment: its <p> elements one per line pair (bylines dropped), or all its
 * text when it has none.
 */
export function htmlToText(fragment: string, byline?: string | null): string {
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`);
  const by = clean(byline).toLowerCase();
  const paras = [...document.querySelectorAll('p')]
    .map((p) => clean(p.textContent))
    .filter((t) => t && !BYLINE.test(t) && t.toLowerCase() !== by);
  return paras.length ? paras.join('\n\n') : clean(document.body?.textContent);
}

/** Extract the article of a page. Throws "no article …" when the page has none. */
export function extractArticle(html: string, url?: string): Article {
  const { document } = parseHTML(html);
  const language = declaredLanguage(document.documentElement?.getAttribute('lang'));
  const date = metaDate(document as unknown as Document);
  if (url) {
    // Readability resolves relative links against the document's base.
    const base = document.createElement('base');
    base.setAttribute('href', url);
    document.head?.prepend(base);
  }
  const parsed = new Readability(document as unknown as Document).parse();
  if (!parsed?.content) throw new Error('no article found in the page');
  const text = htmlToText(parsed.content, parsed.byline);
  if (text.length < MIN_ARTICLE_CHARS) {
    throw new Error(`no article found in the page (${text.length} characters of text, fewer than ${MIN_ARTICLE_CHARS})`);
  }
  return {
    title: clean(parsed.title) || null,
    text,
    date: date ?? isoDate(parsed.publishedTime),
    language: language ?? declaredLanguage(parsed.lang),
  };
}
