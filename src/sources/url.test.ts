import { describe, expect, it } from 'vitest';
import { isHttpUrl, normaliseUrl } from './url.js';

describe('normaliseUrl', () => {
  it('lower-cases scheme and host but not the path', () => {
    expect(normaliseUrl('HTTP://WWW.KCNA.co.jp/Item/2011/X.html')).toBe('http://www.kcna.co.jp/Item/2011/X.html');
  });
  it('drops default ports, keeps others', () => {
    expect(normaliseUrl('https://example.org:443/a')).toBe('https://example.org/a');
    expect(normaliseUrl('http://example.org:80/a')).toBe('http://example.org/a');
    expect(normaliseUrl('http://example.org:8080/a')).toBe('http://example.org:8080/a');
  });
  it('drops fragments, credentials and tracking parameters, sorts the rest', () => {
    expect(normaliseUrl('https://u:p@example.org/a?b=2&utm_source=x&a=1&UTM_Medium=y&fbclid=z#top')).toBe(
      'https://example.org/a?a=1&b=2',
    );
    expect(normaliseUrl('https://example.org/a?utm_campaign=c')).toBe('https://example.org/a');
  });
  it('drops a trailing slash except on the root', () => {
    expect(normaliseUrl('https://example.org/news/')).toBe('https://example.org/news');
    expect(normaliseUrl('https://example.org/')).toBe('https://example.org/');
    expect(normaliseUrl('https://example.org')).toBe('https://example.org/');
  });
  it('makes equivalent addresses equal', () => {
    const a = normaliseUrl('HTTPS://Example.ORG:443/story/42/?utm_source=rss&id=7#comments');
    const b = normaliseUrl('https://example.org/story/42?id=7');
    expect(a).toBe(b);
  });
  it('refuses non-http and malformed input with the input named', () => {
    expect(() => normaliseUrl('ftp://example.org/x')).toThrow(/not an http\(s\) URL: "ftp:\/\/example.org\/x"/);
    expect(() => normaliseUrl('not a url')).toThrow(/not a valid URL/);
  });
  it('recognises http(s) URLs', () => {
    expect(isHttpUrl('https://x.org/feed')).toBe(true);
    expect(isHttpUrl('./data/x.jsonl')).toBe(false);
  });
});
