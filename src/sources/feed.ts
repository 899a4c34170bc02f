/**
 * RSS, Atom, RDF and JSON feeds → one raw item per entry, with @extractus/feed-extractor.
 * XML passes the DTD/entity guard first. An entry's text is its full content (content:encoded, Atom
 * content, JSON content_html/content_text) when present, else its description/summary, else its title.
 */
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { z } from 'zod';
import { htmlToText } from './html.js';
import { failure, isoDate, item, type SourceEvent } from './item.js';
import { xmlDeclarationProblem } from './xml-guard.js';

export interface ParsedFeed {
  title: string | null;
  events: SourceEvent[];
  /** Link of every entry in the feed (present items, for markMissing). */
  links: string[];
}

/** Raised when a body is not a feed at all; message says what it is. */
export class NotAFeedError extends Error {}

const JsonFeed = z.object({ version: z.string().optional(), items: z.array(z.unknown()) });

/** Text of an XML node as fast-xml-parser gives it: a string, a number, or {'#text': …}. */
function nodeText(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return nodeText(v[0]);
  if (typeof v === 'object' && '#text' in v) return nodeText((v as Record<string, unknown>)['#text']);
  return '';
}

/** A feed field as a trimmed string: feeds put numbers, objects or nothing where strings belong. */
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** The fullest body an entry carries, as HTML or plain text. */
function entryBody(e: Record<string, unknown>): string {
  for (const k of ['content:encoded', 'content', 'content_html', 'content_text', 'description', 'summary']) {
    const t = nodeText(e[k]).trim();
    if (t) return t;
  }
  return '';
}

type Kind = 'json' | 'xml' | 'html' | 'other';

/** What a body looks like from its first characters. */
export function sniff(body: string): Kind {
  const head = body.replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
  if (head.startsWith('{')) return 'json';
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:rdf)\b/.test(head)) return 'xml';
  if (head.startsWith('<!doctype html') || /^(<!--[\s\S]*?-->\s*)*<html\b/.test(head)) return 'html';
  if (head.startsWith('<')) return 'xml';
  return 'other';
}

/** Parse a feed body fetched from or read at `feedUrl`. Throws for a body that is no feed (the whole feed fails). */
export function parseFeed(body: string, feedUrl: string, rawType: string, source?: string | null): ParsedFeed {
  const kind = sniff(body);
  let data: ReturnType<typeof extractFromXml>;
  const options = {
    descriptionMaxLen: 0,
    // Dates as written: isoDate keeps the publisher's local date (the library's ISO form is UTC).
    useISODateFormat: false,
    baseUrl: /^https?:/i.test(feedUrl) ? feedUrl : '',
    getExtraEntryFields: (e: Record<string, unknown>) => ({ body: entryBody(e) }),
  };
  if (kind === 'json') {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (e) {
      throw new NotAFeedError(`not a feed: malformed JSON (${(e as Error).message})`);
    }
    if (!JsonFeed.safeParse(json).success) throw new NotAFeedError('not a feed: JSON without an "items" array');
    try {
      data = extractFromJson(json as Record<string, unknown>, options);
    } catch (e) {
      throw new NotAFeedError(`not a feed: ${(e as Error).message}`);
    }
  } else if (kind === 'xml') {
    const refused = xmlDeclarationProblem(body);
    if (refused) throw new NotAFeedError(refused);
    try {
      data = extractFromXml(body, options);
    } catch (e) {
      const msg = (e as Error).message;
      throw new NotAFeedError(/well-formed/.test(msg) ? 'malformed XML' : `not a feed: ${msg}`);
    }
  } else {
    throw new NotAFeedError(kind === 'html' ? 'not a feed: the answer is an HTML page' : 'not a feed: neither XML nor JSON');
  }
  const events: SourceEvent[] = [];
  const links: string[] = [];
  const feedTitle = str(data.title) || null;
  for (const [i, e] of (data.entries ?? []).entries()) {
    const entry = e as typeof e & { body?: string };
    const link = str(entry.link) || null;
    const id = str(entry.id) || link;
    const title = str(entry.title) || null;
    const origin = `${feedUrl} › ${id ?? `entry ${i + 1}`}`;
    if (link) links.push(link);
    const html = entry.body ?? '';
    const text = (/<[a-z][\s\S]*>/i.test(html) ? htmlToText(html) : html.replace(/\s+/g, ' ').trim()) || (title ?? '');
    if (!text) {
      events.push(failure(origin, 'feed entry has no text and no title'));
      continue;
    }
    events.push(
      item({
        origin,
        url: link,
        source: source ?? feedTitle,
        externalId: id,
        title,
        date: isoDate(str(entry.published)),
        text,
        raw: JSON.stringify(e),
        rawType,
        feedUrl,
      }),
    );
  }
  return { title: feedTitle, events, links };
}
