import type { Command } from 'commander';
import { Option } from 'commander';

export function register(program: Command): void {
  program
    .command('search')
    .description('full-text search over the stored documents (current versions), best first, with snippets')
    .argument('<query...>', 'words (all must occur; "Jong-un" is a phrase), or FTS5 syntax: "exact phrase", OR, NOT, prefix*')
    .option('--db <path>', 'store (default: ATTACHE_DB or ./attache.db)')
    .option('--limit <n>', 'at most n hits', '20')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'jsonl']).default('text'))
    .action(runSearch);
}

async function runSearch(words: string[], opts: { db?: string; limit: string; format: 'text' | 'jsonl' }): Promise<void> {
  const fail = (msg: string) => {
    process.stderr.write(`attache search: ${msg}\n`);
    process.exitCode = 2;
  };
  if (!/^[1-9]\d*$/.test(opts.limit)) return fail(`--limit "${opts.limit}" is not a positive whole number`);
  const { openQueryStore } = await import('../store/open.js');
  const store = await openQueryStore('search', opts.db);
  if (!store) return;
  try {
    const hits = await store.search(words.join(' '), Number(opts.limit));
    const out =
      opts.format === 'jsonl'
        ? hits.map((h) => JSON.stringify(h))
        : hits.map((h) => `${h.documentId}\t${h.date ?? '????-??-??'}\t${h.source ?? ''}\t${h.title ?? ''}\n\t${h.url ?? ''}\n\t${h.snippet.replace(/\s+/g, ' ')}`);
    if (out.length) process.stdout.write(out.join('\n') + '\n');
    else if (opts.format === 'text') process.stderr.write('no documents match\n');
  } catch (e) {
    fail((e as Error).message);
  } finally {
    await store.close();
  }
}
