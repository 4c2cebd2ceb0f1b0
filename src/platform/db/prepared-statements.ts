/**
 * Prepared statements under Kysely. Kysely sends every statement unnamed, so PostgreSQL parses
 * and plans it on every call; for a short hot read the planning costs more than the execution (a
 * timeline lookup takes about three times the database CPU unnamed as prepared). A statement that
 * starts with `prepared` is sent as a named statement instead: parsed and planned once per
 * connection, then only bound and executed. Mark only statements of a few fixed texts: each
 * distinct text stays prepared on every connection for the connection's life. Name the columns
 * they return (no SELECT *): a prepared statement fails once the shape of its result changes.
 */
import { hash } from 'node:crypto';
import { sql } from 'kysely';
import type { MarkedStatement } from './marked-statements.ts';

const MARK = '/* prepared */ ';

/** Put first in a statement's sql`` template to have it prepared. */
export const prepared = sql.raw(MARK);

const names = new Map<string, string>();

/** A name per distinct text, so two statements never share one and each is parsed once. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `prepared_${hash('sha256', text, 'hex').slice(0, 32)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Marked statements sent as named ones. Only for a real server: each pooled client is its own
 * session there, so a name is prepared once per session.
 */
export const preparedStatements: MarkedStatement = {
  mark: MARK,
  run: (text, values, query) => query({ name: statementName(text), text, values }),
};
