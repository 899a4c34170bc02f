import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle, htmlToText } from './html.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/sources/${name}`, import.meta.url), 'utf8');

describe('extractArticle', () => {
  it('takes the article paragraphs, title, date and language of a page', () => {
    const a = extractArticle(fixture('article.html'), 'https://news.example.org/2025/05/09/greetings');
    expect(a.language).toBe('en');
    expect(a.date).toBe('2025-05-09');
    expect(a.title).toMatch(/Leader sends greetings to Russian president on Victory Day/);
    expect(a.text).toMatch(/^PYONGYANG, May 9 -- Kim Jong Un sent a message of greetings/); // byline dropped
    expect(a.text).toContain('would grow ever stronger.\n\nHe wished the Russian people');
    // Neither navigation nor footer leaks in, and the byline is not glued to the body.
    expect(a.text).not.toMatch(/Home|Copyright/);
    expect(a.text).not.toMatch(/2025PYONGYANG/);
  });
  it('fails clearly on a page with no article', () => {
    expect(() => extractArticle(fixture('no-article.html'))).toThrow(/^no article found in the page/);
  });
  it('reads the date from a <time> element when no meta tag gives one', () => {
    const html = fixture('article.html').replace(/<meta property="article:published_time"[^>]*>/, '').replace('<article>', '<article><time datetime="2025-05-10">10 May</time>');
    expect(extractArticle(html).date).toBe('2025-05-10');
  });
});

describe('htmlToText', () => {
  it('joins paragraphs and falls back to all text without them', () => {
    expect(htmlToText('<p>One  <b>two</b></p><p>Three &amp; four</p>')).toBe('One two\n\nThree & four');
    expect(htmlToText('Plain <i>text</i> here')).toBe('Plain text here');
    expect(htmlToText('<p>By Jane Roe, Seoul</p><p>KCNA</p><p>Body by the river.</p>', 'KCNA')).toBe('Body by the river.');
  });
});
