import type { Command } from 'commander';
import { fail } from '../analysis/cli-support.js';
import { dictOption } from './support/options.js';

const SETS = ['kcna-signals', 'plover-gsr', 'petr2-gsr', 'cameo-pentaclass'];

export function register(program: Command): void {
  program
    .command('eval')
    .description(`score the coder against a gold file: ${SETS.join(', ')}`)
    .argument('<set>', `the gold set: ${SETS.join(' | ')}`)
    .argument('<file>', 'the gold file (JSONL, or TSV for cameo-pentaclass)')
    .option('--json', 'print the report as JSON')
    .addOption(dictOption())
    .action(async (set: string, file: string, opts: { json?: boolean; dict: string[] }) => {
      if (!SETS.includes(set)) fail('eval', `unknown set "${set}" (expected ${SETS.join(', ')})`);
      const { runEval, formatReport } = await import('../eval/run.js');
      try {
        const report = await runEval(set as Parameters<typeof runEval>[0], file, { dictDirs: opts.dict });
        process.stdout.write(opts.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
      } catch (e) {
        fail('eval', (e as Error).message);
      }
    });
}
