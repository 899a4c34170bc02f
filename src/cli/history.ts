import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('history')
    .description("a document's stored versions and a unified diff between consecutive versions")
    .argument('<url-or-id>', 'the document: its URL, its numeric store id, or the id its source gave it')
    .option('--db <path>', 'store (default: ATTACHE_DB or ./attache.db)')
    .option('--context <n>', 'unchanged lines shown around each change', '3')
    .action(runHistory);
}

async function runHistory(urlOrId: string, opts: { db?: string; context: string }): Promise<void> {
  const fail = (msg: string) => {
    process.stderr.write(`attache history: ${msg}\n`);
    process.exitCode = 2;
  };
  const context = Number(opts.context);
  if (!/^\d+$/.test(opts.context)) return fail(`--context "${opts.context}" is not a whole number`);
  const { openQueryStore } = await import('../store/open.js');
  const { unifiedDiff } = await import('../store/diff.js');
  const store = await openQueryStore('history', opts.db);
  if (!store) return;
  try {
    const found = await store.history(urlOrId);
    if (!found.length) return fail(`no document "${urlOrId}" in ${store.location}`);
    const out: string[] = [];
    for (const { document: d, versions } of found) {
      out.push(`document ${d.id}  ${d.url ?? '(no url)'}  ${d.source ?? ''}  ${d.externalId ?? ''}`.trimEnd());
      out.push(`  title: ${d.title ?? ''}`);
      if (d.missingSince) out.push(`  missing from its feed since ${d.missingSince}`);
      for (const v of versions)
        out.push(`  v${v.version}  ${v.fetchedAt}  sha256 ${v.contentHash.slice(0, 16)}  simhash ${v.simhash}  ${v.text.length} chars  ${v.rawType}`);
      for (let i = 1; i < versions.length; i++) {
        const [a, b] = [versions[i - 1], versions[i]];
        out.push('', unifiedDiff(a.text, b.text, { from: `v${a.version} ${a.fetchedAt}`, to: `v${b.version} ${b.fetchedAt}` }, context).trimEnd());
      }
      out.push('');
    }
    process.stdout.write(out.join('\n') + '\n');
  } finally {
    await store.close();
  }
}
