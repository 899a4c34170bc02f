import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Plain-text dictionaries: one entry a line, fields separated by `|`, `#` starts a comment,
 * blank lines ignored. Each dictionary kind gives its columns in the header comment of its files.
 */
export interface DictLine {
  /** Path relative to its dictionary root, e.g. "actors/countries.txt". */
  file: string;
  /** 1-based line number. */
  line: number;
  fields: string[];
  /** "actors/countries.txt:12" (user directories are prefixed with their root). */
  rule: string;
}

/** Raised for a malformed dictionary line; message is "file:line: problem". */
export class DictError extends Error {
  constructor(
    public readonly where: string,
    problem: string,
  ) {
    super(`${where}: ${problem}`);
    this.name = 'DictError';
  }
}

/** The shipped dictionaries: `data/` at the package root. */
export const SHIPPED_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data');

/** Split one dictionary text into lines with fields. */
export function parseDictText(text: string, file: string, rulePrefix = ''): DictLine[] {
  const out: DictLine[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const hash = raw.indexOf('#');
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (!body) continue;
    out.push({
      file,
      line: i + 1,
      fields: body.split('|').map((f) => f.trim()),
      rule: `${rulePrefix}${file}:${i + 1}`,
    });
  }
  return out;
}

/**
 * Dictionary roots in layering order: the shipped `data/` first, then each user directory
 * (`--dict DIR`). Later roots add entries; where a loader keys entries, later ones win.
 */
export class DictSources {
  readonly roots: string[];
  constructor(userDirs: string[] = [], shipped: string = SHIPPED_DATA_DIR) {
    for (const d of userDirs) {
      if (!existsSync(d) || !statSync(d).isDirectory()) throw new DictError(d, 'dictionary directory not found');
    }
    this.roots = [shipped, ...userDirs.map((d) => resolve(d))];
  }

  /** Every `*.txt` file under `sub/` of every root, as parsed lines, in root order then name order. */
  lines(sub: string): DictLine[] {
    const out: DictLine[] = [];
    this.roots.forEach((root, i) => {
      const dir = join(root, sub);
      if (!existsSync(dir)) return;
      const prefix = i === 0 ? 'data/' : `${root}/`;
      for (const f of listTxt(dir)) {
        const rel = relative(root, f);
        out.push(...parseDictText(readFileSync(f, 'utf8'), rel, prefix.replace(/\/+$/, '/')));
      }
    });
    return out;
  }

  /** Files anywhere under the user roots whose name matches `re` (for foreign formats such as PETRARCH). */
  userFiles(re: RegExp): string[] {
    return this.roots.slice(1).flatMap((r) => listAll(r).filter((f) => re.test(f)));
  }
}

function listAll(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listAll(p));
    else out.push(p);
  }
  return out;
}

function listTxt(dir: string): string[] {
  return listAll(dir).filter((f) => f.endsWith('.txt'));
}
