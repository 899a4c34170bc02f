import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { captureCommandOutput } from './capture.js';
import { dictOption, parseCount, parseIsoDate, parsePort, parsePositive, parseSize, parseSizeOption } from './options.js';

const out = captureCommandOutput();

describe('CLI option checks', () => {
  it('reads ports 0 to 65535 and names the bad one', () => {
    expect(parsePort('serve', '0')).toBe(0);
    expect(parsePort('serve', '8700')).toBe(8700);
    expect(() => parsePort('serve', '65536')).toThrow('exit 2');
    expect(out.stderr).toBe('attache serve: --port "65536" is not a port number (0–65535)\n');
  });

  it('reads whole numbers from a minimum, or within a range', () => {
    expect(parseCount('worker', '--threads', '0', 0)).toBe(0);
    expect(() => parseCount('worker', '--batch', '1.5', 1)).toThrow('exit 2');
    expect(() => parseCount('serve', '--workers', '65', 1, 64)).toThrow('exit 2');
    expect(out.stderr).toBe('attache worker: --batch "1.5" is not a whole number ≥ 1\nattache serve: --workers "65" is not a whole number from 1 to 64\n');
  });

  it('reads positive numbers, whole unless asked otherwise', () => {
    expect(parsePositive('watch', '--silent-after', '0.5', 'hours', false)).toBe(0.5);
    expect(() => parsePositive('watch', '--timeout', '0.5', 'milliseconds')).toThrow('exit 2');
    expect(() => parsePositive('watch', '--silent-after', '0', 'hours', false)).toThrow('exit 2');
    expect(out.stderr).toBe('attache watch: --timeout "0.5" is not a positive number of milliseconds\nattache watch: --silent-after "0" is not a positive number of hours\n');
  });

  it('reads sizes with k and M suffixes', () => {
    expect(['10485760', '512k', '10M', '3 kb'].map(parseSize)).toEqual([10485760, 524288, 10485760, 3072]);
    expect(parseSize('0')).toBeNull();
    expect(parseSize('ten')).toBeNull();
    expect(() => parseSizeOption('ingest', '--max-size', '1G')).toThrow('exit 2');
    expect(out.stderr).toBe('attache ingest: --max-size "1G" is not a size in bytes (e.g. 10485760, 512k, 10M)\n');
  });

  it('reads calendar dates and refuses days that do not exist', () => {
    expect(parseIsoDate('code', '--date', '2024-02-29')).toBe('2024-02-29');
    expect(() => parseIsoDate('code', '--date', '2023-02-29')).toThrow('exit 2');
    expect(out.stderr).toBe('attache code: --date "2023-02-29" is not a valid YYYY-MM-DD date\n');
  });

  it('collects repeated --dict directories, none by default', () => {
    const parse = (...args: string[]) => new Command().addOption(dictOption()).parse(args, { from: 'user' }).opts().dict;
    expect(parse()).toEqual([]);
    expect(parse('--dict', 'a', '--dict', 'b')).toEqual(['a', 'b']);
  });
});
