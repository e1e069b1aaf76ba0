import { csvRecords } from '../../../domain/cluster-import.ts';

/** Parses a small RFC 4180 CSV text (header row first) into records keyed by the header names. */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...body] = csvRecords(text).filter((r) => r.length > 1 || r[0] !== '');
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
