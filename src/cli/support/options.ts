/**
 * Option checks shared by the commands that read their options by hand (commander hands every value over as
 * a string). A bad value ends the command the one way every command fails: "attache CMD: --option "value"
 * is not …" on stderr, exit code 2.
 */
import { Option } from 'commander';
import { fail } from '../../analysis/cli-support.js';
import { isIsoDay } from '../../analysis/dates.js';

/** The command's `fail`: writes "attache CMD: message" and exits with code 2. */
export const failer =
  (cmd: string) =>
  (message: string): never =>
    fail(cmd, message);

/** A TCP port; 0 lets the system pick a free one. */
export function parsePort(cmd: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(cmd, `--port "${value}" is not a port number (0–65535)`);
  return port;
}

/** A whole number from `min` (to `max` when given). */
export function parseCount(cmd: string, option: string, value: string, min: number, max?: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || (max !== undefined && n > max)) {
    fail(cmd, `${option} "${value}" is not a whole number ${max === undefined ? `≥ ${min}` : `from ${min} to ${max}`}`);
  }
  return n;
}

/** A positive number of `unit`s: whole (milliseconds, bytes) unless `whole` is false (hours). */
export function parsePositive(cmd: string, option: string, value: string, unit: string, whole = true): number {
  const n = Number(value);
  if (!(n > 0) || (whole && !Number.isInteger(n))) fail(cmd, `${option} "${value}" is not a positive number of ${unit}`);
  return n;
}

/** "10485760", "512k", "10M" → bytes, or null. */
export function parseSize(s: string): number | null {
  const m = /^(\d+)\s*([km]?)b?$/i.exec(s.trim());
  if (!m) return null;
  const n = Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1024 : m[2].toLowerCase() === 'm' ? 1024 * 1024 : 1);
  return n > 0 ? n : null;
}

/** A size in bytes with an optional k or M suffix (see parseSize). */
export function parseSizeOption(cmd: string, option: string, value: string): number {
  return parseSize(value) ?? fail(cmd, `${option} "${value}" is not a size in bytes (e.g. 10485760, 512k, 10M)`);
}

/** A calendar date YYYY-MM-DD that exists. */
export function parseIsoDate(cmd: string, option: string, value: string): string {
  if (!isIsoDay(value)) fail(cmd, `${option} "${value}" is not a valid YYYY-MM-DD date`);
  return value;
}

/** `--dict DIR`, repeatable: the user's dictionary directories layered over the shipped ones. */
export const dictOption = () =>
  new Option('--dict <dir>', 'a directory of your own dictionaries layered over the shipped ones (repeatable)')
    .argParser((dir: string, dirs: string[]) => [...dirs, dir])
    .default([]);
