import { describe, expect, it } from 'vitest';
import { parseFeedsText } from './feeds-file.js';

describe('parseFeedsText', () => {
  it('reads a YAML list with names and intervals in several spellings', () => {
    const yaml = `
- url: https://news.example.org/rss
  name: Pyongyang Times
  interval: 15m
- url: https://mfa.example.org/atom
  interval: 120
- url: http://127.0.0.1:8080/feed.json
  interval: 2h
`;
    expect(parseFeedsText(yaml, 'feeds.yaml')).toEqual([
      { url: 'https://news.example.org/rss', name: 'Pyongyang Times', intervalSeconds: 900 },
      { url: 'https://mfa.example.org/atom', name: 'mfa.example.org', intervalSeconds: 120 },
      { url: 'http://127.0.0.1:8080/feed.json', name: '127.0.0.1', intervalSeconds: 7200 },
    ]);
  });
  it('reads JSON, as a list or under "feeds", with the default interval', () => {
    expect(parseFeedsText('[{"url": "https://a.example/rss"}]', 'f.json')).toEqual([{ url: 'https://a.example/rss', name: 'a.example', intervalSeconds: 900 }]);
    expect(parseFeedsText('{"feeds": [{"url": "https://a.example/rss", "name": "A"}]}', 'f.json')[0].name).toBe('A');
  });
  it('names the file and entry of a bad feed', () => {
    expect(() => parseFeedsText('- url: ftp://x.example/feed', 'feeds.yaml')).toThrow('feeds.yaml: entry 1 url: url must be an http(s) URL');
    expect(() => parseFeedsText('- url: https://x.example/a\n- url: https://x.example/b\n  interval: often', 'feeds.yaml')).toThrow(
      /^feeds.yaml: entry 2 interval: /,
    );
    expect(() => parseFeedsText('url: https://x.example/a', 'feeds.yaml')).toThrow('feeds.yaml: expected a list of feeds ({url, name?, interval?})');
    expect(() => parseFeedsText('[', 'feeds.json')).toThrow(/^feeds.json: not valid JSON/);
    expect(() => parseFeedsText('[]', 'feeds.json')).toThrow('feeds.json: no feeds listed');
    expect(() => parseFeedsText('- url: https://x.example/a\n- url: https://x.example/a', 'f.yaml')).toThrow('f.yaml: entry 2: feed https://x.example/a is listed twice');
  });
});
