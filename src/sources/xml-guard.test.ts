import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { xmlDeclarationProblem } from './xml-guard.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/sources/${name}`, import.meta.url), 'utf8');

describe('xmlDeclarationProblem', () => {
  it('refuses entity expansion (billion laughs) and external entities (XXE)', () => {
    expect(xmlDeclarationProblem(fixture('billion-laughs.xml'))).toMatch(/^refused: .*DOCTYPE/);
    expect(xmlDeclarationProblem(fixture('xxe.rss'))).toMatch(/^refused: .*DOCTYPE/);
    expect(xmlDeclarationProblem('<rss><!ENTITY x "y"><channel/></rss>')).toMatch(/^refused: .*ENTITY/);
    expect(xmlDeclarationProblem('<rss>< !DOCTYPE x></rss>')).toBeNull(); // not a declaration
  });
  it('lets ordinary feeds through, including declarations quoted in CDATA or comments', () => {
    expect(xmlDeclarationProblem(fixture('feed.rss'))).toBeNull();
    expect(xmlDeclarationProblem('<rss><!-- <!DOCTYPE x> --><channel><description><![CDATA[<!ENTITY a "b">]]></description></channel></rss>')).toBeNull();
  });
});
