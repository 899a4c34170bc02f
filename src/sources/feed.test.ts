import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NotAFeedError, parseFeed } from './feed.js';
import type { RawItem, SourceEvent } from './item.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/sources/${name}`, import.meta.url), 'utf8');
const items = (events: SourceEvent[]): RawItem[] => events.flatMap((e) => (e.kind === 'item' ? [e.item] : []));

describe('parseFeed', () => {
  it('reads RSS entries with their full content, link, guid and date', () => {
    const f = parseFeed(fixture('feed.rss'), 'https://news.example.org/rss', 'application/rss+xml');
    expect(f.title).toBe('Pyongyang Times');
    const [a, b] = items(f.events);
    expect(items(f.events)).toHaveLength(2);
    expect(a.text).toBe(
      "Kim Jong Il on Thursday sent a congratulatory message to Choummaly Sayasone, president of the Lao People's Democratic Republic, on the 36th founding anniversary of the republic.\n\nThe message wished the Lao people success & prosperity.",
    );
    expect(a.externalId).toBe('https://news.example.org/2011/12/01/laos');
    expect(a.date).toBe('2011-12-01');
    expect(a.source).toBe('Pyongyang Times');
    expect(a.feedUrl).toBe('https://news.example.org/rss');
    expect(b.text).toBe('A delegation of the Communist Party of China arrived in Pyongyang on Friday for a friendship visit.');
    expect(f.links).toHaveLength(2);
  });
  it('reads Atom HTML content and JSON Feed text', () => {
    const [atom] = items(parseFeed(fixture('feed.atom'), 'feed.atom', 'application/atom+xml').events);
    expect(atom.text).toMatch(/^A spokesman for the Foreign Ministry on Friday rejected/);
    expect(atom.url).toBe('https://mfa.example.org/statements/2012-04-13-1');
    expect(atom.date).toBe('2012-04-13');
    const [json] = items(parseFeed(fixture('feed.json'), 'feed.json', 'application/feed+json', 'Embassy').events);
    expect(json).toMatchObject({ externalId: 'bulletin-17', title: 'Ambassador hosts reception', date: '2012-02-16', source: 'Embassy' });
    expect(json.text).toMatch(/^The ambassador hosted a reception/);
  });
  it('survives hostile JSON feeds: odd field types are read as text or fail the feed, never crash', () => {
    const [odd] = items(parseFeed('{"items": [{"id": 17, "title": {"x": 1}, "url": 5, "content_text": "Talks were held in Pyongyang."}]}', 'j', 'application/feed+json').events);
    expect(odd).toMatchObject({ externalId: '17', title: null, text: 'Talks were held in Pyongyang.' });
    expect(() => parseFeed('{"items": [null]}', 'j', 'application/feed+json')).toThrow(/^not a feed: /);
    const [empty] = parseFeed('{"items": [{"id": "e"}]}', 'j', 'application/feed+json').events;
    expect(empty).toMatchObject({ kind: 'failure', reason: 'feed entry has no text and no title' });
  });
  it('refuses DTDs and entities without expanding anything', () => {
    expect(() => parseFeed(fixture('billion-laughs.xml'), 'x', 'application/xml')).toThrow(/refused: the XML declares a DOCTYPE/);
    expect(() => parseFeed(fixture('xxe.rss'), 'x', 'application/xml')).toThrow(NotAFeedError);
  });
  it('fails on malformed XML, HTML pages and JSON that is no feed', () => {
    expect(() => parseFeed(fixture('malformed.xml'), 'x', 'application/xml')).toThrow(/^malformed XML$/);
    expect(() => parseFeed(fixture('article.html'), 'x', 'text/html')).toThrow(/not a feed: the answer is an HTML page/);
    expect(() => parseFeed('{"title": "x"}', 'x', 'application/json')).toThrow(/JSON without an "items" array/);
    expect(() => parseFeed('{"items": [', 'x', 'application/json')).toThrow(/malformed JSON/);
  });
});
