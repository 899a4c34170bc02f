/** Running the attache CLI from tests of ingest, watch and sources. */
import { spawn } from 'node:child_process';

/** Run the CLI (async, so the loopback server in this process can answer). */
export function attache(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; out: string; err: string }> {
  return new Promise((ok) => {
    const child = spawn('node', ['bin/attache.js', ...args], { env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (status) => ok({ status, out, err }));
  });
}
