import type { Command } from 'commander';
import { Option } from 'commander';
import type { CodedDocument, CodingError } from '../types.js';
import { out } from '../analysis/cli-support.js';
import { dictOption, failer, parseIsoDate, parsePositive } from './support/options.js';

interface CodeOptions {
  date?: string;
  source?: string;
  format?: 'json' | 'jsonl' | 'csv' | 'table';
  dict: string[];
  jsonl?: boolean;
  maxSize: string;
}

export function register(program: Command): void {
  program
    .command('code')
    .description('code text into events, diplomatic signals and framing (output contract: DESIGN.md)')
    .argument('[file]', 'a text file, a .jsonl/.jsonl.gz file of documents, or - for standard input')
    .option('--date <YYYY-MM-DD>', 'publication date for documents that carry none')
    .option('--source <name>', 'outlet that published the text (e.g. KCNA)')
    .addOption(new Option('--format <format>', 'output format (default: json for text, jsonl for JSONL)').choices(['json', 'jsonl', 'csv', 'table']))
    .addOption(dictOption())
    .option('--jsonl', 'read the input as JSONL whatever its name')
    .option('--max-size <bytes>', 'largest document accepted', String(10 * 1024 * 1024))
    .action(runCode);
}

async function runCode(file: string | undefined, opts: CodeOptions): Promise<void> {
  const fail = failer('code');
  if (opts.date) parseIsoDate('code', '--date', opts.date);
  const maxBytes = parsePositive('code', '--max-size', opts.maxSize, 'bytes');
  if (!file) {
    if (process.stdin.isTTY) fail('no input: give a FILE, or - to read standard input');
    file = '-';
  }
  const { createCoder } = await import('../pipeline/coder.js');
  const { readDocuments } = await import('../pipeline/input.js');
  const { codedCsv, codedTable, csvHeader } = await import('../output/coded.js');
  const { documentLanguage, loadLanguageModel } = await import('../sources/language.js');
  await loadLanguageModel();

  let coder: Awaited<ReturnType<typeof createCoder>>;
  try {
    coder = createCoder({ dictDirs: opts.dict });
  } catch (e) {
    return fail(`dictionaries not loaded, nothing coded: ${(e as Error).message}`);
  }
  const jsonlInput = opts.jsonl || /\.jsonl(\.gz)?$/i.test(file);
  const format = opts.format ?? (jsonlInput ? 'jsonl' : 'json');
  const collected: (CodedDocument | CodingError)[] = [];
  let failed = 0;
  let done = 0;
  const progress = process.stderr.isTTY && jsonlInput ? setInterval(() => process.stderr.write(`\r${done} documents coded`), 1000) : null;
  if (format === 'csv') process.stdout.write(csvHeader());
  try {
    for await (const item of readDocuments(file, { jsonl: opts.jsonl, date: opts.date ?? null, source: opts.source ?? null, maxBytes })) {
      let result: CodedDocument | CodingError;
      if ('error' in item) result = item;
      else {
        try {
          result = coder.code({ ...item, language: documentLanguage(item.text, item.language) });
        } catch (e) {
          result = { id: item.id, error: `coding failed: ${(e as Error).message}` };
        }
      }
      done++;
      if ('error' in result) {
        failed++;
        process.stderr.write(`attache code: ${result.error}\n`);
      }
      if (format === 'jsonl') await out(JSON.stringify(result) + '\n');
      else if (format === 'json') collected.push(result);
      else if (!('error' in result) && !('error' in item)) {
        await out(format === 'csv' ? codedCsv(result, item.text) : codedTable(result, item.text));
      }
    }
  } catch (e) {
    fail((e as Error).message);
  } finally {
    if (progress) clearInterval(progress);
  }
  if (format === 'json') process.stdout.write(JSON.stringify(collected.length === 1 && !jsonlInput ? collected[0] : collected, null, 2) + '\n');
  if (failed > 0) {
    process.stderr.write(`attache code: ${failed} of ${done} documents failed\n`);
    process.exitCode = 1;
  }
}
