/**
 * Bulk inserts by COPY under Kysely. COPY is PostgreSQL's fastest way in: rows go straight to the
 * table, in multi-row heap writes, with no executor and no JSON to take apart (a batch of 1,000
 * scans: 10.3–11.3 µs of database CPU per row by INSERT … SELECT over JSON arrays, 6.5–7.3 by
 * COPY). Kysely only sends statements with parameters, so `copyRows` builds a marked statement
 * (marked-statements.ts) whose one parameter is the data, and `copyStatements` loads it the way
 * the connection's driver can: COPY FROM STDIN on PostgreSQL, and on PGlite, whose
 * node-postgres bridge does not carry COPY's sub-protocol, PGlite's own COPY FROM '/dev/blob' on
 * the same single session. Either way the rows join the caller's transaction, and a row that
 * breaks a constraint fails the whole statement with the usual error.
 */
import { sql, type RawBuilder } from 'kysely';
import type { PGlite } from '@electric-sql/pglite';
import { from as copyFrom } from 'pg-copy-streams';
import type { MarkedStatement, Query } from './marked-statements.ts';

const MARK = '/* copy */ ';
const FROM_STDIN = 'FROM STDIN';

const SPECIAL = /[\\\n\r\t]/;
const SPECIALS = new RegExp(SPECIAL.source, 'g');
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A column's values in COPY's text format: NULL as \N, objects as JSON, and the format's four
 * special characters escaped (most values have none, so each is only tested).
 */
function columnTexts(column: readonly unknown[]): string[] {
  return column.map((value) => {
    if (value === null || value === undefined) return '\\N';
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return SPECIAL.test(text) ? text.replace(SPECIALS, (special) => ESCAPES[special] ?? special) : text;
  });
}

/**
 * `COPY table (column, …) FROM STDIN` of equally long column arrays; run it like any statement.
 * Text values are cast by the column's type (ISO times, JSON for jsonb); objects are sent as JSON.
 * Each line is joined from its fields and the lines joined once, so the data is one flat string:
 * appending field by field made a rope of small strings, about six times the data's size in
 * garbage, which the driver then flattened again to encode it.
 */
export function copyRows(table: string, columns: Readonly<Record<string, readonly unknown[]>>): RawBuilder<unknown> {
  const names = Object.keys(columns);
  const texts = names.map((name) => columnTexts(columns[name] ?? []));
  const lines: string[] = [];
  const fields: string[] = [];
  for (let row = 0; row < (texts[0]?.length ?? 0); row++) {
    for (let index = 0; index < texts.length; index++) fields[index] = texts[index]?.[row] ?? '\\N';
    lines.push(fields.join('\t'));
  }
  lines.push('');
  const data = lines.join('\n');
  // The data rides as the statement's parameter, placed in a comment so the text stays valid COPY.
  return sql`${sql.raw(MARK)}COPY ${sql.id(table)} (${sql.join(names.map((name) => sql.id(name)))}) ${sql.raw(FROM_STDIN)} /* ${data} */`;
}

/**
 * How a driver loads a COPY statement's data; `head` is the statement up to its source
 * (`COPY "table" ("column", …) `), `query` the connection's own. Answers the number of rows loaded.
 */
type LoadCopy = (head: string, data: string, query: Query) => Promise<number>;

/** COPY FROM STDIN on the connection's own PostgreSQL session. */
const copyFromStdin: LoadCopy = (head, data, query) =>
  new Promise((resolve, reject) => {
    const stream = query(copyFrom(`${head}${FROM_STDIN}`)) as ReturnType<typeof copyFrom>;
    stream.on('finish', () => resolve(stream.rowCount));
    stream.on('error', reject);
    stream.end(data);
  });

/** PGlite's COPY FROM '/dev/blob', on its one session: inside whatever transaction the bridge has open. */
function copyFromBlob(pglite: PGlite): LoadCopy {
  return async (head, data) => {
    const result = await pglite.query(`${head}FROM '/dev/blob'`, [], { blob: new Blob([data]) });
    return result.affectedRows ?? 0;
  };
}

/**
 * Statements built by `copyRows`, run as COPY: on PostgreSQL through the connection itself, on
 * PGlite through the PGlite instance behind the bridge.
 */
export function copyStatements(pglite?: PGlite): MarkedStatement {
  const load = pglite ? copyFromBlob(pglite) : copyFromStdin;
  return {
    mark: MARK,
    run: (text, values, query) =>
      // Answered as the INSERT it is, so Kysely reports the rows loaded as numAffectedRows.
      load(text.slice(MARK.length, text.lastIndexOf(FROM_STDIN)), String(values[0]), query).then((rowCount) => ({ command: 'INSERT', rowCount, rows: [], fields: [] })),
  };
}
