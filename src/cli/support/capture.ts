/**
 * For tests of command code run in the test's process: what it writes to stdout and stderr is kept, and
 * process.exit throws "exit CODE" so the test goes on after a command fails.
 */
import { afterEach, beforeEach, vi } from 'vitest';

export interface Captured {
  stdout: string;
  stderr: string;
}

/** Install the capture around each test of the calling file; read the output from the returned object. */
export function captureCommandOutput(): Captured {
  const captured: Captured = { stdout: '', stderr: '' };
  beforeEach(() => {
    captured.stdout = captured.stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((captured.stdout += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((captured.stderr += String(s)), true));
    vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`exit ${code}`);
    });
  });
  afterEach(() => vi.restoreAllMocks());
  return captured;
}
