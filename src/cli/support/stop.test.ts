import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const STOP = fileURLToPath(new URL('./stop.ts', import.meta.url));

/** Run `body` in a child (the stop helpers act on the whole process), send it `signal` once it says "ready". */
function runUntil(signal: NodeJS.Signals, body: string): Promise<{ code: number | null; out: string }> {
  const script = `import { closeOnStop, stopSignal } from ${JSON.stringify(STOP)};\n${body}\nprocess.stdout.write('ready\\n');`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
    if (out === 'ready\n') child.kill(signal);
  });
  return new Promise((ok) => child.on('close', (code) => ok({ code, out })));
}

describe('stopping long-running commands', () => {
  it('closes the server, then the store, then exits 0 on Ctrl-C', async () => {
    const r = await runUntil(
      'SIGINT',
      `const closing = (name, ms) => ({ close: async () => { await new Promise((r) => setTimeout(r, ms)); process.stdout.write(name + ' closed\\n'); } });
       closeOnStop(closing('server', 40), closing('store', 0));
       setInterval(() => {}, 1000);`,
    );
    expect(r).toEqual({ code: 0, out: 'ready\nserver closed\nstore closed\n' });
  });

  it('aborts the loop signal on SIGTERM and lets the loop finish', async () => {
    const r = await runUntil(
      'SIGTERM',
      `const signal = stopSignal();
       const timer = setInterval(() => {}, 1000);
       signal.addEventListener('abort', () => { clearInterval(timer); process.stdout.write('loop ended\\n'); });`,
    );
    expect(r).toEqual({ code: 0, out: 'ready\nloop ended\n' });
  });
});
