/** One RFC 4180 CSV row: fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvRow(values: readonly unknown[]): string {
  return values.map(csvField).join(',') + '\n';
}

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
