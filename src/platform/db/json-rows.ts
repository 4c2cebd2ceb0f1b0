/**
 * Rows for a set-based write, sent as one JSON array per column and zipped back into rows by
 * `ROWS FROM (json_array_elements_text(…), …)`. Building them costs one native JSON.stringify per
 * column, where text[] parameters cost node-postgres' array quoting in JavaScript for every value;
 * and PostgreSQL takes them apart faster than json_to_recordset (no per-row key lookup) or text
 * arrays. A column arrives as text (JSON null as NULL; cast it in the SELECT that reads it), or
 * when listed in `jsonColumns` as json, so that any JSON value, strings and null included, keeps
 * its JSON form.
 */
import { sql, type RawBuilder } from 'kysely';

/** `ROWS FROM (…) AS alias(column, …)` over equally long column arrays. */
export function jsonRows(alias: string, columns: Readonly<Record<string, readonly unknown[]>>, jsonColumns: readonly string[] = []): RawBuilder<unknown> {
  const names = Object.keys(columns);
  const unpacked = names.map((name) =>
    jsonColumns.includes(name) ? sql`json_array_elements(${JSON.stringify(columns[name])}::json)` : sql`json_array_elements_text(${JSON.stringify(columns[name])}::json)`,
  );
  return sql`ROWS FROM (${sql.join(unpacked)}) AS ${sql.id(alias)}(${sql.join(names.map((name) => sql.id(name)))})`;
}
