import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command } from 'commander';

/**
 * The `attache` command line. Every file in this directory that exports `register(program)` is a command
 * (one command a file); commands import their heavy modules inside their actions so start-up stays quick.
 */
async function buildProgram(): Promise<Command> {
  const program = new Command('attache')
    .description('attaché: code diplomatic news into explainable events, signals and framing; keep, analyse, show')
    .version('0.1.0')
    .showHelpAfterError();
  const here = dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(here)
    .filter((f) => /^[a-z-]+\.(ts|js)$/.test(f) && !/^main\./.test(f))
    .sort();
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { register?: (p: Command) => void };
    mod.register?.(program);
  }
  return program;
}

const program = await buildProgram();
await program.parseAsync(process.argv);
