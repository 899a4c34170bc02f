/**
 * Hostile-XML guard. fast-xml-parser (under @extractus/feed-extractor) reads DOCTYPE declarations;
 * a feed has no business declaring a DTD or entities, so any DOCTYPE or ENTITY declaration outside
 * CDATA and comments is refused before the XML reaches a parser: nothing is ever expanded, no external
 * entity is ever resolved ("billion laughs", XXE).
 */

const HIDDEN = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g;
const DECLARATION = /<!\s*(DOCTYPE|ENTITY)\b/i;

/** Why this XML is refused, or null when it declares no DTD and no entity. */
export function xmlDeclarationProblem(xml: string): string | null {
  const m = DECLARATION.exec(xml.replace(HIDDEN, ''));
  if (!m) return null;
  return m[1].toUpperCase() === 'DOCTYPE'
    ? 'refused: the XML declares a DOCTYPE (DTDs and entity declarations are never processed)'
    : 'refused: the XML declares an ENTITY (entity expansion and external entities are never processed)';
}
