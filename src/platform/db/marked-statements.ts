/**
 * Statements the connection runs differently from how Kysely sends them. Kysely only passes a
 * statement's text and parameters to `client.query`; a statement whose text starts with a known
 * mark (a leading SQL comment, so the text stays valid SQL) goes to that mark's runner instead:
 * prepared statements (prepared-statements.ts) and bulk loads by COPY (copy-rows.ts). Every other
 * call, including pg's own callback and config forms, passes through untouched.
 */
import type pg from 'pg';

/** The client's own query function, as it was before the marks were routed. */
export type Query = (...args: unknown[]) => unknown;

export interface MarkedStatement {
  /** The text a marked statement starts with. */
  readonly mark: string;
  /** Runs a marked statement; answers what `client.query` would (a promise of a pg result). */
  run(text: string, values: readonly unknown[], query: Query): unknown;
}

/** Makes a pooled connection hand each marked statement to its runner. */
export function routeMarkedStatements(client: pg.PoolClient, statements: readonly MarkedStatement[]): void {
  const query = client.query.bind(client) as Query;
  const routed = (...args: unknown[]): unknown => {
    const [text, values] = args;
    if (typeof text !== 'string' || args.length !== 2 || !Array.isArray(values)) return query(...args);
    const statement = statements.find(({ mark }) => text.startsWith(mark));
    return statement ? statement.run(text, values, query) : query(...args);
  };
  client.query = routed as typeof client.query;
}
