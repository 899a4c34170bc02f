import { describe, expect, it } from 'vitest';
import { normaliseUrl } from './url.js';

describe('normaliseUrl', () => {
  it('makes spellings of one page equal', () => {
    const a = normaliseUrl('https://WWW.KCNA.kp/en/article/q/abc.kcmsf?b=2&a=1&utm_source=x#top');
    const b = normaliseUrl(' https://kcna.kp/en/article/q/abc.kcmsf?a=1&b=2 ');
    expect(a).toBe(b);
    expect(a).toBe('https://kcna.kp/en/article/q/abc.kcmsf?a=1&b=2');
  });
  it('drops a trailing slash and the default port but keeps distinct paths apart', () => {
    expect(normaliseUrl('http://example.org:80/news/')).toBe('http://example.org/news');
    expect(normaliseUrl('http://example.org/news/1')).not.toBe(normaliseUrl('http://example.org/news/2'));
  });
  it('leaves file paths and non-http schemes alone', () => {
    expect(normaliseUrl(' corpus/a.txt ')).toBe('corpus/a.txt');
    expect(normaliseUrl('file:///tmp/A.txt')).toBe('file:///tmp/A.txt');
  });
});
