// Minimal reader for the BKS tables under ../shared/data/vrp (plain comma-separated, no quoting).
import { readFileSync } from 'node:fs';

/** Rows of `file` keyed by instance name; each row maps column name → text. */
export function readBksTable(file: URL): Map<string, Record<string, string>> {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  const rows = new Map<string, Record<string, string>>();
  for (const line of lines) {
    const row = Object.fromEntries(line.split(',').map((value, i) => [columns[i] ?? `column${i}`, value]));
    rows.set(row['instance'] ?? '', row);
  }
  return rows;
}
