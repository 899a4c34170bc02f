import type { Command } from 'commander';

const SETS = ['kcna-signals', 'plover-gsr', 'petr2-gsr', 'cameo-pentaclass'];
const collect = (v: string, acc: string[]) => [...acc, v];

export function register(program: Command): void {
  program
    .command('eval')
    .description(`score the coder against a gold file: ${SETS.join(', ')}`)
    .argument('<set>', `the gold set: ${SETS.join(' | ')}`)
    .argument('<file>', 'the gold file (JSONL, or TSV for cameo-pentaclass)')
    .option('--json', 'print the report as JSON')
    .option('--dict <dir>', 'a directory of your own dictionaries layered over the shipped ones (repeatable)', collect, [])
    .action(async (set: string, file: string, opts: { json?: boolean; dict: string[] }) => {
      if (!SETS.includes(set)) {
        process.stderr.write(`attache eval: unknown set "${set}" (expected ${SETS.join(', ')})\n`);
        process.exit(2);
      }
      const { runEval, formatReport } = await import('../eval/run.js');
      try {
        const report = await runEval(set as Parameters<typeof runEval>[0], file, { dictDirs: opts.dict });
        process.stdout.write(opts.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
      } catch (e) {
        process.stderr.write(`attache eval: ${(e as Error).message}\n`);
        process.exit(2);
      }
    });
}
