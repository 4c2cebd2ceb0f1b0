/**
 * @module The regulator's CSV export of the audit log (RFC 4180: CRLF line ends, fields quoted
 * when they hold a comma, quote or line break; quotes doubled).
 */

/** One audit entry as the API shows it. */
export interface AuditEntry {
  readonly id: string;
  readonly occurred_at: string;
  readonly action: string;
  readonly party_code: string | null;
  readonly party_kind: string | null;
  readonly key_id: string | null;
  readonly actor_id: string;
  readonly actor_name: string | null;
  readonly purpose: string | null;
  readonly case_ref: string | null;
  readonly subject_party_ids: string[];
  readonly items: unknown;
  readonly item_count: number;
  readonly ip: string | null;
}

const COLUMNS = [
  'id', 'occurred_at', 'action', 'party_code', 'party_kind', 'key_id', 'actor_id', 'actor_name',
  'purpose', 'case_ref', 'subject_party_ids', 'item_count', 'items', 'ip',
] as const;

/** The header line of the export. */
export const AUDIT_CSV_HEADER = `${COLUMNS.join(',')}\r\n`;

/** One entry as a CSV line; lists are joined with spaces and items written as JSON. */
export function auditCsvLine(entry: AuditEntry): string {
  const cell = (column: (typeof COLUMNS)[number]): string => {
    const value = entry[column];
    if (value === null) return '';
    if (column === 'subject_party_ids') return entry.subject_party_ids.join(' ');
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  return `${COLUMNS.map((column) => quote(cell(column))).join(',')}\r\n`;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
